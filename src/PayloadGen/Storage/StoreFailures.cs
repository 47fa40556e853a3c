using System;
using System.IO;
using System.Net.Http;
using System.Net.Sockets;
using System.Threading;
using Amazon.Runtime;

namespace PayloadGen;

/// <summary>
/// Tells a store's failure (the service refusing, the network failing, a timeout) from the caller cancelling and
/// from PayloadGen's own verdicts, so that every store call reports the former as a <see cref="PayloadStoreException"/>
/// naming the object, never as a raw <see cref="HttpRequestException"/> or SDK exception.
/// </summary>
internal static class StoreFailures
{
    /// <summary>Whether <paramref name="error"/>, thrown by a store call under <paramref name="cancellationToken"/>, is the store failing.</summary>
    public static bool IsStoreFailure(Exception error, CancellationToken cancellationToken) => error switch
    {
        // Already specific (not found, integrity, role assumption): keep it.
        ClaimCheckException => false,

        // The caller's own cancellation stays a cancellation; any other is a timeout inside the HTTP stack.
        OperationCanceledException => !cancellationToken.IsCancellationRequested,
        AmazonServiceException or AmazonClientException or HttpRequestException or IOException or SocketException or TimeoutException => true,
        _ => false,
    };

    /// <summary>The detail of a failure that is not the service's answer: its type and its message, escaped.</summary>
    public static string Describe(Exception error)
        => error is OperationCanceledException
            ? $"the request timed out ({error.GetType().Name})"
            : $"{error.GetType().Name}: {UntrustedName.Render(error.Message)}";
}

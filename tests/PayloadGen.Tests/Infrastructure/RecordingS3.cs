using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Linq;
using System.Reflection;
using Amazon.S3;

namespace PayloadGen.Tests.Infrastructure;

/// <summary>
/// An <see cref="IAmazonS3"/> that forwards to a real client and records every call with its request, so tests
/// can prove that a refused pointer made no S3 call at all and that requests carry what they must.
/// </summary>
public class RecordingS3 : DispatchProxy
{
    private IAmazonS3 _inner = null!;

    public ConcurrentQueue<(string Method, object? Request)> Calls { get; } = new();

    public IReadOnlyList<string> Methods => Calls.Select(call => call.Method).ToList();

    public static (IAmazonS3 Client, RecordingS3 Recorder) Wrap(IAmazonS3 inner)
    {
        IAmazonS3 proxy = Create<IAmazonS3, RecordingS3>();
        var recorder = (RecordingS3)(object)proxy;
        recorder._inner = inner;
        return (proxy, recorder);
    }

    protected override object? Invoke(MethodInfo? targetMethod, object?[]? args)
    {
        if (targetMethod is not null && !targetMethod.IsSpecialName && targetMethod.Name != nameof(System.IDisposable.Dispose))
        {
            Calls.Enqueue((targetMethod.Name, args is { Length: > 0 } ? args[0] : null));
        }

        try
        {
            return targetMethod!.Invoke(_inner, args);
        }
        catch (TargetInvocationException ex) when (ex.InnerException is not null)
        {
            System.Runtime.ExceptionServices.ExceptionDispatchInfo.Capture(ex.InnerException).Throw();
            throw;
        }
    }
}

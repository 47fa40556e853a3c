using System.Threading;
using System.Threading.Tasks;
using Amazon.Lambda.Core;
using PayloadGen.Tests.Infrastructure;

namespace PayloadGen.Tests.Handlers;

/// <summary>Handlers compiled by the real generator, as in a user's project (see Lambda/ILambdaContext.cs).</summary>
public static partial class ReportHandlers
{
    /// <summary>The injection point the generator recognises; tests point it at s3rver or a file store.</summary>
    public static ClaimCheckRuntime? ClaimCheckRuntime { get; set; }

    /// <summary>Returns what it received: a 20 MB request makes a 20 MB response.</summary>
    [ClaimCheck]
    public static Task<Report> Echo(Report request, ILambdaContext context) => Task.FromResult(request);

    /// <summary>Waits for the deadline token and reports whether it fired.</summary>
    [ClaimCheck]
    public static async Task<string> WaitForDeadline(ILambdaContext context, CancellationToken cancellationToken)
    {
        try
        {
            await Task.Delay(Timeout.Infinite, cancellationToken);
            return "not cancelled";
        }
        catch (TaskCanceledException)
        {
            return $"cancelled with {context.RemainingTime.TotalMilliseconds:F0} ms left";
        }
    }
}

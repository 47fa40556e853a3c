using System;
using System.Threading;

namespace PayloadGen;

/// <summary>
/// A cancellation token that fires a margin before the Lambda deadline, so the handler and every S3 call can
/// stop cleanly — with a logged error and no half-written result — instead of being killed by the timeout.
/// </summary>
public sealed class LambdaDeadline : IDisposable
{
    private readonly CancellationTokenSource? _source;

    private LambdaDeadline(CancellationTokenSource? source) => _source = source;

    /// <summary>A deadline that never fires (no Lambda context, so the remaining time is unknown).</summary>
    public static LambdaDeadline None { get; } = new(null);

    /// <summary>Cancelled <c>margin</c> before the deadline.</summary>
    public CancellationToken Token => _source?.Token ?? CancellationToken.None;

    /// <summary>Starts a deadline <paramref name="remaining"/> from now, firing <paramref name="margin"/> early.</summary>
    /// <remarks>A non-positive <paramref name="remaining"/> means the remaining time is unknown: the token never fires.</remarks>
    public static LambdaDeadline Start(TimeSpan remaining, TimeSpan margin)
    {
        if (remaining <= TimeSpan.Zero)
        {
            return None;
        }

        TimeSpan delay = remaining - margin;
        var source = new CancellationTokenSource();
        if (delay <= TimeSpan.Zero)
        {
            source.Cancel();
        }
        else
        {
            source.CancelAfter(delay);
        }

        return new LambdaDeadline(source);
    }

    /// <inheritdoc />
    public void Dispose() => _source?.Dispose();
}

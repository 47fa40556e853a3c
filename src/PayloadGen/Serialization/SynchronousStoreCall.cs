using System;
using System.Threading;
using System.Threading.Tasks;

namespace PayloadGen;

/// <summary>
/// Runs the runtime's asynchronous store work to completion for <c>ILambdaSerializer</c>, whose methods are
/// synchronous (the AWS SDK has no synchronous S3 calls on .NET Core).
/// </summary>
/// <remarks>
/// Every await below the runtime's public methods uses <c>ConfigureAwait(false)</c>, so no continuation ever needs
/// the blocked thread back: blocking cannot deadlock when the caller has no <see cref="SynchronizationContext"/>
/// and runs on the default scheduler — the Lambda runtime's case — and the work is awaited in place, without a
/// second thread. A caller with a context (a UI or a test framework's single-threaded context) or a custom scheduler
/// gets the work started on the thread pool first, so nothing is ever queued to the context it blocks.
/// Lambda runs one invocation at a time per environment, so the one blocked thread per call cannot starve the pool;
/// completed operations (inline payloads) never block at all.
/// </remarks>
internal static class SynchronousStoreCall
{
    /// <summary>The result of <paramref name="operation"/>, waited for without a deadlock.</summary>
    public static T Run<T>(Func<ValueTask<T>> operation)
    {
        if (SynchronizationContext.Current is null && TaskScheduler.Current == TaskScheduler.Default)
        {
            ValueTask<T> pending = operation();
            return pending.IsCompletedSuccessfully ? pending.Result : pending.AsTask().GetAwaiter().GetResult();
        }

        return Task.Run(async () => await operation().ConfigureAwait(false)).GetAwaiter().GetResult();
    }
}

using System;
using System.Threading;
using System.Threading.Tasks;

namespace PayloadGen.Tests.Infrastructure;

/// <summary>
/// A synchronization context that counts the continuations posted to it. PayloadGen awaits with
/// <c>ConfigureAwait(false)</c> so that a caller blocking on a context (a UI thread, a synchronous serializer call)
/// cannot deadlock; every post counted here is a continuation that would have queued behind such a caller.
/// </summary>
internal sealed class CountingSynchronizationContext : SynchronizationContext
{
    private int _posts;

    public int Posts => Volatile.Read(ref _posts);

    public override void Post(SendOrPostCallback d, object? state)
    {
        Interlocked.Increment(ref _posts);
        base.Post(d, state);
    }

    /// <summary>Starts <paramref name="operation"/> with this context current, awaits it outside, and returns the posts.</summary>
    public static async Task<int> PostsDuringAsync(Func<Task> operation)
    {
        var context = new CountingSynchronizationContext();
        SynchronizationContext? previous = Current;
        Task running;
        SetSynchronizationContext(context);
        try
        {
            running = operation();
        }
        finally
        {
            SetSynchronizationContext(previous);
        }

        await running;
        return context.Posts;
    }
}

using System;
using System.Threading;
using System.Threading.Tasks;

namespace PayloadGen.Tests.Infrastructure;

/// <summary>Waiting for work running elsewhere (a part uploading on the thread pool) to reach a state.</summary>
public static class Eventually
{
    /// <summary>Polls <paramref name="condition"/> until it holds; fails the test if it does not within <paramref name="patience"/>.</summary>
    public static async Task WaitUntilAsync(Func<bool> condition, TimeSpan patience)
    {
        using var timeout = new CancellationTokenSource(patience);
        while (!condition())
        {
            await Task.Delay(5, timeout.Token);
        }
    }
}

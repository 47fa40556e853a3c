using System;
using System.Globalization;
using System.Threading;
using PayloadGen;

namespace PayloadGen.Demo;

/// <summary>
/// Prints one line per payload the claim check handles: who handled it, how big it was, how long it took, and
/// whether it travelled inline or through the store. In the demo the caller and the function share one runtime,
/// so its events come in the order of a call: the caller writes the request, the function reads it, the function
/// writes the response, the caller reads it.
/// </summary>
internal sealed class ConsoleObserver : IClaimCheckObserver
{
    private static readonly string[] s_steps = ["caller   writes request ", "function reads request  ", "function writes response", "caller   reads response "];

    private int _count;

    /// <summary>
    /// Whether events are printed. The runtime's options (and so its observer) are frozen once it runs, so the demo
    /// switches the printing here instead of swapping observers.
    /// </summary>
    public bool Enabled { get; set; } = true;

    public void OnPayload(ClaimCheckEvent payloadEvent)
    {
        if (!Enabled)
        {
            return;
        }

        int step = (Interlocked.Increment(ref _count) - 1) % s_steps.Length;
        string route = payloadEvent.Pointer is { } pointer
            ? $"through the store  {pointer.Bucket}/{pointer.Key}"
            : "inline";
        Console.WriteLine(string.Create(
            CultureInfo.InvariantCulture,
            $"  {s_steps[step]} {payloadEvent.Bytes,14:N0} bytes {payloadEvent.Elapsed.TotalMilliseconds,8:F1} ms  {route}"));
    }
}

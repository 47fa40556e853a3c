using System;
using System.Globalization;
using PayloadGen;

namespace PayloadGen.Demo;

/// <summary>Prints one line per payload the claim check handles: which way, how big, inline or via the store.</summary>
internal sealed class ConsoleObserver : IClaimCheckObserver
{
    private readonly string _side;

    public ConsoleObserver(string side) => _side = side;

    public void OnPayload(ClaimCheckEvent payloadEvent)
    {
        string route = payloadEvent.Pointer is { } pointer
            ? $"via store  {pointer.Bucket}/{pointer.Key}"
            : "inline";
        Console.WriteLine(string.Create(
            CultureInfo.InvariantCulture,
            $"  [{_side}] {payloadEvent.Direction,-10} {payloadEvent.Bytes,14:N0} bytes  {payloadEvent.Elapsed.TotalMilliseconds,8:F1} ms  {route}"));
    }
}

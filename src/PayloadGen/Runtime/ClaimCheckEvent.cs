using System;

namespace PayloadGen;

/// <summary>What happened to one payload.</summary>
/// <param name="Direction">Whether the payload was read (a request) or written (a response).</param>
/// <param name="Bytes">The payload's serialized length.</param>
/// <param name="Pointer">The stored object, when the payload went through the store; <see langword="null"/> when inline.</param>
/// <param name="Elapsed">Time spent on (de)serialization and store calls.</param>
public sealed record ClaimCheckEvent(PayloadDirection Direction, long Bytes, PayloadPointer? Pointer, TimeSpan Elapsed)
{
    /// <summary>Whether the payload travelled inline.</summary>
    public bool Inline => Pointer is null;
}

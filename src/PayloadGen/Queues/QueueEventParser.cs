using System;

namespace PayloadGen;

/// <summary>Reads an event held in memory into records (a span cannot be a <c>Func</c>'s type argument on .NET 8).</summary>
internal delegate QueueEvent QueueEventParser(ReadOnlySpan<byte> json);

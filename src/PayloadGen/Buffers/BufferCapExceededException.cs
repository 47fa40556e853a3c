using System;

namespace PayloadGen;

/// <summary>
/// Thrown by a capped <see cref="PooledByteBuffer"/> when a writer goes past its cap, to stop a synchronous
/// serialization that will not fit (<see cref="PooledJsonSerializer.TrySerializeWithin"/>); never leaves PayloadGen.
/// </summary>
internal sealed class BufferCapExceededException : Exception
{
    public BufferCapExceededException()
        : base("The serialized payload is longer than the buffer's cap.")
    {
    }
}

using System;
using System.IO;

namespace PayloadGen.Tests.Serialization;

/// <summary>
/// A stream that can only be read or written front to back, like a network stream: no length, no position, no seek.
/// A serializer must not depend on <see cref="Stream.Length"/> or <see cref="Stream.Position"/> of what it is given.
/// </summary>
internal sealed class ForwardOnlyStream : Stream
{
    private readonly MemoryStream _inner;

    private ForwardOnlyStream(MemoryStream inner) => _inner = inner;

    /// <summary>A stream to read <paramref name="content"/> from.</summary>
    public static ForwardOnlyStream Reading(byte[] content) => new(new MemoryStream(content, writable: false));

    /// <summary>A stream to write to; <see cref="Written"/> is what was written.</summary>
    public static ForwardOnlyStream Writing() => new(new MemoryStream());

    public byte[] Written => _inner.ToArray();

    public override bool CanRead => _inner.CanRead && !_inner.CanWrite;

    public override bool CanSeek => false;

    public override bool CanWrite => _inner.CanWrite;

    public override long Length => throw new NotSupportedException();

    public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

    public override void Flush()
    {
    }

    public override int Read(byte[] buffer, int offset, int count) => CanRead ? _inner.Read(buffer, offset, count) : throw new NotSupportedException();

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    public override void Write(byte[] buffer, int offset, int count)
    {
        if (!CanWrite)
        {
            throw new NotSupportedException();
        }

        _inner.Write(buffer, offset, count);
    }
}

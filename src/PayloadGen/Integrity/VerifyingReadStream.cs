using System;
using System.Buffers;
using System.IO;
using System.Security.Cryptography;
using System.Threading;
using System.Threading.Tasks;

namespace PayloadGen;

/// <summary>
/// Counts and hashes a stored payload while the deserializer reads it, and fails the read the moment the bytes
/// stop matching the pointer: more bytes than announced, fewer at the end, or a different SHA-256. The caller
/// only hands the deserialized value on after <see cref="VerifyToEndAsync"/> succeeds.
/// </summary>
internal sealed class VerifyingReadStream : Stream
{
    private readonly Stream _inner;
    private readonly PayloadPointer _pointer;
    private readonly long _expectedLength;
    private readonly IncrementalHash? _hash;
    private long _read;
    private bool _verified;

    public VerifyingReadStream(Stream inner, PayloadPointer pointer, long expectedLength)
    {
        _inner = inner;
        _pointer = pointer;
        _expectedLength = expectedLength;
        _hash = pointer.Sha256 is null ? null : IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
    }

    public override bool CanRead => true;

    public override bool CanSeek => false;

    public override bool CanWrite => false;

    public override long Length => _expectedLength;

    public override long Position
    {
        get => _read;
        set => throw new NotSupportedException();
    }

    public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

    public override int Read(Span<byte> buffer)
    {
        if (buffer.IsEmpty)
        {
            // A zero-length read returns 0 without meaning the end of the stream; it must not end verification.
            return _inner.Read(buffer);
        }

        int n = _inner.Read(buffer);
        Observe(buffer.Slice(0, n));
        return n;
    }

    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken)
        => ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
    {
        if (buffer.IsEmpty)
        {
            return await _inner.ReadAsync(buffer, cancellationToken).ConfigureAwait(false);
        }

        int n = await _inner.ReadAsync(buffer, cancellationToken).ConfigureAwait(false);
        Observe(buffer.Span.Slice(0, n));
        return n;
    }

    /// <summary>Reads whatever the deserializer left and checks length and hash; throws when they do not match.</summary>
    public async ValueTask VerifyToEndAsync(CancellationToken cancellationToken)
    {
        byte[] scratch = ArrayPool<byte>.Shared.Rent(16 * 1024);
        try
        {
            // The read that returns 0 completes verification or throws, so the loop needs no other exit.
            while (!_verified)
            {
                _ = await ReadAsync(scratch, cancellationToken).ConfigureAwait(false);
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(scratch);
        }
    }

    private void Observe(ReadOnlySpan<byte> chunk)
    {
        if (chunk.IsEmpty)
        {
            Complete();
        }
        else
        {
            _read += chunk.Length;
            if (_read > _expectedLength)
            {
                throw Mismatch($"more than the {_expectedLength:N0} bytes the pointer announced were read");
            }

            _hash?.AppendData(chunk);
        }
    }

    private void Complete()
    {
        if (_verified)
        {
            return;
        }

        if (_read != _expectedLength)
        {
            throw Mismatch($"{_read:N0} bytes were read where the pointer announced {_expectedLength:N0}");
        }

        // Hex digits: a pointer built in code may spell them in upper case.
        if (_hash is not null && !string.Equals(Sha256Hex.Format(_hash), _pointer.Sha256, StringComparison.OrdinalIgnoreCase))
        {
            throw Mismatch("its SHA-256 differs from the pointer's");
        }

        _verified = true;
    }

    private PayloadIntegrityException Mismatch(string detail) => new(_pointer.Bucket, _pointer.Key, detail);

    public override void Flush()
    {
    }

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            _hash?.Dispose();
            _inner.Dispose();
        }

        base.Dispose(disposing);
    }
}

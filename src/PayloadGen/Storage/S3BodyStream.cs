using System;
using System.IO;
using System.Threading;
using System.Threading.Tasks;
using Amazon.Runtime;
using Amazon.S3.Model;

namespace PayloadGen;

/// <summary>
/// The body of a GetObject response, with the SDK's own failures while reading translated into PayloadGen's
/// errors: the SDK checks the ETag's MD5 of single-part objects and reports a mismatch as a bare
/// <see cref="AmazonClientException"/>; to the caller that is the same integrity failure as a SHA-256 mismatch.
/// </summary>
internal sealed class S3BodyStream : Stream
{
    private readonly GetObjectResponse _response;
    private readonly PayloadPointer _pointer;
    private readonly CancellationToken _opened;

    /// <param name="response">The response whose body is read.</param>
    /// <param name="pointer">The pointer that named the object, for the errors.</param>
    /// <param name="opened">The token the object was opened under, for reads that do not pass one.</param>
    public S3BodyStream(GetObjectResponse response, PayloadPointer pointer, CancellationToken opened)
    {
        _response = response;
        _pointer = pointer;
        _opened = opened;
    }

    public override bool CanRead => true;

    public override bool CanSeek => false;

    public override bool CanWrite => false;

    public override long Length => _response.ContentLength;

    public override long Position
    {
        get => throw new NotSupportedException();
        set => throw new NotSupportedException();
    }

    public override int Read(byte[] buffer, int offset, int count)
    {
        try
        {
            return _response.ResponseStream.Read(buffer, offset, count);
        }
        catch (Exception ex) when (StoreFailures.IsStoreFailure(ex, _opened))
        {
            throw Translate(ex);
        }
    }

    public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
    {
        try
        {
            return await _response.ResponseStream.ReadAsync(buffer, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (StoreFailures.IsStoreFailure(ex, cancellationToken.CanBeCanceled ? cancellationToken : _opened))
        {
            throw Translate(ex);
        }
    }

    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken)
        => ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

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
            _response.Dispose();
        }

        base.Dispose(disposing);
    }

    private ClaimCheckException Translate(Exception ex)
        => ex is AmazonClientException && (ex.Message.Contains("hash", StringComparison.OrdinalIgnoreCase) || ex.Message.Contains("checksum", StringComparison.OrdinalIgnoreCase))
            ? new PayloadIntegrityException(_pointer.Bucket, _pointer.Key, $"the S3 SDK's checksum of the body does not match ({UntrustedName.Render(ex.Message)})")
            : new PayloadStoreException("finish reading", _pointer.Bucket, _pointer.Key, $"the body broke off part-way ({StoreFailures.Describe(ex)}).", ex);
}

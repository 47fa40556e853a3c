using System;
using System.Threading;
using System.Threading.Tasks;

namespace PayloadGen;

/// <summary>
/// An HTTP body being stored while it is written (<see cref="ClaimCheckRuntime.StartStreamedHttpBody"/>): the bytes go
/// into the runtime's streamed offload (part buffers, a multipart upload, the hash and length on the way), and the end
/// presigns the stored object exactly as <see cref="ClaimCheckRuntime.OffloadHttpBodyAsync"/> does for a whole body.
/// Disposing it before <see cref="CompleteAsync"/> succeeded aborts the upload: no object, no open upload.
/// </summary>
/// <remarks>One writer at a time, asynchronously (a write may wait for a free part: the back-pressure that bounds memory).</remarks>
internal sealed class StreamedHttpBody : IAsyncDisposable
{
    private readonly ClaimCheckRuntime _runtime;
    private readonly StreamedOffload _offload;
    private readonly IPresigningPayloadStore _presigning;
    private readonly TimeSpan _lifetime;
    private readonly long _started;

    internal StreamedHttpBody(ClaimCheckRuntime runtime, StreamedOffload offload, IPresigningPayloadStore presigning, TimeSpan lifetime, long started)
    {
        _runtime = runtime;
        _offload = offload;
        _presigning = presigning;
        _lifetime = lifetime;
        _started = started;
    }

    /// <summary>Bytes written so far.</summary>
    public long BytesWritten => _offload.BytesWritten;

    /// <summary>Appends <paramref name="data"/>; waits only when every part buffer is uploading.</summary>
    /// <exception cref="PayloadStoreException">An earlier part failed to upload.</exception>
    public ValueTask WriteAsync(ReadOnlyMemory<byte> data, CancellationToken cancellationToken)
        => data.IsEmpty ? default : _offload.WriteAsync(data, cancellationToken);

    /// <summary>Uploads the last part, completes the object and presigns its URL.</summary>
    public async Task<OffloadedHttpBody> CompleteAsync(CancellationToken cancellationToken)
    {
        OffloadOutcome outcome = await _offload.CompleteAsync(cancellationToken).ConfigureAwait(false);

        // Created with a negative threshold, the offload never returns a body inline.
        PayloadPointer pointer = outcome.Pointer!;
        return await _runtime.PresignHttpBodyAsync(pointer, outcome.Length, _presigning, _lifetime, _started, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Frees the part buffers; aborts the upload unless it completed.</summary>
    public ValueTask DisposeAsync() => _offload.DisposeAsync();
}

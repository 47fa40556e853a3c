using System.Buffers;
using System.Threading;
using System.Threading.Tasks;

namespace PayloadGen;

/// <summary>
/// An upload that can use each part's SHA-256 when the caller has it (<see cref="S3MultipartUpload"/> with PayloadGen's
/// own client, unchunked: the signature's payload hash). The streamed offload computes it in the pass that hashes the
/// payload for its pointer, so the part is read once for both.
/// </summary>
internal interface IPrehashedPartUpload : IPayloadUpload
{
    /// <summary>Whether <see cref="UploadPartAsync(int, long, ReadOnlySequence{byte}, string, CancellationToken)"/> saves a pass over the part.</summary>
    bool TakesPartSha256 { get; }

    /// <summary>As <see cref="IPayloadUpload.UploadPartAsync"/>, with <paramref name="sha256"/> (lower-case hex) the SHA-256 of <paramref name="content"/>.</summary>
    Task UploadPartAsync(int partNumber, long offset, ReadOnlySequence<byte> content, string sha256, CancellationToken cancellationToken);
}

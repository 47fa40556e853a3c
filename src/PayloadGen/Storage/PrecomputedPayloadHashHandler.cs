using System.IO;
using System.Threading.Tasks;
using Amazon.Runtime;
using Amazon.Runtime.Internal;
using Amazon.Runtime.Internal.Util;

namespace PayloadGen;

/// <summary>
/// Runs just before the SDK signs a request: when the body is a part whose SHA-256 PayloadGen has computed
/// (<see cref="ReadOnlySequenceStream.ContentSha256"/>), hands it to the signer as the payload hash
/// (<c>IRequest.PrecomputedContentSha256</c>, which AWSSDK.Core's SigV4 signer uses instead of reading the body).
/// Otherwise that pass over every unchunked part is the SDK's own: its body stream read 4 KiB at a time through its
/// wrappers, a copy of the whole payload, before the part is sent. aws-chunked signing ignores a precomputed hash (it signs
/// each chunk while sending), and so does this handler.
/// </summary>
internal sealed class PrecomputedPayloadHashHandler : PipelineHandler
{
    public override void InvokeSync(IExecutionContext executionContext)
    {
        UsePrecomputedHash(executionContext.RequestContext.Request);
        base.InvokeSync(executionContext);
    }

    public override Task<T> InvokeAsync<T>(IExecutionContext executionContext)
    {
        UsePrecomputedHash(executionContext.RequestContext.Request);
        return base.InvokeAsync<T>(executionContext);
    }

    private static void UsePrecomputedHash(IRequest request)
    {
        if (request.UseChunkEncoding || request.ContentStream is not Stream body)
        {
            return;
        }

        // The SDK wraps the part's stream (to send exactly PartSize bytes of it); the hash is of the whole part, which
        // PayloadGen makes the stream's whole length.
        if (WrapperStream.SearchWrappedStream(body, stream => stream is ReadOnlySequenceStream { ContentSha256: not null }) is ReadOnlySequenceStream { ContentSha256: string sha256 } part
            && part.Position == 0
            && body.Length == part.Length)
        {
            request.PrecomputedContentSha256 = sha256;
        }
    }
}

using Amazon.Runtime;
using Amazon.Runtime.Internal;
using Amazon.S3;

namespace PayloadGen;

/// <summary>
/// The S3 client PayloadGen creates for itself (<see cref="S3ClientFactory"/>): the SDK's client, whose request
/// pipeline also signs an upload part with the SHA-256 PayloadGen computed for it (<see cref="PrecomputedPayloadHashHandler"/>)
/// instead of reading the part once more to compute it. A client the function injects is left as it is: it signs
/// as it always did.
/// </summary>
internal sealed class PayloadGenS3Client : AmazonS3Client
{
    public PayloadGenS3Client(AmazonS3Config config)
        : base(config)
    {
    }

    public PayloadGenS3Client(AWSCredentials credentials, AmazonS3Config config)
        : base(credentials, config)
    {
    }

    protected override void CustomizeRuntimePipeline(RuntimePipeline pipeline)
    {
        base.CustomizeRuntimePipeline(pipeline);
        pipeline.AddHandlerBefore<Signer>(new PrecomputedPayloadHashHandler());
    }
}

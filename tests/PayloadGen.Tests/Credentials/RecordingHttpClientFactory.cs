using System.Collections.Concurrent;
using System.Linq;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using Amazon.Runtime;

namespace PayloadGen.Tests.Credentials;

/// <summary>
/// Gives the AWS SDK an <see cref="HttpClient"/> that records the signing headers of every request it sends, so a
/// test can see which credentials actually signed it.
/// </summary>
public sealed class RecordingHttpClientFactory : HttpClientFactory
{
    public ConcurrentQueue<SignedRequest> Requests { get; } = new();

    public override HttpClient CreateHttpClient(IClientConfig clientConfig)
        => new(new RecordingHandler(this) { InnerHandler = new HttpClientHandler() });

    public override bool UseSDKHttpClientCaching(IClientConfig clientConfig) => false;

    public sealed record SignedRequest(string Method, string Path, string? Authorization, string? SecurityToken);

    private sealed class RecordingHandler(RecordingHttpClientFactory owner) : DelegatingHandler
    {
        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            owner.Requests.Enqueue(new SignedRequest(
                request.Method.Method,
                request.RequestUri!.AbsolutePath,
                // The SDK adds the header unvalidated; its typed property does not parse the SigV4 form.
                request.Headers.TryGetValues("Authorization", out var authorization) ? string.Join(",", authorization) : null,
                request.Headers.TryGetValues("X-Amz-Security-Token", out var token) ? token.Single() : null));
            return base.SendAsync(request, cancellationToken);
        }
    }
}

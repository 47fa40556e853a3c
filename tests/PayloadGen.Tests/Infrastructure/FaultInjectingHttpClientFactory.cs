using System;
using System.IO;
using System.Net;
using System.Net.Http;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using Amazon.Runtime;

namespace PayloadGen.Tests.Infrastructure;

/// <summary>The faults S3 (or the network to it) produces in production.</summary>
public enum S3Fault
{
    None,
    SlowDown503,
    ConnectionReset,
    TruncatedBody,
}

/// <summary>
/// Plugs into the AWS SDK's HTTP layer (<see cref="AmazonS3Config.HttpClientFactory"/>) in front of a real
/// s3rver and injects a fault into every request for objects whose key contains <see cref="TargetKey"/>.
/// </summary>
public sealed class FaultInjectingHttpClientFactory : HttpClientFactory
{
    public S3Fault Fault { get; set; }

    public string TargetKey { get; set; } = "\0";

    public override HttpClient CreateHttpClient(IClientConfig clientConfig)
        => new(new FaultHandler(this) { InnerHandler = new HttpClientHandler() });

    public override bool UseSDKHttpClientCaching(IClientConfig clientConfig) => false;

    public override bool DisposeHttpClientsAfterUse(IClientConfig clientConfig) => true;

    private sealed class FaultHandler : DelegatingHandler
    {
        private readonly FaultInjectingHttpClientFactory _factory;

        public FaultHandler(FaultInjectingHttpClientFactory factory) => _factory = factory;

        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            bool targeted = request.RequestUri?.AbsolutePath.Contains(_factory.TargetKey, StringComparison.Ordinal) == true;
            switch (targeted ? _factory.Fault : S3Fault.None)
            {
                case S3Fault.SlowDown503:
                    return new HttpResponseMessage(HttpStatusCode.ServiceUnavailable)
                    {
                        RequestMessage = request,
                        Content = new StringContent(
                            "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Error><Code>SlowDown</Code><Message>Please reduce your request rate.</Message></Error>",
                            Encoding.UTF8,
                            "application/xml"),
                    };
                case S3Fault.ConnectionReset:
                    throw new HttpRequestException("Connection reset by peer", new IOException("Connection reset by peer"));
                case S3Fault.TruncatedBody:
                    HttpResponseMessage response = await base.SendAsync(request, cancellationToken);
                    byte[] body = await response.Content.ReadAsByteArrayAsync(cancellationToken);
                    var truncated = new ByteArrayContent(body, 0, body.Length / 2);
                    foreach (var header in response.Content.Headers)
                    {
                        truncated.Headers.TryAddWithoutValidation(header.Key, header.Value);
                    }

                    response.Content = truncated; // Content-Length still announces the whole object.
                    return response;
                default:
                    return await base.SendAsync(request, cancellationToken);
            }
        }
    }
}

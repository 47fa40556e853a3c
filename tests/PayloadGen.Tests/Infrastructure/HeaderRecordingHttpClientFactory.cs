using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Linq;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using Amazon.Runtime;

namespace PayloadGen.Tests.Infrastructure;

/// <summary>
/// Plugs into the AWS SDK's HTTP layer and records every request as it goes on the wire — method, path, query and
/// every header — so tests assert on what S3 receives, not on what the SDK's request objects held.
/// </summary>
public sealed class HeaderRecordingHttpClientFactory : HttpClientFactory
{
    public ConcurrentQueue<WireRequest> Requests { get; } = new();

    public override HttpClient CreateHttpClient(IClientConfig clientConfig)
        => new(new RecordingHandler(this) { InnerHandler = new HttpClientHandler() });

    public override bool UseSDKHttpClientCaching(IClientConfig clientConfig) => false;

    public override bool DisposeHttpClientsAfterUse(IClientConfig clientConfig) => true;

    public sealed record WireRequest(string Method, string Path, string Query, IReadOnlyDictionary<string, string> Headers)
    {
        public bool IsPutObject => Method == "PUT" && !Query.Contains("partNumber=", StringComparison.Ordinal);

        public bool IsCreateMultipartUpload => Method == "POST" && Query.Contains("uploads", StringComparison.Ordinal);

        public bool IsUploadPart => Method == "PUT" && Query.Contains("partNumber=", StringComparison.Ordinal);

        public string? Header(string name) => Headers.TryGetValue(name, out string? value) ? value : null;
    }

    private sealed class RecordingHandler(HeaderRecordingHttpClientFactory owner) : DelegatingHandler
    {
        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            var headers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
            IEnumerable<KeyValuePair<string, IEnumerable<string>>> all = request.Headers;
            if (request.Content is not null)
            {
                all = all.Concat(request.Content.Headers);
            }

            foreach (KeyValuePair<string, IEnumerable<string>> header in all)
            {
                headers[header.Key] = string.Join(",", header.Value);
            }

            owner.Requests.Enqueue(new WireRequest(request.Method.Method, request.RequestUri!.AbsolutePath, request.RequestUri.Query, headers));
            return base.SendAsync(request, cancellationToken);
        }
    }
}

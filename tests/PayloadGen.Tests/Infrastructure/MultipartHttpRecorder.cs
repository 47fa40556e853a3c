using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using Amazon.Runtime;

namespace PayloadGen.Tests.Infrastructure;

/// <summary>
/// Plugs into the AWS SDK's HTTP layer (<see cref="Amazon.S3.AmazonS3Config.HttpClientFactory"/>) in front of a
/// real s3rver: records every request that reached the wire (method, path, query) and when its response came back,
/// and answers 503 SlowDown to the requests <see cref="FailWhen"/> picks: how a test sees which parts went up and
/// that an upload was aborted (with what answer) and never completed. (ListMultipartUploads, which tests/s3rver/start.js
/// adds to s3rver, shows what S3 still holds.)
/// </summary>
public sealed class MultipartHttpRecorder : HttpClientFactory
{
    public ConcurrentQueue<S3Exchange> Exchanges { get; } = new();

    /// <summary>Requests to fail with 503 SlowDown instead of sending them.</summary>
    public Func<S3Exchange, bool>? FailWhen { get; set; }

    /// <summary>While set and not completed, UploadPart requests wait for it before they are sent.</summary>
    public TaskCompletionSource? PartGate { get; set; }

    /// <summary>While set and not completed, CreateMultipartUpload requests wait for it before they are sent (or failed).</summary>
    public TaskCompletionSource? StartGate { get; set; }

    /// <summary>UploadPart requests the SDK has handed to HTTP so far, sent or waiting at <see cref="PartGate"/>.</summary>
    public int StartedParts => _startedParts;

    private int _startedParts;

    public IReadOnlyList<S3Exchange> Requests(string method, string queryPart)
        => Exchanges.Where(exchange => exchange.Method == method && exchange.Query.Contains(queryPart, StringComparison.Ordinal)).ToList();

    public override HttpClient CreateHttpClient(IClientConfig clientConfig)
        => new(new RecordingHandler(this) { InnerHandler = new HttpClientHandler() });

    public override bool UseSDKHttpClientCaching(IClientConfig clientConfig) => false;

    public override bool DisposeHttpClientsAfterUse(IClientConfig clientConfig) => true;

    public sealed class S3Exchange(string method, string path, string query, string? crc32 = null, string? contentSha256 = null)
    {
        public string Method { get; } = method;

        public string Path { get; } = path;

        public string Query { get; } = query;

        public HttpStatusCode? Status { get; set; }

        /// <summary>The request's <c>x-amz-checksum-crc32</c> header, the checksum S3 verifies; null when it had none.</summary>
        public string? Crc32 { get; } = crc32;

        /// <summary>The request's <c>x-amz-content-sha256</c> header, the payload hash its signature covers.</summary>
        public string? ContentSha256 { get; } = contentSha256;

        public bool IsStartUpload => Method == "POST" && Query.Contains("uploads", StringComparison.Ordinal);

        public bool IsUploadPart => Method == "PUT" && Query.Contains("partNumber=", StringComparison.Ordinal);
    }

    private sealed class RecordingHandler(MultipartHttpRecorder owner) : DelegatingHandler
    {
        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            string? crc32 = request.Headers.TryGetValues("x-amz-checksum-crc32", out var values) ? string.Join(",", values) : null;
            string? contentSha256 = request.Headers.TryGetValues("x-amz-content-sha256", out var hashes) ? string.Join(",", hashes) : null;
            var exchange = new S3Exchange(request.Method.Method, request.RequestUri!.AbsolutePath, request.RequestUri.Query, crc32, contentSha256);
            if (exchange.IsStartUpload && owner.StartGate is TaskCompletionSource startGate)
            {
                await startGate.Task.WaitAsync(cancellationToken);
            }

            if (exchange.IsUploadPart)
            {
                Interlocked.Increment(ref owner._startedParts);
                if (owner.PartGate is TaskCompletionSource gate)
                {
                    await gate.Task.WaitAsync(cancellationToken);
                }
            }

            if (owner.FailWhen?.Invoke(exchange) == true)
            {
                exchange.Status = HttpStatusCode.ServiceUnavailable;
                owner.Exchanges.Enqueue(exchange);
                return new HttpResponseMessage(HttpStatusCode.ServiceUnavailable)
                {
                    RequestMessage = request,
                    Content = new StringContent(
                        "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Error><Code>SlowDown</Code><Message>Please reduce your request rate.</Message></Error>",
                        Encoding.UTF8,
                        "application/xml"),
                };
            }

            HttpResponseMessage response = await base.SendAsync(request, cancellationToken);
            exchange.Status = response.StatusCode;
            owner.Exchanges.Enqueue(exchange);
            return response;
        }
    }
}

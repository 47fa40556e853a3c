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

    /// <summary>S3 refuses the request: the role lacks a permission (S3's, or the KMS key's).</summary>
    AccessDenied403,
    ConnectionReset,
    TruncatedBody,

    /// <summary>The headers arrive, then the connection drops half-way through the body.</summary>
    ResetMidBody,

    /// <summary>The headers and half the body arrive, then the connection goes silent: no bytes, no error, no end.</summary>
    StalledMidBody,
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
            // The query counts too, so a test can target one step of an upload (e.g. "partNumber=2").
            bool targeted = request.RequestUri?.PathAndQuery.Contains(_factory.TargetKey, StringComparison.Ordinal) == true;
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
                case S3Fault.AccessDenied403:
                    return new HttpResponseMessage(HttpStatusCode.Forbidden)
                    {
                        RequestMessage = request,
                        Content = new StringContent(
                            "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Error><Code>AccessDenied</Code><Message>Access Denied</Message></Error>",
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
                case S3Fault.ResetMidBody:
                    HttpResponseMessage whole = await base.SendAsync(request, cancellationToken);
                    byte[] bytes = await whole.Content.ReadAsByteArrayAsync(cancellationToken);
                    var breaking = new StreamContent(new ResettingStream(bytes, bytes.Length / 2));
                    foreach (var header in whole.Content.Headers)
                    {
                        breaking.Headers.TryAddWithoutValidation(header.Key, header.Value);
                    }

                    whole.Content = breaking;
                    return whole;
                case S3Fault.StalledMidBody:
                    HttpResponseMessage served = await base.SendAsync(request, cancellationToken);
                    byte[] content = await served.Content.ReadAsByteArrayAsync(cancellationToken);
                    var stalling = new StreamContent(new StallingStream(content, content.Length / 2));
                    foreach (var header in served.Content.Headers)
                    {
                        stalling.Headers.TryAddWithoutValidation(header.Key, header.Value);
                    }

                    served.Content = stalling;
                    return served;
                default:
                    return await base.SendAsync(request, cancellationToken);
            }
        }
    }
}

/// <summary>A body that gives its first bytes, then fails as a dropped connection does.</summary>
internal sealed class ResettingStream(byte[] content, int resetAt) : Stream
{
    private int _position;

    public override bool CanRead => true;

    public override bool CanSeek => false;

    public override bool CanWrite => false;

    public override long Length => content.Length;

    public override long Position { get => _position; set => throw new NotSupportedException(); }

    public override int Read(byte[] buffer, int offset, int count)
    {
        if (_position >= resetAt)
        {
            throw new IOException("Unable to read data from the transport connection: Connection reset by peer.", new System.Net.Sockets.SocketException((int)System.Net.Sockets.SocketError.ConnectionReset));
        }

        int read = Math.Min(count, resetAt - _position);
        Array.Copy(content, _position, buffer, offset, read);
        _position += read;
        return read;
    }

    public override void Flush()
    {
    }

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
}

/// <summary>
/// A body that gives its first bytes, then waits as a silent connection does: a read returns only when the token it
/// was given is cancelled or the stream is disposed (closing a socket ends a pending read), never by itself.
/// </summary>
internal sealed class StallingStream(byte[] content, int stallAt) : Stream
{
    private readonly CancellationTokenSource _closed = new();
    private int _position;

    public override bool CanRead => true;

    public override bool CanSeek => false;

    public override bool CanWrite => false;

    public override long Length => content.Length;

    public override long Position { get => _position; set => throw new NotSupportedException(); }

    public override int Read(byte[] buffer, int offset, int count) => ReadAsync(buffer.AsMemory(offset, count)).AsTask().GetAwaiter().GetResult();

    public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
    {
        if (_position < stallAt)
        {
            int read = Math.Min(buffer.Length, stallAt - _position);
            content.AsMemory(_position, read).CopyTo(buffer);
            _position += read;
            return read;
        }

        using var either = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, _closed.Token);
        try
        {
            await Task.Delay(Timeout.Infinite, either.Token);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            throw new IOException("The connection was closed while a read was pending.");
        }

        throw new OperationCanceledException(cancellationToken);
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
            _closed.Cancel();
            _closed.Dispose();
        }

        base.Dispose(disposing);
    }
}

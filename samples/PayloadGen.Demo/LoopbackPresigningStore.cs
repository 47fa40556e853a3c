using System;
using System.Globalization;
using System.IO;
using System.Net;
using System.Net.Sockets;
using System.Security.Cryptography;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using PayloadGen;

namespace PayloadGen.Demo;

/// <summary>
/// The embedded file store with what S3 adds for HTTP handlers: time-limited, signed GET URLs, served by a small
/// HTTP endpoint on 127.0.0.1. It exists so the demo's HTTP redirect works with zero configuration; in production the
/// URL is an S3 presigned URL (<c>PAYLOADGEN_STORE=s3</c>), and this class is not needed.
/// </summary>
internal sealed class LoopbackPresigningStore : IPresigningPayloadStore, IDisposable
{
    private readonly FilePayloadStore _files;
    private readonly HttpListener _listener = new();
    private readonly byte[] _secret = RandomNumberGenerator.GetBytes(32);
    private readonly Uri _baseAddress;

    public LoopbackPresigningStore(FilePayloadStore files)
    {
        _files = files;
        using (var probe = new TcpListener(IPAddress.Loopback, 0))
        {
            probe.Start();
            _baseAddress = new Uri($"http://127.0.0.1:{((IPEndPoint)probe.LocalEndpoint).Port}/");
        }

        _listener.Prefixes.Add(_baseAddress.AbsoluteUri);
        _listener.Start();
        _ = Task.Run(ServeAsync);
    }

    public string Bucket => _files.Bucket;

    public Task<PayloadPointer> WriteAsync(PayloadWrite write, CancellationToken cancellationToken) => _files.WriteAsync(write, cancellationToken);

    public Task<StoredPayload> OpenReadAsync(PayloadPointer pointer, long maxBytes, CancellationToken cancellationToken) => _files.OpenReadAsync(pointer, maxBytes, cancellationToken);

    public Task DeleteAsync(PayloadPointer pointer, CancellationToken cancellationToken) => _files.DeleteAsync(pointer, cancellationToken);

    /// <summary>A URL naming the object, its content type and expiry, signed so none of them can be changed.</summary>
    public Task<string> PresignReadAsync(PayloadPointer pointer, TimeSpan lifetime, CancellationToken cancellationToken)
    {
        string expires = DateTimeOffset.UtcNow.Add(lifetime).ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
        string type = pointer.ContentType ?? "application/octet-stream";
        string query = $"bucket={Uri.EscapeDataString(pointer.Bucket)}&key={Uri.EscapeDataString(pointer.Key)}&type={Uri.EscapeDataString(type)}&expires={expires}";
        return Task.FromResult($"{_baseAddress}object?{query}&signature={Sign(query)}");
    }

    public Task<PresignedUpload> PresignWriteAsync(string key, PayloadDescription description, TimeSpan lifetime, CancellationToken cancellationToken)
        => throw new NotSupportedException("The demo's loopback store serves downloads only; upload slots need S3.");

    public void Dispose() => _listener.Close();

    private string Sign(string query) => Convert.ToHexStringLower(HMACSHA256.HashData(_secret, Encoding.UTF8.GetBytes(query)));

    private async Task ServeAsync()
    {
        while (_listener.IsListening)
        {
            HttpListenerContext context;
            try
            {
                context = await _listener.GetContextAsync();
            }
            catch (Exception ex) when (ex is HttpListenerException or ObjectDisposedException)
            {
                return;
            }

            await AnswerAsync(context);
        }
    }

    private async Task AnswerAsync(HttpListenerContext context)
    {
        HttpListenerResponse response = context.Response;
        string query = context.Request.Url!.Query.TrimStart('?');
        int signatureAt = query.LastIndexOf("&signature=", StringComparison.Ordinal);
        var parameters = System.Web.HttpUtility.ParseQueryString(query);
        bool valid = signatureAt > 0
            && CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(Sign(query.Substring(0, signatureAt))), Encoding.UTF8.GetBytes(parameters["signature"] ?? string.Empty))
            && long.TryParse(parameters["expires"], NumberStyles.None, CultureInfo.InvariantCulture, out long expires)
            && DateTimeOffset.UtcNow.ToUnixTimeSeconds() <= expires;
        if (!valid)
        {
            response.StatusCode = 403;
            response.Close();
            return;
        }

        var pointer = new PayloadPointer(parameters["bucket"]!, parameters["key"]!);
        await using StoredPayload stored = await _files.OpenReadAsync(pointer, long.MaxValue, CancellationToken.None);
        response.ContentType = parameters["type"];
        response.ContentLength64 = stored.Length;
        await stored.Content.CopyToAsync(response.OutputStream);
        response.Close();
    }
}

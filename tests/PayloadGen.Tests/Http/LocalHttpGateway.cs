using System;
using System.Collections.Generic;
using System.IO;
using System.Net;
using System.Net.Sockets;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;

namespace PayloadGen.Tests.Http;

/// <summary>
/// What API Gateway or an ALB does with a Lambda proxy response, on loopback: each HTTP request becomes an event,
/// the function's proxy response JSON becomes the HTTP response (status, headers, multi-value headers, cookies,
/// base64 bodies decoded). So a plain <see cref="System.Net.Http.HttpClient"/> can call a generated wrapper and
/// follow its redirect exactly as a browser would.
/// </summary>
public sealed class LocalHttpGateway : IAsyncDisposable
{
    private readonly HttpListener _listener = new();
    private readonly Func<IReadOnlyDictionary<string, string>, Stream> _eventFor;
    private readonly Func<Stream, Task<Stream>> _function;
    private readonly Task _serving;

    /// <param name="eventFor">Builds the event for a request's query string parameters.</param>
    /// <param name="function">The Lambda function: a generated wrapper.</param>
    public LocalHttpGateway(Func<IReadOnlyDictionary<string, string>, Stream> eventFor, Func<Stream, Task<Stream>> function)
    {
        _eventFor = eventFor;
        _function = function;
        int port = FreePort();
        BaseAddress = new Uri($"http://127.0.0.1:{port}/");
        _listener.Prefixes.Add(BaseAddress.AbsoluteUri);
        _listener.Start();
        _serving = Task.Run(ServeAsync);
    }

    public Uri BaseAddress { get; }

    public async ValueTask DisposeAsync()
    {
        _listener.Stop();
        _listener.Close();
        try
        {
            await _serving;
        }
        catch (Exception ex) when (ex is HttpListenerException or ObjectDisposedException)
        {
            // Stopping the listener ends the pending GetContextAsync.
        }
    }

    private async Task ServeAsync()
    {
        while (_listener.IsListening)
        {
            HttpListenerContext context;
            try
            {
                context = await _listener.GetContextAsync();
            }
            catch (Exception ex) when (ex is HttpListenerException or ObjectDisposedException or InvalidOperationException)
            {
                return;
            }

            try
            {
                await AnswerAsync(context);
            }
            catch (Exception ex) when (ex is not OutOfMemoryException)
            {
                // A function error is what API Gateway turns into a 502.
                context.Response.StatusCode = 502;
                context.Response.Close();
            }
        }
    }

    private async Task AnswerAsync(HttpListenerContext context)
    {
        var query = new Dictionary<string, string>();
        foreach (string? name in context.Request.QueryString.AllKeys)
        {
            if (name is not null)
            {
                query[name] = context.Request.QueryString[name]!;
            }
        }

        await using Stream output = await _function(_eventFor(query));
        using JsonDocument proxy = await JsonDocument.ParseAsync(output);
        JsonElement root = proxy.RootElement;
        HttpListenerResponse response = context.Response;
        response.StatusCode = root.GetProperty("statusCode").GetInt32();
        if (root.TryGetProperty("headers", out JsonElement headers) && headers.ValueKind == JsonValueKind.Object)
        {
            foreach (JsonProperty header in headers.EnumerateObject())
            {
                Add(response, header.Name, header.Value.GetString());
            }
        }

        if (root.TryGetProperty("multiValueHeaders", out JsonElement multi) && multi.ValueKind == JsonValueKind.Object)
        {
            foreach (JsonProperty header in multi.EnumerateObject())
            {
                foreach (JsonElement value in header.Value.EnumerateArray())
                {
                    // API Gateway merges both maps; a value already sent through "headers" is not repeated.
                    if (!string.Equals(response.Headers[header.Name], value.GetString(), StringComparison.Ordinal))
                    {
                        Add(response, header.Name, value.GetString());
                    }
                }
            }
        }

        if (root.TryGetProperty("cookies", out JsonElement cookies) && cookies.ValueKind == JsonValueKind.Array)
        {
            foreach (JsonElement cookie in cookies.EnumerateArray())
            {
                response.Headers.Add("Set-Cookie", cookie.GetString());
            }
        }

        byte[] body = !root.TryGetProperty("body", out JsonElement text) || text.ValueKind != JsonValueKind.String ? Array.Empty<byte>()
            : root.TryGetProperty("isBase64Encoded", out JsonElement base64) && base64.GetBoolean() ? Convert.FromBase64String(text.GetString()!)
            : System.Text.Encoding.UTF8.GetBytes(text.GetString()!);
        response.ContentLength64 = body.Length;
        await response.OutputStream.WriteAsync(body);
        response.Close();
    }

    private static void Add(HttpListenerResponse response, string name, string? value)
    {
        if (value is null)
        {
            return;
        }

        if (string.Equals(name, "Content-Type", StringComparison.OrdinalIgnoreCase))
        {
            response.ContentType = value;
        }
        else if (string.Equals(name, "Location", StringComparison.OrdinalIgnoreCase))
        {
            response.RedirectLocation = value;
        }
        else
        {
            response.Headers.Add(name, value);
        }
    }

    private static int FreePort()
    {
        using var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        return ((IPEndPoint)probe.LocalEndpoint).Port;
    }
}

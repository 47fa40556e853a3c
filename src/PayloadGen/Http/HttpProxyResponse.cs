using System;
using System.Buffers;
using System.Collections.Generic;

namespace PayloadGen;

/// <summary>
/// A proxy response (API Gateway REST or HTTP API, function URL, ALB) as read from its JSON contract, with its body
/// decoded into pooled memory: the real bytes, base64 already undone when <c>isBase64Encoded</c> was set.
/// </summary>
internal sealed class HttpProxyResponse : IDisposable
{
    private byte[]? _body;

    public int StatusCode { get; set; }

    /// <summary><c>statusDescription</c> (ALB); <see langword="null"/> when absent.</summary>
    public string? StatusDescription { get; set; }

    /// <summary><c>headers</c> in the order written; <see langword="null"/> when absent.</summary>
    public List<KeyValuePair<string, string?>>? Headers { get; set; }

    /// <summary><c>multiValueHeaders</c> (REST, ALB); <see langword="null"/> when absent.</summary>
    public List<KeyValuePair<string, List<string?>?>>? MultiValueHeaders { get; set; }

    /// <summary><c>cookies</c> (HTTP API v2, function URL); <see langword="null"/> when absent.</summary>
    public List<string?>? Cookies { get; set; }

    public bool IsBase64Encoded { get; set; }

    /// <summary>Whether the response has a body at all (a JSON <c>null</c> or missing <c>body</c> has none).</summary>
    public bool HasBody => _body is not null;

    /// <summary>The decoded body; valid until the response is disposed.</summary>
    public ReadOnlySequence<byte> Body => _body is null ? ReadOnlySequence<byte>.Empty : new ReadOnlySequence<byte>(_body, 0, BodyLength);

    public int BodyLength { get; private set; }

    /// <summary>Only a successful response is ever stored; an error body that large is a bug to see, not to hide.</summary>
    public bool IsSuccess => StatusCode is >= 200 and <= 299;

    /// <summary>The headers the stored object carries, from <c>headers</c> or else <c>multiValueHeaders</c>.</summary>
    public HttpContentHeaders ContentHeaders() => new(
        Header(HttpHeaderNames.ContentType),
        Header(HttpHeaderNames.ContentDisposition),
        Header(HttpHeaderNames.ContentEncoding));

    /// <summary>Takes ownership of <paramref name="rented"/>, a pooled array holding the body in its first <paramref name="length"/> bytes.</summary>
    public void SetBody(byte[] rented, int length)
    {
        ReturnBody();
        _body = rented;
        BodyLength = length;
    }

    /// <summary>The body's bytes, to decode where they lie.</summary>
    public Span<byte> WritableBody => _body.AsSpan(0, BodyLength);

    /// <summary>Shortens the body, after decoding it in place.</summary>
    public void SetBodyLength(int length) => BodyLength = length;

    public void Dispose() => ReturnBody();

    /// <summary>The first value of header <paramref name="name"/> (compared case-insensitively, as HTTP does).</summary>
    public string? Header(string name)
    {
        if (Headers is not null)
        {
            foreach (KeyValuePair<string, string?> header in Headers)
            {
                if (string.Equals(header.Key, name, StringComparison.OrdinalIgnoreCase) && header.Value is not null)
                {
                    return header.Value;
                }
            }
        }

        if (MultiValueHeaders is not null)
        {
            foreach (KeyValuePair<string, List<string?>?> header in MultiValueHeaders)
            {
                if (string.Equals(header.Key, name, StringComparison.OrdinalIgnoreCase) && header.Value is { Count: > 0 } values && values[0] is string value)
                {
                    return value;
                }
            }
        }

        return null;
    }

    private void ReturnBody()
    {
        if (_body is not null)
        {
            ArrayPool<byte>.Shared.Return(_body);
            _body = null;
            BodyLength = 0;
        }
    }
}

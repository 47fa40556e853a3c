using System;
using System.Buffers;
using System.Text;
using System.Threading;

namespace PayloadGen;

/// <summary>
/// Marks the flow of an HTTP invocation that went through a claim-check serializer: set when the invocation's proxy
/// request is deserialized, keyed to that request's <c>Body</c>, and ended when the proxy response is serialized.
/// </summary>
/// <remarks>
/// <para>
/// One mark per flow for every serializer instance: Amazon.Lambda.Annotations' generated handler creates its own
/// instance of the function's serializer (<c>serializer = new MySerializer()</c>), distinct from the one the Lambda
/// runtime reads the event with, and its inner calls must still see that they are inside the runtime's HTTP invocation.
/// It is an <see cref="AsyncLocal{T}"/>, so concurrent invocations (a test host, an executable serving several) never
/// see each other's mark.
/// </para>
/// <para>
/// An invocation whose handler throws never serializes its proxy response, and a host that runs invocations in one
/// synchronous loop (one execution context) would otherwise carry the mark into the next. So the mark is keyed: an
/// inner <c>[FromBody]</c> read is recognised by being exactly the marked request's body (Annotations passes
/// <c>Encoding.UTF8.GetBytes(request.Body)</c>); any other read is the request of a new invocation, which ends a mark
/// left over from one that failed. A new HTTP invocation replaces the mark with its own.
/// </para>
/// </remarks>
internal sealed class HttpInvocationMark
{
    private static readonly AsyncLocal<HttpInvocationMark?> s_current = new();

    private readonly string? _body;

    private HttpInvocationMark(string? body) => _body = body;

    /// <summary>The mark of the HTTP invocation the current flow is in, or <see langword="null"/>.</summary>
    public static HttpInvocationMark? Current => s_current.Value;

    /// <summary>Marks the current flow as the HTTP invocation whose proxy request has <paramref name="body"/>.</summary>
    public static void Begin(string? body) => s_current.Value = new HttpInvocationMark(body);

    /// <summary>Ends the current flow's HTTP invocation, if any.</summary>
    public static void End()
    {
        if (s_current.Value is not null)
        {
            s_current.Value = null;
        }
    }

    /// <summary>Whether <paramref name="content"/> is, byte for byte, the UTF-8 of the marked request's body.</summary>
    public bool IsBodyOf(ReadOnlySpan<byte> content)
    {
        if (_body is null || Encoding.UTF8.GetByteCount(_body) != content.Length)
        {
            return false;
        }

        byte[] rented = ArrayPool<byte>.Shared.Rent(Math.Max(content.Length, 1));
        try
        {
            int written = Encoding.UTF8.GetBytes(_body, rented);
            return content.SequenceEqual(rented.AsSpan(0, written));
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(rented);
        }
    }
}

using System;
using System.IO.Pipelines;
using System.Threading;
using System.Threading.Tasks;

namespace PayloadGen.AspNetCore;

/// <summary>
/// <c>Response.BodyWriter</c> under <c>UseClaimCheck()</c>: hands out the pooled buffer's own memory, so serializers
/// that write to the pipe (minimal APIs' JSON results) write each byte once.
/// </summary>
internal sealed class BufferingResponseWriter : PipeWriter
{
    private readonly ClaimCheckResponseBody _body;

    public BufferingResponseWriter(ClaimCheckResponseBody body) => _body = body;

    public override void Advance(int bytes) => _body.Advance(bytes);

    public override Memory<byte> GetMemory(int sizeHint = 0) => _body.GetMemory(sizeHint);

    public override Span<byte> GetSpan(int sizeHint = 0) => _body.GetSpan(sizeHint);

    public override ValueTask<FlushResult> FlushAsync(CancellationToken cancellationToken = default) => _body.FlushWriterAsync(cancellationToken);

    public override void CancelPendingFlush() => _body.CancelPendingFlush();

    public override void Complete(Exception? exception = null) => _body.CompleteWriter(exception);

    // System.Text.Json's pipe serializer (WriteAsJsonAsync on .NET 10) requires these to decide when to flush.
    public override bool CanGetUnflushedBytes => _body.CanGetUnflushedBytes;

    public override long UnflushedBytes => _body.UnflushedBytes;
}

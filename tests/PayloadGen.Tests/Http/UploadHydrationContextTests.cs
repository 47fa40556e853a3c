using System;
using System.Buffers;
using System.Linq;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using PayloadGen.Tests.Infrastructure;
using Xunit;

namespace PayloadGen.Tests.Http;

/// <summary>
/// Reading an uploaded request body never resumes on the caller's context, even when the read of the body really
/// suspends. The file store is used on purpose: it opens the object at once and its asynchronous reads complete later
/// on the thread pool, so the method is still on the caller's context when it starts reading the body. On S3 the open
/// itself already suspends and resumes off the context, which hides a body read that would come back to it.
/// </summary>
public sealed class UploadHydrationContextTests : IDisposable
{
    private readonly TemporaryDirectory _folder = new();

    public void Dispose() => _folder.Dispose();

    [Fact]
    public async Task A_multi_megabyte_upload_is_read_without_posting_to_the_callers_context()
    {
        // The claim-check serializer calls this synchronously: a continuation queued behind the blocked caller would deadlock it.
        var options = new ClaimCheckOptions { Bucket = FilePayloadStore.DefaultBucket };
        var store = new FilePayloadStore(_folder.Path);
        var runtime = new ClaimCheckRuntime(options, store);
        // About 4 MB: far more than one read returns, so reading it suspends many times.
        byte[] csv = Encoding.UTF8.GetBytes(string.Concat(Enumerable.Repeat("id,name,city\n42,Zoë,Köln\n", 150_000)));
        string key = ObjectKeys.NewKey(options.KeyPrefix + ClaimCheckRuntime.UploadsFolder, DateTimeOffset.UtcNow, ".csv");
        var description = new PayloadDescription { ContentType = "text/csv", Direction = OffloadDirection.Request };
        PayloadPointer stored = await store.WriteAsync(new PayloadWrite(key, new ReadOnlySequence<byte>(csv), Sha256Hex.Of(csv), description), CancellationToken.None);
        string pointer = PayloadPointerWriter.ToJson(stored);
        Task<HttpRequestBody?> hydrating = Task.FromResult<HttpRequestBody?>(null);

        int posts = await CountingSynchronizationContext.PostsDuringAsync(() => hydrating = runtime.HydrateHttpRequestBodyAsync(pointer, isBase64Encoded: false, CancellationToken.None).AsTask());
        HttpRequestBody read = (await hydrating)!;

        Assert.Equal(0, posts);
        Assert.Equal((false, stored), (read.IsBase64Encoded, read.Pointer));
        Assert.Equal(csv, Encoding.UTF8.GetBytes(read.Body));
    }
}

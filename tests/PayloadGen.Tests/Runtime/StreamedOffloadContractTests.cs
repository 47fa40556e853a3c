using System;
using System.Buffers;
using System.IO;
using System.Threading;
using System.Threading.Tasks;
using PayloadGen.Tests.Infrastructure;
using Xunit;

namespace PayloadGen.Tests.Runtime;

/// <summary>
/// The stream a response is serialized into, on the file store with 64 KiB parts: what it promises as a
/// <see cref="Stream"/> (write-only, asynchronous, done once completed), that a store which cannot take parts still
/// receives the payload whole, that parts outside what a store can hold are a configuration error, and that a stream
/// disposed before it completed, or whose last part failed, leaves nothing in the store.
/// </summary>
public sealed class StreamedOffloadContractTests : IDisposable
{
    private const int PartBytes = 64 * 1024;

    private static readonly PayloadDescription Description = new() { Direction = OffloadDirection.Response, ContentType = "application/json" };

    private readonly TemporaryDirectory _folder = new();

    public void Dispose() => _folder.Dispose();

    [Fact]
    public async Task It_is_a_write_only_asynchronous_stream_that_counts_what_was_written()
    {
        await using var offload = new StreamedOffload(Runtime(Files()), 1_000, Description);

        await offload.WriteAsync("[1,2,"u8.ToArray());
        // The array overload is what older callers use; it must take the same path.
#pragma warning disable CA1835
        await offload.WriteAsync(new byte[] { (byte)'x', (byte)'3', (byte)']' }, 1, 2, CancellationToken.None);
#pragma warning restore CA1835
        await offload.FlushAsync();

        Assert.Equal((false, false, true, 7L), (offload.CanRead, offload.CanSeek, offload.CanWrite, offload.Position));
        Assert.Equal(
            "A streamed offload is written asynchronously: a write may have to wait for a part to finish uploading.",
            Assert.Throws<NotSupportedException>(() => offload.Write([1], 0, 1)).Message);
        Assert.Throws<NotSupportedException>(() => offload.Length);
        Assert.Throws<NotSupportedException>(() => offload.Position = 0);
        Assert.Throws<NotSupportedException>(() => offload.Read(new byte[1], 0, 1));
        Assert.Throws<NotSupportedException>(() => offload.Seek(0, SeekOrigin.Begin));
        Assert.Throws<NotSupportedException>(() => offload.SetLength(0));

        OffloadOutcome outcome = await offload.CompleteAsync(CancellationToken.None);

        Assert.Null(outcome.Pointer);
        Assert.Equal(7, outcome.Length);
        Assert.Equal("[1,2,3]"u8.ToArray(), ReadAll(outcome.Inline!));
        Assert.False(offload.CanWrite);
        await Assert.ThrowsAsync<ObjectDisposedException>(() => offload.WriteAsync("4"u8.ToArray()).AsTask());
        await Assert.ThrowsAsync<ObjectDisposedException>(() => offload.CompleteAsync(CancellationToken.None).AsTask());
        await outcome.Inline!.DisposeAsync();
    }

    [Fact]
    public async Task An_offloaded_stream_is_done_once_completed()
    {
        byte[] payload = Payload(3 * PartBytes + 5, seed: 1);
        await using var offload = new StreamedOffload(Runtime(Files()), 1_000, Description);
        await offload.WriteAsync(payload);

        OffloadOutcome outcome = await offload.CompleteAsync(CancellationToken.None);

        Assert.Equal(payload, File.ReadAllBytes(StoredPath(outcome.Pointer!)));
        Assert.False(offload.CanWrite);
        await Assert.ThrowsAsync<ObjectDisposedException>(() => offload.WriteAsync("4"u8.ToArray()).AsTask());
        await Assert.ThrowsAsync<ObjectDisposedException>(() => offload.CompleteAsync(CancellationToken.None).AsTask());
    }

    [Fact]
    public async Task A_store_that_cannot_take_parts_receives_the_payload_whole()
    {
        byte[] payload = Payload(3 * PartBytes + 5, seed: 2);
        var store = new WholeWritesOnly(Files());
        await using var offload = new StreamedOffload(Runtime(store), 1_000, Description);
        await offload.WriteAsync(payload.AsMemory(0, 500));
        await offload.WriteAsync(payload.AsMemory(500));

        OffloadOutcome outcome = await offload.CompleteAsync(CancellationToken.None);

        Assert.Equal(1, store.Writes);
        Assert.Equal((payload.Length, Sha256Hex.Of(payload)), (outcome.Pointer!.Size, outcome.Pointer.Sha256));
        Assert.Equal(payload.Length, outcome.Length);
        Assert.Equal(payload, File.ReadAllBytes(StoredPath(outcome.Pointer)));
    }

    [Theory]
    [InlineData(0L)]
    [InlineData(-1L)]
    [InlineData(int.MaxValue + 1L)]
    public async Task A_part_size_no_buffer_can_hold_is_a_configuration_error(long partSize)
    {
        await using var offload = new StreamedOffload(Runtime(new PartsOf(Files(), partSize, maxConcurrentParts: 2)), 10, Description);

        var error = await Assert.ThrowsAsync<ClaimCheckConfigurationException>(() => offload.WriteAsync(Payload(100, seed: 3)).AsTask());

        Assert.Equal($"The store's part size must be between 1 byte and 2 GiB, not {partSize:N0} bytes.", error.Message);
        Assert.Empty(Directory.GetFiles(_folder.Path, "*", SearchOption.AllDirectories));
    }

    [Theory]
    [InlineData(1L, 2)]   // every byte a part
    [InlineData(7L, 0)]   // a store that names no concurrency still uploads, one part at a time
    public async Task Any_part_size_and_concurrency_a_store_names_stores_the_exact_bytes(long partSize, int maxConcurrentParts)
    {
        byte[] payload = Payload(1_000, seed: 4);
        await using var offload = new StreamedOffload(Runtime(new PartsOf(Files(), partSize, maxConcurrentParts)), 10, Description);
        await offload.WriteAsync(payload);

        OffloadOutcome outcome = await offload.CompleteAsync(CancellationToken.None).AsTask().WaitAsync(TimeSpan.FromSeconds(30));

        Assert.Equal(payload, File.ReadAllBytes(StoredPath(outcome.Pointer!)));
        Assert.Equal(Sha256Hex.Of(payload), outcome.Pointer!.Sha256);
    }

    [Fact]
    public async Task A_stream_disposed_synchronously_before_it_completed_leaves_nothing_in_the_store()
    {
        // Three parts were dispatched; the upload they wait for is started beside serialization, so it may still be
        // starting when the stream is disposed: disposing waits for it, and then aborts it.
        var store = new Recording(Files());
        var offload = new StreamedOffload(Runtime(store), 1_000, Description);
        await offload.WriteAsync(Payload(3 * PartBytes + 5, seed: 5));

        offload.Dispose();
        offload.Dispose();

        Assert.Equal((1, 1), (store.Started, store.Aborted));
        Assert.Empty(Directory.GetFiles(_folder.Path, "*", SearchOption.AllDirectories));
        Assert.False(offload.CanWrite);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task A_payload_exactly_at_the_threshold_stays_inline_and_one_byte_more_is_stored(bool storeTakesParts)
    {
        // Only a lazy sequence reaches this decision with its length unknown; the runtime decides other values earlier.
        byte[] payload = Payload(1_000, seed: 6);
        IPayloadStore Store() => storeTakesParts ? Files() : new WholeWritesOnly(Files());
        await using var atThreshold = new StreamedOffload(Runtime(Store()), payload.Length, Description);
        await using var overThreshold = new StreamedOffload(Runtime(Store()), payload.Length - 1, Description);
        await atThreshold.WriteAsync(payload);
        await overThreshold.WriteAsync(payload);

        OffloadOutcome inline = await atThreshold.CompleteAsync(CancellationToken.None);
        OffloadOutcome stored = await overThreshold.CompleteAsync(CancellationToken.None);

        Assert.Null(inline.Pointer);
        Assert.False(atThreshold.CanWrite);
        Assert.Equal(payload, ReadAll(inline.Inline!));
        await inline.Inline!.DisposeAsync();
        Assert.Null(stored.Inline);
        Assert.Equal(payload, File.ReadAllBytes(StoredPath(stored.Pointer!)));
    }

    [Fact]
    public async Task A_last_part_that_fails_fails_the_offload_with_its_own_error_and_leaves_nothing()
    {
        // Three full parts go up while the payload is written; the fourth, 5 bytes, only when it is completed.
        var offload = new StreamedOffload(Runtime(new FailingPart(Files(), failingPart: 4)), 1_000, Description);
        await offload.WriteAsync(Payload(3 * PartBytes + 5, seed: 7));

        var error = await Assert.ThrowsAsync<IOException>(() => offload.CompleteAsync(CancellationToken.None).AsTask());
        await offload.DisposeAsync();

        Assert.Equal("the disk went away", error.Message);
        Assert.Empty(Directory.GetFiles(_folder.Path, "*", SearchOption.AllDirectories));
    }

    private FilePayloadStore Files() => new(_folder.Path, partSizeBytes: PartBytes);

    private static ClaimCheckRuntime Runtime(IPayloadStore store) => new(new ClaimCheckOptions { Bucket = FilePayloadStore.DefaultBucket }, store);

    private string StoredPath(PayloadPointer pointer) => Path.Combine(_folder.Path, pointer.Bucket, pointer.Key);

    private static byte[] Payload(int length, int seed)
    {
        byte[] bytes = new byte[length];
        new Random(seed).NextBytes(bytes);
        return bytes;
    }

    private static byte[] ReadAll(Stream stream)
    {
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        return copy.ToArray();
    }

    /// <summary>A store that writes whole payloads only, as stores written before streaming existed do.</summary>
    private sealed class WholeWritesOnly(IPayloadStore inner) : IPayloadStore
    {
        public int Writes { get; private set; }

        public string Bucket => inner.Bucket;

        public Task<PayloadPointer> WriteAsync(PayloadWrite write, CancellationToken cancellationToken)
        {
            Writes++;
            return inner.WriteAsync(write, cancellationToken);
        }

        public Task<StoredPayload> OpenReadAsync(PayloadPointer pointer, long maxBytes, CancellationToken cancellationToken) => inner.OpenReadAsync(pointer, maxBytes, cancellationToken);

        public Task DeleteAsync(PayloadPointer pointer, CancellationToken cancellationToken) => inner.DeleteAsync(pointer, cancellationToken);
    }

    /// <summary>The file store, except that one part of every upload fails.</summary>
    private sealed class FailingPart(FilePayloadStore inner, int failingPart) : IStreamingPayloadStore
    {
        public string Bucket => inner.Bucket;

        public long PartSizeBytes => inner.PartSizeBytes;

        public int MaxConcurrentParts => inner.MaxConcurrentParts;

        public async Task<IPayloadUpload> StartUploadAsync(string key, PayloadDescription description, CancellationToken cancellationToken)
            => new FailingUpload(await inner.StartUploadAsync(key, description, cancellationToken), failingPart);

        public Task<PayloadPointer> WriteAsync(PayloadWrite write, CancellationToken cancellationToken) => inner.WriteAsync(write, cancellationToken);

        public Task<StoredPayload> OpenReadAsync(PayloadPointer pointer, long maxBytes, CancellationToken cancellationToken) => inner.OpenReadAsync(pointer, maxBytes, cancellationToken);

        public Task DeleteAsync(PayloadPointer pointer, CancellationToken cancellationToken) => inner.DeleteAsync(pointer, cancellationToken);
    }

    private sealed class FailingUpload(IPayloadUpload inner, int failingPart) : IPayloadUpload
    {
        public string Key => inner.Key;

        public Task UploadPartAsync(int partNumber, long offset, ReadOnlySequence<byte> content, CancellationToken cancellationToken)
            => partNumber == failingPart ? Task.FromException(new IOException("the disk went away")) : inner.UploadPartAsync(partNumber, offset, content, cancellationToken);

        public Task<PayloadPointer> CompleteAsync(int partCount, long length, string sha256, CancellationToken cancellationToken) => inner.CompleteAsync(partCount, length, sha256, cancellationToken);

        public ValueTask AbortAsync() => inner.AbortAsync();

        public ValueTask DisposeAsync() => inner.DisposeAsync();
    }

    /// <summary>The file store, counting the uploads it started and the ones aborted.</summary>
    private sealed class Recording(FilePayloadStore inner) : IStreamingPayloadStore
    {
        private int _aborted;

        public int Started { get; private set; }

        public int Aborted => _aborted;

        public string Bucket => inner.Bucket;

        public long PartSizeBytes => inner.PartSizeBytes;

        public int MaxConcurrentParts => inner.MaxConcurrentParts;

        public async Task<IPayloadUpload> StartUploadAsync(string key, PayloadDescription description, CancellationToken cancellationToken)
        {
            IPayloadUpload upload = await inner.StartUploadAsync(key, description, cancellationToken);
            Started++;
            return new AbortCounting(upload, () => Interlocked.Increment(ref _aborted));
        }

        public Task<PayloadPointer> WriteAsync(PayloadWrite write, CancellationToken cancellationToken) => inner.WriteAsync(write, cancellationToken);

        public Task<StoredPayload> OpenReadAsync(PayloadPointer pointer, long maxBytes, CancellationToken cancellationToken) => inner.OpenReadAsync(pointer, maxBytes, cancellationToken);

        public Task DeleteAsync(PayloadPointer pointer, CancellationToken cancellationToken) => inner.DeleteAsync(pointer, cancellationToken);
    }

    private sealed class AbortCounting(IPayloadUpload inner, Action aborted) : IPayloadUpload
    {
        public string Key => inner.Key;

        public Task UploadPartAsync(int partNumber, long offset, ReadOnlySequence<byte> content, CancellationToken cancellationToken) => inner.UploadPartAsync(partNumber, offset, content, cancellationToken);

        public Task<PayloadPointer> CompleteAsync(int partCount, long length, string sha256, CancellationToken cancellationToken) => inner.CompleteAsync(partCount, length, sha256, cancellationToken);

        public ValueTask AbortAsync()
        {
            aborted();
            return inner.AbortAsync();
        }

        public ValueTask DisposeAsync() => AbortAsync();
    }

    /// <summary>The file store with a part size and concurrency the file store itself would not take.</summary>
    private sealed class PartsOf(FilePayloadStore inner, long partSizeBytes, int maxConcurrentParts) : IStreamingPayloadStore
    {
        public string Bucket => inner.Bucket;

        public long PartSizeBytes => partSizeBytes;

        public int MaxConcurrentParts => maxConcurrentParts;

        public Task<IPayloadUpload> StartUploadAsync(string key, PayloadDescription description, CancellationToken cancellationToken) => inner.StartUploadAsync(key, description, cancellationToken);

        public Task<PayloadPointer> WriteAsync(PayloadWrite write, CancellationToken cancellationToken) => inner.WriteAsync(write, cancellationToken);

        public Task<StoredPayload> OpenReadAsync(PayloadPointer pointer, long maxBytes, CancellationToken cancellationToken) => inner.OpenReadAsync(pointer, maxBytes, cancellationToken);

        public Task DeleteAsync(PayloadPointer pointer, CancellationToken cancellationToken) => inner.DeleteAsync(pointer, cancellationToken);
    }
}

using System;
using System.Buffers;
using System.IO;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using PayloadGen.Tests.Infrastructure;
using Xunit;

namespace PayloadGen.Tests.Storage;

public sealed class FilePayloadStoreTests : IDisposable
{
    private readonly TemporaryDirectory _directory = new();
    private readonly ClaimCheckRuntime _runtime;

    public FilePayloadStoreTests()
    {
        _runtime = new ClaimCheckRuntime(new ClaimCheckOptions { InlineThresholdBytes = 1024 }, new FilePayloadStore(_directory.Path));
    }

    public void Dispose() => _directory.Dispose();

    [Fact]
    public async Task Offloaded_payload_is_a_file_under_the_bucket_folder_with_exact_bytes()
    {
        byte[] content = TestPayloads.Utf8(TestPayloads.Report(5000));

        PayloadPointer pointer = await _runtime.OffloadAsync(new ReadOnlySequence<byte>(content), CancellationToken.None);

        string file = Path.Combine(_directory.Path, FilePayloadStore.DefaultBucket, pointer.Key);
        Assert.Equal(content, File.ReadAllBytes(file));
        Assert.Empty(Directory.GetFiles(Path.GetDirectoryName(file)!, "*.tmp"));
        Assert.Equal(content.Length, pointer.Size);
    }

    [Fact]
    public async Task Response_over_the_threshold_round_trips_through_the_store()
    {
        Report report = TestPayloads.Report(100_000);

        await using Stream response = await _runtime.DehydrateAsync(report, TestPayloads.ReportType, PayloadSource.Direct, 0, CancellationToken.None);
        Report? read = await _runtime.HydrateAsync(response, TestPayloads.ReportType, allowBarePointer: false, CancellationToken.None);

        Assert.Equal(TestPayloads.Utf8(report), TestPayloads.Utf8(read!));
    }

    [Fact]
    public async Task Tampered_file_fails_the_SHA256_check()
    {
        PayloadPointer pointer = await _runtime.OffloadAsync(new ReadOnlySequence<byte>(Encoding.UTF8.GetBytes("""{"Title":"aaaa","Rows":[]}""")), CancellationToken.None);
        string file = Path.Combine(_directory.Path, FilePayloadStore.DefaultBucket, pointer.Key);
        File.WriteAllText(file, """{"Title":"bbbb","Rows":[]}""");

        await Assert.ThrowsAsync<PayloadIntegrityException>(() => _runtime.ReadAsync(pointer, TestPayloads.ReportType, CancellationToken.None).AsTask());
    }

    [Fact]
    public async Task Appended_bytes_fail_before_the_body_is_read()
    {
        PayloadPointer pointer = await _runtime.OffloadAsync(new ReadOnlySequence<byte>(Encoding.UTF8.GetBytes("""{"Title":"a","Rows":[]}""")), CancellationToken.None);
        File.AppendAllText(Path.Combine(_directory.Path, FilePayloadStore.DefaultBucket, pointer.Key), " ");

        var error = await Assert.ThrowsAsync<PayloadIntegrityException>(() => _runtime.ReadAsync(pointer, TestPayloads.ReportType, CancellationToken.None).AsTask());

        Assert.Contains("store holds", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("payloadgen/../../../etc/passwd")]
    [InlineData("payloadgen/./x")]
    [InlineData("payloadgen/a\\..\\..\\x")]
    [InlineData("/payloadgen/x")]
    [InlineData("payloadgen/x\u0000y")]
    public async Task Keys_that_could_escape_the_folder_are_refused(string key)
    {
        var pointer = new PayloadPointer(FilePayloadStore.DefaultBucket, key) { Size = 1, Sha256 = new string('0', 64) };

        await Assert.ThrowsAsync<PayloadKeyNotAllowedException>(() => _runtime.ReadAsync(pointer, TestPayloads.ReportType, CancellationToken.None).AsTask());
        await Assert.ThrowsAsync<PayloadKeyNotAllowedException>(() => new FilePayloadStore(_directory.Path).OpenReadAsync(pointer, 100, CancellationToken.None));
    }

    [Fact]
    public async Task Missing_file_is_a_specific_error()
    {
        var pointer = new PayloadPointer(FilePayloadStore.DefaultBucket, "payloadgen/none.json") { Size = 1, Sha256 = new string('0', 64) };

        await Assert.ThrowsAsync<PayloadNotFoundException>(() => _runtime.ReadAsync(pointer, TestPayloads.ReportType, CancellationToken.None).AsTask());
    }

    [Fact]
    public async Task Deleting_twice_succeeds()
    {
        var store = new FilePayloadStore(_directory.Path);
        PayloadPointer pointer = await _runtime.OffloadAsync(new ReadOnlySequence<byte>(new byte[] { (byte)'1' }), CancellationToken.None);

        await store.DeleteAsync(pointer, CancellationToken.None);
        await store.DeleteAsync(pointer, CancellationToken.None);

        Assert.False(File.Exists(Path.Combine(_directory.Path, FilePayloadStore.DefaultBucket, pointer.Key)));
    }

    [Fact]
    public async Task A_write_the_file_system_refuses_is_a_store_error_naming_the_object()
    {
        // A file where the bucket's folder should be: every write under it fails in the file system.
        File.WriteAllText(Path.Combine(_directory.Path, FilePayloadStore.DefaultBucket), "in the way");

        var error = await Assert.ThrowsAsync<PayloadStoreException>(() => _runtime.OffloadAsync(new ReadOnlySequence<byte>("{}"u8.ToArray()), CancellationToken.None));

        Assert.Equal("write", error.Operation);
        Assert.Equal(FilePayloadStore.DefaultBucket, error.Bucket);
        Assert.StartsWith(ClaimCheckOptions.DefaultKeyPrefix, error.Key, StringComparison.Ordinal);
        Assert.IsAssignableFrom<IOException>(error.InnerException);
    }
}

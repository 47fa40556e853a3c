using System;
using System.IO;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using Xunit;

namespace PayloadGen.Tests.Adversarial;

/// <summary>
/// The sender controls the pointer and the message attributes. Each test plays one trick and checks that the
/// consumer refuses it with the specific exception, before any store call where the design says so.
/// </summary>
public sealed class PointerAttackTests : IDisposable
{
    private const string Bucket = AttackerHarness.Bucket;
    private const string Prefix = AttackerHarness.Prefix;
    private static readonly byte[] Payload = "\"the real payload\""u8.ToArray();
    private static readonly string PayloadSha = Sha256Hex.Of(Payload);

    private readonly AttackerHarness _h = new();

    public void Dispose() => _h.Dispose();

    [Theory]
    [InlineData("\"bucket\":\"local\",\"bucket\":\"evil\"")]
    [InlineData("\"bucket\":\"evil\",\"bucket\":\"local\"")]
    [InlineData("\"bucket\":\"local\",\"key\":\"payloadgen/other.json\",\"bucket\":\"local\"")]
    public async Task Duplicate_bucket_properties_are_refused_as_ambiguous(string buckets)
    {
        _h.Plant(Prefix + "a.json", Payload);
        string json = $"{{\"$payloadgen\":\"s3-pointer/1\",{buckets},\"key\":\"{Prefix}a.json\",\"size\":{Payload.Length},\"sha256\":\"{PayloadSha}\"}}";

        await Assert.ThrowsAsync<MalformedPointerException>(() => _h.HydrateAsync(json).AsTask());
        Assert.Equal(0, _h.Store.Opens);
    }

    [Theory]
    [InlineData("\"key\":\"payloadgen/a.json\",\"key\":\"payloadgen/b.json\"")]
    [InlineData("\"key\":\"payloadgen/a.json\",\"sha256\":\"0000000000000000000000000000000000000000000000000000000000000000\"")]
    [InlineData("\"key\":\"payloadgen/a.json\",\"size\":1")]
    [InlineData("\"key\":\"payloadgen/a.json\",\"$payloadgen\":\"s3-pointer/1\"")]
    [InlineData("\"key\":\"payloadgen/a.json\",\"url\":\"https://local/a\",\"url\":\"https://evil/a\"")]
    [InlineData("\"key\":\"payloadgen/a.json\",\"versionId\":\"v1\",\"versionId\":\"v2\"")]
    [InlineData("\"key\":\"payloadgen/a.json\",\"contentType\":\"application/json\",\"contentType\":\"text/html\"")]
    public async Task Any_duplicate_pointer_field_is_refused(string fields)
    {
        _h.Plant(Prefix + "a.json", Payload);
        string json = $"{{\"$payloadgen\":\"s3-pointer/1\",\"bucket\":\"local\",\"size\":{Payload.Length},\"sha256\":\"{PayloadSha}\",{fields}}}";

        await Assert.ThrowsAsync<MalformedPointerException>(() => _h.HydrateAsync(json).AsTask());
        Assert.Equal(0, _h.Store.Opens);
    }

    [Theory]
    [InlineData("[\"software.amazon.payloadoffloading.PayloadS3Pointer\",{\"s3BucketName\":\"local\",\"s3BucketName\":\"evil\",\"s3Key\":\"payloadgen/a.json\"}]")]
    [InlineData("[\"software.amazon.payloadoffloading.PayloadS3Pointer\",{\"s3BucketName\":\"local\",\"s3Key\":\"payloadgen/a.json\",\"s3Key\":\"payloadgen/b.json\"}]")]
    [InlineData("[\"software.amazon.payloadoffloading.PayloadS3Pointer\",{\"s3BucketName\":\"local\",\"s3Bu\\u0063ketName\":\"evil\",\"s3Key\":\"payloadgen/a.json\"}]")]
    [InlineData("[\"software.amazon.payloadoffloading.PayloadS3Pointer\",{\"s3Key\":\"payloadgen/a.json\",\"s3BucketName\":\"local\",\"\\u0073\\u0033Key\":\"payloadgen/b.json\"}]")]
    public async Task Duplicate_extended_client_fields_are_refused(string json)
    {
        await Assert.ThrowsAsync<MalformedPointerException>(() => _h.HydrateAsync(json).AsTask());
        Assert.Equal(0, _h.Store.Opens);
    }

    [Fact]
    public async Task Escaped_property_names_are_the_same_property_for_the_duplicate_check()
    {
        string json = $"{{\"$payloadgen\":\"s3-pointer/1\",\"bucket\":\"local\",\"bucke\\u0074\":\"evil\",\"key\":\"{Prefix}a.json\",\"size\":1,\"sha256\":\"{PayloadSha}\"}}";

        await Assert.ThrowsAsync<MalformedPointerException>(() => _h.HydrateAsync(json).AsTask());
    }

    [Theory]
    [InlineData(" {\"bucket\":\"evil\"}")]
    [InlineData(" garbage")]
    [InlineData(",")]
    [InlineData("]")]
    public async Task Content_after_a_marked_pointer_is_refused(string trailing)
    {
        _h.Plant(Prefix + "a.json", Payload);
        string json = AttackerHarness.PointerJson(Bucket, Prefix + "a.json", Payload.Length, PayloadSha) + trailing;

        await Assert.ThrowsAsync<MalformedPointerException>(() => _h.HydrateAsync(json).AsTask());
        Assert.Equal(0, _h.Store.Opens);
    }

    [Fact]
    public async Task Content_after_the_bare_shape_makes_it_inline_data_not_a_pointer()
    {
        string json = $"{{\"bucket\":\"local\",\"key\":\"{Prefix}a.json\"}} {{\"bucket\":\"evil\"}}";

        Assert.False(PayloadPointerReader.TryRead(Encoding.UTF8.GetBytes(json), allowBareShape: true, out _));
        await Assert.ThrowsAsync<PayloadJsonException>(() => _h.HydrateAsync(json, allowBarePointer: true).AsTask());
        Assert.Equal(0, _h.Store.Opens);
    }

    [Fact]
    public async Task A_valid_pointer_still_reads_with_surrounding_whitespace()
    {
        _h.Plant(Prefix + "a.json", Payload);
        string json = " \r\n" + AttackerHarness.PointerJson(Bucket, Prefix + "a.json", Payload.Length, PayloadSha) + " \n\t";

        Assert.Equal("the real payload", await _h.HydrateAsync(json));
    }

    [Theory]
    [InlineData("payloadgen/%2e%2e/%2e%2e/outside.json")]
    [InlineData("payloadgen/%2E%2E%2F%2E%2E%2Foutside.json")]
    [InlineData("payloadgen/ ../ ../outside.json")]
    [InlineData("payloadgen/.. /.. /outside.json")]
    [InlineData("payloadgen/\u2025/\u2025/outside.json")]
    [InlineData("payloadgen/\uFF0E\uFF0E/\uFF0E\uFF0E/outside.json")]
    [InlineData("payloadgen/..%c0%af..%c0%afoutside.json")]
    public async Task Encoded_and_look_alike_traversal_stays_a_literal_key_inside_the_store(string key)
    {
        File.WriteAllBytes(Path.Combine(_h.Files.RootDirectory, "..", "outside.json"), Payload);
        Directory.CreateDirectory(_h.Files.RootDirectory);
        File.WriteAllBytes(Path.Combine(_h.Files.RootDirectory, "outside.json"), Payload);
        string json = AttackerHarness.PointerJson(Bucket, key, Payload.Length, PayloadSha);

        await Assert.ThrowsAsync<PayloadNotFoundException>(() => _h.HydrateAsync(json).AsTask());
    }

    [Theory]
    [InlineData("payloadgen/../outside.json")]
    [InlineData("payloadgen/./a.json")]
    [InlineData("payloadgen/..\\..\\outside.json")]
    [InlineData("payloadgen%2F..%2Foutside.json")]
    [InlineData(" payloadgen/a.json")]
    [InlineData("/payloadgen/a.json")]
    [InlineData("PAYLOADGEN/a.json")]
    public async Task Traversal_and_prefix_tricks_are_refused_before_the_store(string key)
    {
        string json = AttackerHarness.PointerJson(Bucket, key, Payload.Length, PayloadSha);

        await Assert.ThrowsAsync<PayloadKeyNotAllowedException>(() => _h.HydrateAsync(json).AsTask());
        Assert.Equal(0, _h.Store.Opens);
    }

    [Theory]
    [InlineData("LOCAL")]
    [InlineData("Local")]
    [InlineData("local ")]
    [InlineData(" local")]
    [InlineData("loc\u0430l")] // Cyrillic a
    [InlineData("local\u200b")] // zero-width space
    [InlineData("local/..")]
    public async Task Buckets_that_only_look_allowed_are_refused_before_the_store(string bucket)
    {
        _h.Plant(Prefix + "a.json", Payload);
        string json = AttackerHarness.PointerJson(bucket, Prefix + "a.json", Payload.Length, PayloadSha);

        await Assert.ThrowsAsync<PayloadBucketNotAllowedException>(() => _h.HydrateAsync(json).AsTask());
        Assert.Equal(0, _h.Store.Opens);
    }

    [Theory]
    [InlineData("1e400")]
    [InlineData("99999999999999999999999999999")]
    [InlineData("-1")]
    [InlineData("1.5")]
    [InlineData("18.0")]
    [InlineData("\"18\"")]
    [InlineData("null")]
    [InlineData("true")]
    [InlineData("[18]")]
    [InlineData("{\"n\":18}")]
    public async Task Sizes_that_are_not_a_whole_non_negative_64_bit_number_are_malformed(string size)
    {
        _h.Plant(Prefix + "a.json", Payload);
        string json = $"{{\"$payloadgen\":\"s3-pointer/1\",\"bucket\":\"local\",\"key\":\"{Prefix}a.json\",\"size\":{size},\"sha256\":\"{PayloadSha}\"}}";

        await Assert.ThrowsAsync<MalformedPointerException>(() => _h.HydrateAsync(json).AsTask());
        Assert.Equal(0, _h.Store.Opens);
    }

    [Theory]
    [InlineData(long.MaxValue)]
    [InlineData(5L * 1024 * 1024 * 1024)]
    public async Task A_huge_announced_size_is_refused_by_the_cap_before_the_store(long size)
    {
        string json = AttackerHarness.PointerJson(Bucket, Prefix + "a.json", size, PayloadSha);

        var error = await Assert.ThrowsAsync<PayloadTooLargeException>(() => _h.HydrateAsync(json).AsTask());
        Assert.Equal(size, error.Size);
        Assert.Equal(0, _h.Store.Opens);
    }

    [Fact]
    public async Task A_5_GB_sparse_object_is_refused_by_the_cap_before_any_byte_is_read()
    {
        string path = Path.Combine(_h.Files.RootDirectory, Bucket, Prefix, "huge.json");
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        const long FiveGb = 5L * 1024 * 1024 * 1024;
        using (var file = new FileStream(path, FileMode.CreateNew))
        {
            file.SetLength(FiveGb); // sparse: no disk space, but the length a reader sees
        }

        long allocated = GC.GetAllocatedBytesForCurrentThread();

        // A PayloadGen pointer with the matching size: the policy refuses it from the pointer alone.
        string payloadGen = AttackerHarness.PointerJson(Bucket, Prefix + "huge.json", FiveGb, PayloadSha);
        await Assert.ThrowsAsync<PayloadTooLargeException>(() => _h.HydrateAsync(payloadGen).AsTask());
        Assert.Equal(0, _h.Store.Opens);

        // An extended-client pointer carries no size: the store refuses from the object's length, before reading.
        string extended = PayloadPointerWriter.ToJson(new PayloadPointer(Bucket, Prefix + "huge.json"), PointerFormat.ExtendedClient);
        var error = await Assert.ThrowsAsync<PayloadTooLargeException>(() => _h.HydrateAsync(extended).AsTask());
        Assert.Equal(FiveGb, error.Size);
        Assert.Equal(1, _h.Store.Opens);

        // The same object flagged through a queue with its true size: refused before the store.
        var flagged = await Assert.ThrowsAsync<PayloadTooLargeException>(() => HydrateMessageAsync(extended, FiveGb.ToString(System.Globalization.CultureInfo.InvariantCulture), null));
        Assert.Equal(1, _h.Store.Opens);
        Assert.Equal(FiveGb, flagged.Size);

        Assert.True(GC.GetAllocatedBytesForCurrentThread() - allocated < 16 * 1024 * 1024, "the refusal must not buffer the object");
    }

    [Fact]
    public async Task A_flagged_message_whose_ExtendedPayloadSize_is_smaller_than_the_object_fails_integrity_when_hashed()
    {
        _h.Plant(Prefix + "a.json", Payload);
        string extended = PayloadPointerWriter.ToJson(new PayloadPointer(Bucket, Prefix + "a.json"), PointerFormat.ExtendedClient);

        await Assert.ThrowsAsync<PayloadIntegrityException>(() => HydrateMessageAsync(extended, "5", PayloadSha));
    }

    [Fact]
    public async Task A_flagged_message_that_understates_its_size_cannot_slip_an_oversized_object_past_the_cap()
    {
        using var small = new AttackerHarness(maxPayloadBytes: 10);
        small.Plant(Prefix + "a.json", Payload); // 18 bytes, over the 10-byte cap
        string extended = PayloadPointerWriter.ToJson(new PayloadPointer(Bucket, Prefix + "a.json"), PointerFormat.ExtendedClient);

        var error = await Assert.ThrowsAsync<PayloadTooLargeException>(() => small.Runtime.HydrateAsync(new HydrationRequest(Encoding.UTF8.GetBytes(extended), false) { AnnouncedSize = 5 }, AttackerHarness.StringType, CancellationToken.None).AsTask());
        Assert.Equal(Payload.Length, error.Size);
    }

    [Fact]
    public async Task A_PayloadGenSha256_attribute_cannot_replace_a_PayloadGen_pointers_own_hash()
    {
        byte[] forged = "\"forged payload!!\""u8.ToArray();
        Assert.Equal(Payload.Length, forged.Length);
        _h.Plant(Prefix + "a.json", forged); // the object was swapped after the pointer was written
        string pointer = AttackerHarness.PointerJson(Bucket, Prefix + "a.json", Payload.Length, PayloadSha);

        // The attacker adds attributes that describe the forged object.
        await Assert.ThrowsAsync<PayloadIntegrityException>(() => HydrateMessageAsync(pointer, forged.Length.ToString(System.Globalization.CultureInfo.InvariantCulture), Sha256Hex.Of(forged)));
        await Assert.ThrowsAsync<PayloadIntegrityException>(() => HydrateMessageAsync(pointer, "1", "not-a-hash"));
        await Assert.ThrowsAsync<PayloadIntegrityException>(() => HydrateMessageAsync(pointer, null, Sha256Hex.Of(forged)));
    }

    [Fact]
    public async Task An_upper_case_PayloadGenSha256_attribute_still_verifies_an_extended_client_pointer()
    {
        _h.Plant(Prefix + "a.json", Payload);
        string extended = PayloadPointerWriter.ToJson(new PayloadPointer(Bucket, Prefix + "a.json"), PointerFormat.ExtendedClient);

        Assert.Equal("the real payload", await HydrateMessageAsync(extended, Payload.Length.ToString(System.Globalization.CultureInfo.InvariantCulture), PayloadSha.ToUpperInvariant()));
        await Assert.ThrowsAsync<PayloadIntegrityException>(() => HydrateMessageAsync(extended, Payload.Length.ToString(System.Globalization.CultureInfo.InvariantCulture), Sha256Hex.Of("x"u8)));
    }

    [Theory]
    [InlineData("{{\"$payloadgen\":\"s3-pointer/1\",\"x\":{0}}}", typeof(MalformedPointerException))]
    [InlineData("[\"software.amazon.payloadoffloading.PayloadS3Pointer\",{{\"s3BucketName\":\"local\",\"x\":{0},\"s3Key\":\"payloadgen/a.json\"}}]", typeof(MalformedPointerException))]
    [InlineData("{{\"bucket\":\"local\",\"key\":{0}}}", typeof(PayloadJsonException))]
    [InlineData("{{\"data\":{0}}}", typeof(PayloadJsonException))]
    [InlineData("{0}", typeof(PayloadJsonException))]
    public async Task Deeply_nested_json_bombs_fail_fast_with_a_specific_exception(string template, Type expected)
    {
        foreach (int depth in new[] { 65, 1000, 8000 })
        {
            string nested = new string('[', depth) + new string(']', depth);
            string json = string.Format(System.Globalization.CultureInfo.InvariantCulture, template, nested);
            Exception? error = await Record.ExceptionAsync(() => _h.HydrateAsync(json, allowBarePointer: true).AsTask());
            Assert.IsType(expected, error);
        }

        // Past the 16 KiB a pointer can take, the payload is inline data whatever it holds.
        string deep = string.Format(System.Globalization.CultureInfo.InvariantCulture, template, new string('[', 100_000) + new string(']', 100_000));
        await Assert.ThrowsAsync<PayloadJsonException>(() => _h.HydrateAsync(deep, allowBarePointer: true).AsTask());
        Assert.Equal(0, _h.Store.Opens);
    }

    [Fact]
    public async Task A_flagged_message_whose_ExtendedPayloadSize_is_not_a_number_is_malformed()
    {
        foreach (string size in new[] { "-1", "1e3", "0x10", " 5", "99999999999999999999999" })
        {
            string extended = PayloadPointerWriter.ToJson(new PayloadPointer(Bucket, Prefix + "a.json"), PointerFormat.ExtendedClient);
            string sqsEvent = "{\"Records\":[{\"messageId\":\"m1\",\"body\":" + System.Text.Json.JsonSerializer.Serialize(extended)
                + ",\"messageAttributes\":{\"ExtendedPayloadSize\":{\"stringValue\":\"" + size + "\",\"dataType\":\"Number\"}}}]}";
            Exception? failure = null;
            var observer = new RecordingObserver(error => failure = error);
            var runtime = new ClaimCheckRuntime(new ClaimCheckOptions { Observer = observer }, _h.Store);
            await using Stream response = await runtime.ProcessSqsBatchAsync<string>(
                new MemoryStream(Encoding.UTF8.GetBytes(sqsEvent)), AttackerHarness.StringType, false, (_, _, _) => ValueTask.CompletedTask, null, CancellationToken.None);
            Assert.Contains("m1", new StreamReader(response).ReadToEnd(), StringComparison.Ordinal);
            Assert.IsType<MalformedPointerException>(failure);
        }
    }

    private async Task<string?> HydrateMessageAsync(string body, string? announcedSize, string? sha256)
    {
        long? size = announcedSize is null ? null : long.Parse(announcedSize, System.Globalization.CultureInfo.InvariantCulture);
        (string? value, _) = await _h.Runtime.HydrateAsync(new HydrationRequest(Encoding.UTF8.GetBytes(body), false) { AnnouncedSize = size, AnnouncedSha256 = sha256 }, AttackerHarness.StringType, CancellationToken.None);
        return value;
    }

    private sealed class RecordingObserver(Action<Exception> onFailure) : IClaimCheckObserver
    {
        public void OnPayload(ClaimCheckEvent payloadEvent)
        {
        }

        public void OnRecordFailed(QueueMessageContext message, Exception error) => onFailure(error);
    }
}

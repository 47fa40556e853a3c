using System;
using System.Collections.Generic;
using System.Linq;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using PayloadGen.Tests.Infrastructure;
using Xunit;

namespace PayloadGen.Tests.Messaging;

/// <summary>When the transport-neutral offloader offloads, and exactly what it puts on the wire.</summary>
public sealed class ClaimCheckMessageOffloaderTests
{
    private const int Threshold = 1000;

    private readonly MemoryPayloadStore _store = new();
    private readonly ClaimCheckRuntime _runtime;

    public ClaimCheckMessageOffloaderTests()
    {
        _runtime = new ClaimCheckRuntime(new ClaimCheckOptions { Bucket = MemoryPayloadStore.BucketName }, _store);
    }

    [Fact]
    public void Size_counts_UTF8_body_and_every_attribute_name_data_type_and_value()
    {
        var attributes = new Dictionary<string, OutgoingAttributeValue>
        {
            ["Trace"] = OutgoingAttributeValue.FromString("abc"),         // 5 + 6 + 3
            ["Blob"] = OutgoingAttributeValue.FromBinary(new byte[] { 1, 2, 3 }), // 4 + 6 + 3
            ["Count"] = OutgoingAttributeValue.FromNumber(42),            // 5 + 6 + 2
            ["Naïve"] = OutgoingAttributeValue.Create("String.label", "é", null), // 6 + 12 + 2
        };

        long size = ClaimCheckMessageOffloader.MeasureBytes("héllo", attributes);

        Assert.Equal(6 + 14 + 13 + 13 + 20, size);
    }

    [Fact]
    public async Task Message_exactly_at_the_threshold_travels_inline_unchanged()
    {
        Dictionary<string, OutgoingAttributeValue> attributes = Attributes(1); // "A0" + "String" + "v0" = 10 bytes
        string body = new('x', Threshold - 10);

        OutgoingMessage message = await Offloader().PrepareAsync(body, attributes, CancellationToken.None);

        Assert.False(message.IsOffloaded);
        Assert.Same(body, message.Body);
        Assert.Equal(attributes, message.Attributes);
        Assert.Empty(message.AddedAttributes);
        Assert.Equal(Threshold, message.SizeBytes);
        Assert.Empty(_store.Objects);
    }

    [Fact]
    public async Task One_byte_over_the_threshold_because_of_attributes_is_offloaded()
    {
        string body = new('x', Threshold - 9); // under the threshold on its own

        OutgoingMessage message = await Offloader().PrepareAsync(body, Attributes(1), CancellationToken.None);

        Assert.True(message.IsOffloaded);
        Assert.Equal(Encoding.UTF8.GetBytes(body), Assert.Single(_store.Objects).Value);
    }

    [Fact]
    public async Task Body_length_is_measured_in_UTF8_bytes_not_characters()
    {
        string body = new('é', 600); // 600 characters, 1,200 bytes

        OutgoingMessage message = await Offloader().PrepareAsync(body, null, CancellationToken.None);

        Assert.True(message.IsOffloaded);
        Assert.Equal(1200, message.OriginalBodyBytes);
        Assert.Equal("1200", message.Attributes[MessageAttributeNames.ExtendedPayloadSize].StringValue);
    }

    [Fact]
    public async Task Always_offload_offloads_a_tiny_body()
    {
        OutgoingMessage message = await Offloader(new MessageOffloadOptions { AlwaysOffload = true }).PrepareAsync("{}", null, CancellationToken.None);

        Assert.True(message.IsOffloaded);
        Assert.Equal("{}"u8.ToArray(), _store.Objects[message.Pointer!.Key]);
    }

    [Fact]
    public async Task Offloaded_message_is_the_Java_pointer_with_size_and_SHA256_attributes()
    {
        string body = LargeBody();
        Dictionary<string, OutgoingAttributeValue> attributes = Attributes(2);

        OutgoingMessage message = await Offloader().PrepareAsync(body, attributes, CancellationToken.None);

        string key = Assert.Single(_store.Objects).Key;
        Assert.Equal(
            $"[\"software.amazon.payloadoffloading.PayloadS3Pointer\",{{\"s3BucketName\":\"{MemoryPayloadStore.BucketName}\",\"s3Key\":\"{key}\"}}]",
            message.Body);
        Assert.Equal(["A0", "A1", "ExtendedPayloadSize", "PayloadGenSha256"], message.Attributes.Keys.Order(StringComparer.Ordinal));
        Assert.Same(attributes["A0"], message.Attributes["A0"]);
        OutgoingAttributeValue size = message.Attributes["ExtendedPayloadSize"];
        Assert.Equal(("Number", Encoding.UTF8.GetByteCount(body).ToString(System.Globalization.CultureInfo.InvariantCulture)), (size.DataType, size.StringValue));
        OutgoingAttributeValue sha = message.Attributes["PayloadGenSha256"];
        Assert.Equal(("String", Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(body))).ToLowerInvariant()), (sha.DataType, sha.StringValue));
        Assert.Equal(["ExtendedPayloadSize", "PayloadGenSha256"], message.AddedAttributes.Keys.Order(StringComparer.Ordinal));
        Assert.Equal(ClaimCheckMessageOffloader.MeasureBytes(message.Body, message.Attributes), message.SizeBytes);
        Assert.Equal(2, attributes.Count); // the caller's dictionary is left alone
    }

    [Fact]
    public async Task Legacy_size_attribute_replaces_the_current_one_when_asked()
    {
        OutgoingMessage message = await Offloader(new MessageOffloadOptions { ThresholdBytes = Threshold, UseLegacySizeAttribute = true }).PrepareAsync(LargeBody(), null, CancellationToken.None);

        Assert.Equal(["PayloadGenSha256", "SQSLargePayloadSize"], message.Attributes.Keys.Order(StringComparer.Ordinal));
        Assert.Equal("Number", message.Attributes["SQSLargePayloadSize"].DataType);
    }

    [Fact]
    public async Task Nine_caller_attributes_leave_room_for_the_size_flag_only()
    {
        OutgoingMessage message = await Offloader().PrepareAsync(LargeBody(), Attributes(9), CancellationToken.None);

        Assert.Equal(10, message.Attributes.Count);
        Assert.Contains(MessageAttributeNames.ExtendedPayloadSize, message.Attributes.Keys);
        Assert.DoesNotContain(MessageAttributeNames.PayloadSha256, message.Attributes.Keys);
    }

    [Fact]
    public async Task Eight_caller_attributes_leave_room_for_both()
    {
        OutgoingMessage message = await Offloader().PrepareAsync(LargeBody(), Attributes(8), CancellationToken.None);

        Assert.Equal(10, message.Attributes.Count);
        Assert.Contains(MessageAttributeNames.PayloadSha256, message.Attributes.Keys);
    }

    [Fact]
    public async Task Ten_caller_attributes_on_a_large_body_are_refused_before_anything_is_stored()
    {
        var error = await Assert.ThrowsAsync<TooManyMessageAttributesException>(() => Offloader().PrepareAsync(LargeBody(), Attributes(10), CancellationToken.None));

        Assert.Equal(10, error.AttributeCount);
        Assert.Contains("at most 10", error.Message, StringComparison.Ordinal);
        Assert.Empty(_store.Objects);
    }

    [Fact]
    public async Task Ten_caller_attributes_on_a_small_body_are_fine()
    {
        OutgoingMessage message = await Offloader().PrepareAsync("small", Attributes(10), CancellationToken.None);

        Assert.False(message.IsOffloaded);
        Assert.Equal(10, message.Attributes.Count);
    }

    [Theory]
    [InlineData("ExtendedPayloadSize")]
    [InlineData("SQSLargePayloadSize")]
    [InlineData("PayloadGenSha256")]
    public async Task Caller_attributes_may_not_use_the_reserved_names(string name)
    {
        var attributes = new Dictionary<string, OutgoingAttributeValue> { [name] = OutgoingAttributeValue.FromNumber(5) };

        var error = await Assert.ThrowsAsync<ArgumentException>(() => Offloader().PrepareAsync("small", attributes, CancellationToken.None));

        Assert.Contains(name, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Attributes_that_alone_exceed_the_threshold_are_refused_before_anything_is_stored()
    {
        var attributes = new Dictionary<string, OutgoingAttributeValue> { ["Big"] = OutgoingAttributeValue.FromString(new string('a', Threshold)) };

        await Assert.ThrowsAsync<ArgumentException>(() => Offloader().PrepareAsync("x", attributes, CancellationToken.None));

        Assert.Empty(_store.Objects);
    }

    [Fact]
    public async Task PayloadGen_pointer_format_carries_size_and_hash_itself_and_adds_no_attributes()
    {
        string body = LargeBody();

        OutgoingMessage message = await Offloader(new MessageOffloadOptions { ThresholdBytes = Threshold, PointerFormat = PointerFormat.PayloadGen })
            .PrepareAsync(body, Attributes(10), CancellationToken.None);

        Assert.Empty(message.AddedAttributes);
        Assert.True(PayloadPointerReader.TryRead(Encoding.UTF8.GetBytes(message.Body), allowBareShape: false, out PayloadPointer? pointer));
        Assert.Equal(PointerFormat.PayloadGen, pointer!.Format);
        Assert.Equal(Encoding.UTF8.GetByteCount(body), pointer.Size);
        Assert.Equal(Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(body))).ToLowerInvariant(), pointer.Sha256);
    }

    [Fact]
    public async Task Typed_message_is_serialized_once_and_inline_when_small()
    {
        Report report = TestPayloads.Report(100);
        var offloader = Offloader(new MessageOffloadOptions { ThresholdBytes = 1_000_000 });

        OutgoingMessage message = await offloader.PrepareAsync(report, TestPayloads.ReportType, null, CancellationToken.None);

        Assert.False(message.IsOffloaded);
        Assert.Equal(TestPayloads.Utf8(report), Encoding.UTF8.GetBytes(message.Body));
    }

    [Fact]
    public async Task Typed_message_over_the_threshold_is_stored_as_its_exact_JSON_and_reads_back_verified()
    {
        Report report = TestPayloads.Report(200_000);
        byte[] json = TestPayloads.Utf8(report);

        OutgoingMessage message = await Offloader().PrepareAsync(report, TestPayloads.ReportType, null, CancellationToken.None);

        Assert.Equal(json, _store.Objects[message.Pointer!.Key]);

        // What a PayloadGen consumer does with a Java-format message: the pointer names the object, the attributes
        // carry the size and hash that make the read verifiable end to end.
        Assert.True(PayloadPointerReader.TryRead(Encoding.UTF8.GetBytes(message.Body), allowBareShape: false, out PayloadPointer? pointer));
        PayloadPointer verifiable = pointer! with
        {
            Size = long.Parse(message.Attributes[MessageAttributeNames.ExtendedPayloadSize].StringValue!, System.Globalization.CultureInfo.InvariantCulture),
            Sha256 = message.Attributes[MessageAttributeNames.PayloadSha256].StringValue,
        };
        Report? read = await _runtime.ReadAsync(verifiable, TestPayloads.ReportType, CancellationToken.None);
        Assert.Equal(json, TestPayloads.Utf8(read!));
    }

    [Fact]
    public async Task Changed_stored_body_fails_verification_with_the_hash_attribute()
    {
        string body = LargeBody();
        OutgoingMessage message = await Offloader().PrepareAsync(body, null, CancellationToken.None);
        string key = message.Pointer!.Key;
        _store.Objects[key] = Encoding.UTF8.GetBytes(body.Replace('x', 'y'));

        PayloadPointer verifiable = new PayloadPointer(MemoryPayloadStore.BucketName, key)
        {
            Size = message.OriginalBodyBytes,
            Sha256 = message.Attributes[MessageAttributeNames.PayloadSha256].StringValue,
        };

        await Assert.ThrowsAsync<PayloadIntegrityException>(async () => await _runtime.ReadAsync(verifiable, ClaimCheckJson.GetTypeInfo<JsonElement>(), CancellationToken.None));
    }

    [Fact]
    public void Unusable_options_are_refused()
    {
        Assert.Throws<ArgumentException>(() => Offloader(new MessageOffloadOptions { ThresholdBytes = 0 }));
        Assert.Throws<ArgumentException>(() => Offloader(new MessageOffloadOptions { PointerFormat = PointerFormat.Bare }));
    }

    [Theory]
    [InlineData("Integer")]
    [InlineData("String.")]
    [InlineData("string")]
    public void Attribute_data_types_SQS_does_not_know_are_refused(string dataType)
        => Assert.Throws<ArgumentException>(() => OutgoingAttributeValue.Create(dataType, "1", null));

    private ClaimCheckMessageOffloader Offloader(MessageOffloadOptions? options = null)
        => new(_runtime, options ?? new MessageOffloadOptions { ThresholdBytes = Threshold });

    private static string LargeBody() => "{\"text\":\"" + new string('x', 5000) + "\"}";

    private static Dictionary<string, OutgoingAttributeValue> Attributes(int count)
        => Enumerable.Range(0, count).ToDictionary(i => $"A{i}", i => OutgoingAttributeValue.FromString($"v{i}"));
}

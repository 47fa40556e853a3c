using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Threading;
using System.Threading.Tasks;
using Xunit;

namespace PayloadGen.Tests.Adversarial;

/// <summary>
/// An extended-client pointer has no room for size or hash: the message attributes beside it
/// (<c>ExtendedPayloadSize</c>, PayloadGen's <c>PayloadGenSha256</c>) are all the integrity it has. Each one the sender
/// sent is held to the object on its own — a size without a hash, a hash without a size — and a malformed one is
/// refused, never ignored.
/// </summary>
public sealed class ExtendedClientAttributeTests : IDisposable
{
    private const string Key = AttackerHarness.Prefix + "java.json";
    private static readonly byte[] Payload = "\"the real payload\""u8.ToArray();
    private static readonly string Extended = PayloadPointerWriter.ToJson(new PayloadPointer(AttackerHarness.Bucket, Key), PointerFormat.ExtendedClient);

    private readonly AttackerHarness _h = new();

    public ExtendedClientAttributeTests() => _h.Plant(Key, Payload);

    public void Dispose() => _h.Dispose();

    [Theory]
    [InlineData(0)]
    [InlineData(17)] // one byte short: a truncated object
    [InlineData(19)] // one byte over: an object that grew
    [InlineData(6_291_456)]
    public async Task An_ExtendedPayloadSize_that_is_not_the_objects_length_fails_integrity_before_download_without_a_hash(long announced)
    {
        var error = await Assert.ThrowsAsync<PayloadIntegrityException>(() => HydrateAsync(size: announced, sha256: null));

        Assert.Contains($"the store holds {Payload.Length:N0} bytes where the pointer announced {announced:N0}", error.Message, StringComparison.Ordinal);
        Assert.Equal(1, _h.Store.Opens);
    }

    [Fact]
    public async Task An_ExtendedPayloadSize_equal_to_the_objects_length_reads_it()
    {
        Assert.Equal("the real payload", await HydrateAsync(size: Payload.Length, sha256: null));
    }

    [Fact]
    public async Task A_PayloadGenSha256_without_an_ExtendedPayloadSize_still_verifies_the_object()
    {
        Assert.Equal("the real payload", await HydrateAsync(size: null, sha256: Sha256Hex.Of(Payload)));

        var error = await Assert.ThrowsAsync<PayloadIntegrityException>(() => HydrateAsync(size: null, sha256: Sha256Hex.Of("\"the fake payload\""u8)));
        Assert.Contains("SHA-256 differs", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("")]
    [InlineData("not-a-hash")]
    [InlineData("0b17fc916c3c9a059eca93ab1504d499b142b580a4fe3d04f4c4d310a23cab3")] // 63 digits
    [InlineData("0b17fc916c3c9a059eca93ab1504d499b142b580a4fe3d04f4c4d310a23cab3cc")] // 65 digits
    [InlineData("zb17fc916c3c9a059eca93ab1504d499b142b580a4fe3d04f4c4d310a23cab3c")]
    public async Task A_PayloadGenSha256_that_is_not_a_digest_is_malformed_not_ignored(string sha256)
    {
        var error = await Assert.ThrowsAsync<MalformedPointerException>(() => HydrateAsync(size: Payload.Length, sha256: sha256));

        Assert.Contains("PayloadGenSha256 attribute beside an extended-client or bare pointer must be 64 hexadecimal digits", error.Message, StringComparison.Ordinal);
        Assert.Equal(0, _h.Store.Opens);
    }

    [Fact]
    public async Task A_bare_pointer_is_held_to_the_attributes_beside_it_like_an_extended_client_one()
    {
        string bare = $"{{\"bucket\":\"{AttackerHarness.Bucket}\",\"key\":\"{Key}\"}}";

        Assert.Equal("the real payload", await HydrateAsync(Payload.Length, Sha256Hex.Of(Payload), bare));
        await Assert.ThrowsAsync<PayloadIntegrityException>(() => HydrateAsync(size: 3, sha256: null, bare));
        await Assert.ThrowsAsync<PayloadIntegrityException>(() => HydrateAsync(size: null, sha256: Sha256Hex.Of("\"the fake payload\""u8), bare));
    }

    [Fact]
    public async Task In_a_batch_the_record_whose_Java_size_lies_fails_alone_and_its_object_is_kept()
    {
        string other = _h.Plant(AttackerHarness.Prefix + "other.json", "\"other\""u8.ToArray());
        var records = new JsonArray
        {
            Record("honest", Extended, Payload.Length),
            Record("understated", PayloadPointerWriter.ToJson(new PayloadPointer(AttackerHarness.Bucket, AttackerHarness.Prefix + "other.json"), PointerFormat.ExtendedClient), 3),
            Record("inline", "\"inline\"", null),
        };
        var handled = new List<string?>();

        await using Stream response = await _h.Runtime.ProcessSqsBatchAsync<string>(
            EventOf(records),
            AttackerHarness.StringType,
            false,
            (value, _, _) =>
            {
                handled.Add(value);
                return ValueTask.CompletedTask;
            },
            new ClaimCheckBatchOptions { DeletePayloadAfterProcessing = true },
            CancellationToken.None);

        Assert.Equal(["understated"], await FailedAsync(response));
        Assert.Equal(["the real payload", "inline"], handled);
        Assert.True(File.Exists(other), "a failed record's object is kept");
    }

    private async Task<string?> HydrateAsync(long? size, string? sha256, string? barePointer = null)
    {
        var request = new HydrationRequest(Encoding.UTF8.GetBytes(barePointer ?? Extended), AllowBarePointer: barePointer is not null) { AnnouncedSize = size, AnnouncedSha256 = sha256 };
        return (await _h.Runtime.HydrateAsync(request, AttackerHarness.StringType, CancellationToken.None)).Value;
    }

    private static JsonObject Record(string id, string body, long? announcedSize)
    {
        var attributes = new JsonObject();
        if (announcedSize is long size)
        {
            attributes["ExtendedPayloadSize"] = new JsonObject { ["stringValue"] = size.ToString(CultureInfo.InvariantCulture), ["dataType"] = "Number" };
        }

        return new JsonObject { ["messageId"] = id, ["body"] = body, ["messageAttributes"] = attributes, ["eventSourceARN"] = "arn:aws:sqs:us-east-1:123456789012:orders" };
    }

    private static MemoryStream EventOf(JsonArray records) => new(Encoding.UTF8.GetBytes(new JsonObject { ["Records"] = records }.ToJsonString()));

    private static async Task<string[]> FailedAsync(Stream response)
    {
        using JsonDocument result = await JsonDocument.ParseAsync(response);
        return result.RootElement.GetProperty("batchItemFailures").EnumerateArray().Select(e => e.GetProperty("itemIdentifier").GetString()!).ToArray();
    }
}

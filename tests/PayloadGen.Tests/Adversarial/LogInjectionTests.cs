using System;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using Xunit;

namespace PayloadGen.Tests.Adversarial;

/// <summary>
/// Exception messages end up in logs. A bucket or key the sender picked must not forge log lines (newlines),
/// drive a terminal (ANSI escapes), reorder text (bidi controls) or flood the log (length).
/// </summary>
public sealed class LogInjectionTests : IDisposable
{
    private const string Prefix = AttackerHarness.Prefix;
    private const string Injection = "\n2026-11-27 INFO admin logged in\r\u001b[2J\u001b[31m\u0085\u2028\u2029\u202e\u200b\u0000\t'\\";

    private static readonly byte[] Payload = "\"payload\""u8.ToArray();

    private readonly AttackerHarness _h = new();

    public void Dispose() => _h.Dispose();

    public static TheoryData<string> HostileNames => new()
    {
        Injection,
        "payloadgen/" + Injection,
        "payloadgen/" + new string('x', 5000),
        "payloadgen/" + string.Concat(Enumerable.Repeat("\u001b[1m", 500)),
        "payloadgen/\ud800lone-surrogate",
    };

    [Theory]
    [MemberData(nameof(HostileNames))]
    public async Task A_hostile_bucket_is_rendered_safely_when_refused(string bucket)
    {
        string json = AttackerHarness.PointerJson(bucket, Prefix + "a.json", 1, Sha256Hex.Of(Payload));
        var error = await Assert.ThrowsAsync<PayloadBucketNotAllowedException>(() => HydrateAsync(json));
        AssertSafe(error);
        Assert.Equal(bucket, error.Bucket); // the raw value stays available to code
    }

    [Theory]
    [MemberData(nameof(HostileNames))]
    public async Task A_hostile_key_is_rendered_safely_when_refused(string key)
    {
        string json = AttackerHarness.PointerJson(AttackerHarness.Bucket, key, 1, Sha256Hex.Of(Payload));
        Exception? error = await Record.ExceptionAsync(() => HydrateAsync(json));
        Assert.True(error is PayloadKeyNotAllowedException or PayloadNotFoundException or PayloadStoreException, $"{error}");
        AssertSafe(error!);
    }

    /// <summary>Keys with line separators and bidi controls are legal S3 keys: they get past the policy, so the store's errors must render them too.</summary>
    [Theory]
    [InlineData("payloadgen/a\u2028FAKE LINE.json")]
    [InlineData("payloadgen/\u202egnp.exe")]
    [InlineData("payloadgen/it's here.json")]
    public async Task Keys_that_pass_the_policy_are_rendered_safely_by_every_later_error(string key)
    {
        string sha = Sha256Hex.Of(Payload);

        // Not found.
        var missing = await Assert.ThrowsAsync<PayloadNotFoundException>(() => HydrateAsync(AttackerHarness.PointerJson(AttackerHarness.Bucket, key, Payload.Length, sha)));
        AssertSafe(missing);
        Assert.Equal(key, missing.Key);

        // Loggers write ex.ToString(), inner exceptions included: the file system's message quotes the raw path.
        Assert.DoesNotContain(missing.ToString(), c => c is '\u2028' or '\u202e');

        // Integrity: the stored object differs from the pointer.
        _h.Plant(key, "\"PAYLOAD\""u8.ToArray());
        AssertSafe(await Assert.ThrowsAsync<PayloadIntegrityException>(() => HydrateAsync(AttackerHarness.PointerJson(AttackerHarness.Bucket, key, Payload.Length, sha))));
        AssertSafe(await Assert.ThrowsAsync<PayloadIntegrityException>(() => HydrateAsync(AttackerHarness.PointerJson(AttackerHarness.Bucket, key, Payload.Length + 1, sha))));

        // Too large, from the pointer and from the store.
        using var small = new AttackerHarness(maxPayloadBytes: 4);
        small.Plant(key, Payload);
        AssertSafe(await Assert.ThrowsAsync<PayloadTooLargeException>(() => small.HydrateAsync(AttackerHarness.PointerJson(AttackerHarness.Bucket, key, Payload.Length, sha)).AsTask()));
        string extended = PayloadPointerWriter.ToJson(new PayloadPointer(AttackerHarness.Bucket, key), PointerFormat.ExtendedClient);
        AssertSafe(await Assert.ThrowsAsync<PayloadTooLargeException>(() => small.HydrateAsync(extended).AsTask()));
        AssertSafe(await Assert.ThrowsAsync<PayloadTooLargeException>(() => small.Runtime.HydrateAsync(new HydrationRequest(Encoding.UTF8.GetBytes(extended), false) { AnnouncedSize = 1000 }, AttackerHarness.StringType, CancellationToken.None).AsTask()));

        // Stored bytes that are not JSON for the type.
        byte[] notJson = "{\"not\":\"a string\"}"u8.ToArray();
        _h.Plant(key, notJson);
        AssertSafe(await Assert.ThrowsAsync<PayloadJsonException>(() => HydrateAsync(AttackerHarness.PointerJson(AttackerHarness.Bucket, key, notJson.Length, Sha256Hex.Of(notJson)))));
    }

    [Fact]
    public async Task A_hostile_marker_version_is_rendered_safely()
    {
        string json = $"{{\"$payloadgen\":{System.Text.Json.JsonSerializer.Serialize("s3-pointer/2" + Injection + new string('v', 3000))},\"bucket\":\"local\",\"key\":\"payloadgen/a.json\",\"size\":1,\"sha256\":\"{Sha256Hex.Of(Payload)}\"}}";
        AssertSafe(await Assert.ThrowsAsync<MalformedPointerException>(() => HydrateAsync(json)));
    }

    [Theory]
    [InlineData("{\"\\n2026-11-27 INFO admin logged in\\u001b[31m\\u2028\": \"not a number\"}")]
    [InlineData("{\"ok\": {\"\\r\\nFAKE\": [1, 2, \"x\"]}}")]
    public async Task Property_names_from_the_payload_are_rendered_safely_in_the_json_error_path(string json)
    {
        var error = await Assert.ThrowsAsync<PayloadJsonException>(() => _h.Runtime.HydrateAsync(
            Encoding.UTF8.GetBytes(json), ClaimCheckJson.GetTypeInfo<System.Collections.Generic.Dictionary<string, System.Collections.Generic.Dictionary<string, int>>>(), false, CancellationToken.None).AsTask());
        AssertSafe(error);
        var inline = await Assert.ThrowsAsync<PayloadJsonException>(() => _h.Runtime.HydrateAsync(
            Encoding.UTF8.GetBytes(json), ClaimCheckJson.GetTypeInfo<System.Collections.Generic.Dictionary<string, int>>(), false, CancellationToken.None).AsTask());
        AssertSafe(inline);
    }

    [Fact]
    public void The_renderer_escapes_every_unsafe_character_caps_the_length_and_leaves_plain_names_alone()
    {
        Assert.Equal("payloadgen/2026/11/27/abc.json", UntrustedName.Render("payloadgen/2026/11/27/abc.json"));
        Assert.Equal("日本/😀/é", UntrustedName.Render("日本/😀/é"));
        Assert.Equal("a\\nb\\r\\u001B[31m\\u2028\\u202E\\'\\\\", UntrustedName.Render("a\nb\r\u001b[31m\u2028\u202e'\\"));
        Assert.Equal("x\\uD800y", UntrustedName.Render("x\ud800y"));
        string capped = UntrustedName.Render(new string('k', 10_000));
        Assert.StartsWith(new string('k', UntrustedName.MaxLength), capped, StringComparison.Ordinal);
        Assert.EndsWith("…(+9744 chars)", capped, StringComparison.Ordinal);
        Assert.Equal("(null)", UntrustedName.Render(null));
        // A surrogate pair is never split by the cap.
        string pairs = UntrustedName.Render(string.Concat(Enumerable.Repeat("😀", 1000)));
        Assert.DoesNotContain("\\uD83D", pairs, StringComparison.Ordinal);
    }

    private Task<string?> HydrateAsync(string json) => _h.HydrateAsync(json).AsTask();

    private static void AssertSafe(Exception error)
    {
        string message = error.Message;
        foreach (char c in message)
        {
            UnicodeCategory category = char.GetUnicodeCategory(c);
            Assert.False(
                category is UnicodeCategory.Control or UnicodeCategory.Format or UnicodeCategory.LineSeparator or UnicodeCategory.ParagraphSeparator,
                $"{error.GetType().Name} message holds U+{(int)c:X4}: {message.Replace("\u001b", "<ESC>", StringComparison.Ordinal)}");
        }

        Assert.False(message.Any(char.IsSurrogate) && !IsWellFormed(message), "message holds a lone surrogate");
        Assert.True(message.Length < 2 * UntrustedName.MaxLength + 600, $"{error.GetType().Name} message is {message.Length} characters long");
    }

    private static bool IsWellFormed(string text)
    {
        for (int i = 0; i < text.Length; i++)
        {
            if (char.IsHighSurrogate(text[i]) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                i++;
            }
            else if (char.IsSurrogate(text[i]))
            {
                return false;
            }
        }

        return true;
    }
}

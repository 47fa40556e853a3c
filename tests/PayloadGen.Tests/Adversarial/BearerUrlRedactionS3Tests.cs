using System;
using System.Buffers;
using System.Collections.Generic;
using System.IO;
using System.Text;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using Amazon.S3;
using PayloadGen.Tests.Infrastructure;
using Xunit;

namespace PayloadGen.Tests.Adversarial;

/// <summary>
/// A presigned URL is a bearer token. It goes to the client in full (the pointer's <c>url</c>, the 303's
/// <c>Location</c>, the upload slot's JSON), but the records that carry it print it without its query — the signature
/// and the signer's access key — because <c>ToString()</c> is what an observer that logs its events, or a handler that
/// logs what it got, writes to CloudWatch. The same records escape sender-controlled names and never print a body.
/// </summary>
[Collection(S3rverTests.Name)]
public sealed class BearerUrlRedactionS3Tests : IDisposable
{
    private static readonly string[] SignatureParts = ["X-Amz-Signature", "X-Amz-Credential", "S3RVER"];

    private readonly AmazonS3Client _client;
    private readonly List<ClaimCheckEvent> _events = new();
    private readonly ClaimCheckRuntime _runtime;

    public BearerUrlRedactionS3Tests(S3rverFixture s3)
    {
        _client = s3.CreateClient();
        _runtime = ClaimCheckRuntime.Create(
            new ClaimCheckOptions
            {
                Bucket = S3rverFixture.Bucket,
                S3ChunkedEncoding = false,
                InlineThresholdBytes = 16,
                PresignedUrlLifetime = TimeSpan.FromMinutes(5),
                Observer = new EventLog(_events),
            },
            _client);
    }

    public void Dispose() => _client.Dispose();

    [Fact]
    public async Task An_offloaded_responses_pointer_carries_the_whole_URL_but_its_event_prints_none_of_the_signature()
    {
        await using Stream response = await _runtime.DehydrateAsync("a response longer than the threshold", ClaimCheckJson.GetTypeInfo<string>(), PayloadSource.Direct, 0, CancellationToken.None);
        using JsonDocument wire = await JsonDocument.ParseAsync(response);
        string url = wire.RootElement.GetProperty("url").GetString()!;
        string key = wire.RootElement.GetProperty("key").GetString()!;

        Assert.Contains("X-Amz-Signature=", url, StringComparison.Ordinal);
        string logged = Assert.Single(_events).ToString();
        AssertRedacted(logged);
        Assert.Contains(key + RedactedUrl.WithheldQuery, logged, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_offloaded_http_body_prints_its_location_without_the_signature()
    {
        OffloadedHttpBody offloaded = await _runtime.OffloadHttpBodyAsync(
            new ReadOnlySequence<byte>("<html>a large page</html>"u8.ToArray()), new HttpContentHeaders("text/html"), PayloadSource.ApiGatewayHttp, null, CancellationToken.None);

        Assert.Contains("X-Amz-Signature=", offloaded.Location.Query, StringComparison.Ordinal);
        AssertRedacted(offloaded.ToString());
        AssertRedacted(offloaded.Pointer.ToString());
    }

    [Fact]
    public async Task An_upload_slot_prints_without_its_signature_while_its_JSON_for_the_client_keeps_it()
    {
        UploadSlot slot = await _runtime.CreateUploadSlotAsync("text/csv", null, CancellationToken.None);

        Assert.Contains("X-Amz-Signature=", slot.ToJson(), StringComparison.Ordinal);
        AssertRedacted(slot.ToString());
        Assert.Contains(slot.Key, slot.ToString(), StringComparison.Ordinal);
        AssertRedacted(new PresignedUpload(slot.Url.AbsoluteUri, slot.Headers).ToString());
    }

    [Fact]
    public void A_pointer_prints_sender_controlled_names_escaped_and_a_hydrated_body_prints_only_its_length()
    {
        var pointer = new PayloadPointer("payloads", "payloadgen/forged\nPayloadGen: all good\u202e.json") { Size = 12, Sha256 = new string('a', 64), ContentType = "text/plain\r\nX: y" };
        string printed = pointer.ToString();

        Assert.DoesNotContain('\n', printed);
        Assert.DoesNotContain('\r', printed);
        Assert.DoesNotContain('\u202e', printed);
        Assert.Contains("forged\\nPayloadGen: all good\\u202E.json", printed, StringComparison.Ordinal);

        Assert.Equal("https://payloads.s3.amazonaws.com/payloadgen/a.json", RedactedUrl.Render("https://payloads.s3.amazonaws.com/payloadgen/a.json"));
        Assert.Equal("https://h/k" + RedactedUrl.WithheldQuery, RedactedUrl.Render("https://h/k#X-Amz-Signature=abc"));
        Assert.Equal(RedactedUrl.WithheldQuery, RedactedUrl.Render("?X-Amz-Signature=abc"));
        Assert.Null(RedactedUrl.Render((string?)null));

        var body = new HttpRequestBody("card=4111111111111111", false, pointer);
        Assert.DoesNotContain("4111", body.ToString(), StringComparison.Ordinal);
        Assert.Contains("21 characters withheld", body.ToString(), StringComparison.Ordinal);
    }

    private static void AssertRedacted(string printed)
    {
        foreach (string part in SignatureParts)
        {
            Assert.DoesNotContain(part, printed, StringComparison.Ordinal);
        }

        Assert.Contains(RedactedUrl.WithheldQuery, printed, StringComparison.Ordinal);
    }

    private sealed class EventLog(List<ClaimCheckEvent> events) : IClaimCheckObserver
    {
        public void OnPayload(ClaimCheckEvent payloadEvent) => events.Add(payloadEvent);
    }
}

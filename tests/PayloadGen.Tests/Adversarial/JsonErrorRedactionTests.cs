using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;
using System.Threading;
using System.Threading.Tasks;
using Xunit;

namespace PayloadGen.Tests.Adversarial;

[JsonPolymorphic(TypeDiscriminatorPropertyName = "kind")]
[JsonDerivedType(typeof(CircleShape), "circle")]
public abstract class Shape
{
}

public sealed class CircleShape : Shape
{
    public double Radius { get; set; }
}

public sealed class Profile
{
    public string? Name { get; set; }

    public Dictionary<string, int>? Tags { get; set; }

    public List<Profile>? Friends { get; set; }

    [JsonPropertyName("display name")]
    public string? DisplayName { get; set; }
}

/// <summary>
/// Lambda's runtime logs an unhandled exception with <see cref="Exception.ToString"/>, inner exceptions included.
/// A JSON error's path quotes dictionary keys (data the sender chose: e-mail addresses, card numbers, forged log
/// lines), and System.Text.Json's messages quote the payload's text. None of it may reach <c>ToString()</c>, on the
/// direct path or the queue paths.
/// </summary>
public sealed class JsonErrorRedactionTests : IDisposable
{
    private const string Forged = "x\n[ERROR] forged";

    private static readonly JsonTypeInfo<Profile> ProfileType = ClaimCheckJson.GetTypeInfo<Profile>();

    private readonly AttackerHarness _h = new();

    public void Dispose() => _h.Dispose();

    [Fact]
    public async Task A_key_that_fails_to_deserialize_reaches_neither_the_message_nor_the_inner_exception()
    {
        string json = """{"Tags":{"x\n[ERROR] forged":"notanumber"}}""";

        var error = await Assert.ThrowsAsync<PayloadJsonException>(() => HydrateAsync(json, ProfileType));

        AssertNothingOfTheSenderIn(error, "forged", "notanumber");
        Assert.Equal("$.Tags[<key>]", error.Path);
        Assert.Equal(
            "The inline payload is not valid JSON for PayloadGen.Tests.Adversarial.Profile at $.Tags[<key>] (line 1, byte 42): the JSON value could not be converted to System.Int32.",
            error.Message);
        var inner = Assert.IsAssignableFrom<JsonException>(error.InnerException);
        Assert.Equal("$.Tags[<key>]", inner.Path);
        Assert.Equal(0, inner.LineNumber);
        Assert.Equal(41, inner.BytePositionInLine);
        Assert.Null(inner.InnerException);
        // The stack trace of the failure inside System.Text.Json is kept: frames name methods, never data.
        Assert.Contains("System.Text.Json", inner.StackTrace, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_key_that_is_data_is_a_placeholder_while_declared_names_and_indices_stay()
    {
        string json = """{"Friends":[{"Name":"a"},{"Tags":{"alice@example.com":"x"}}]}""";

        var error = await Assert.ThrowsAsync<PayloadJsonException>(() => HydrateAsync(json, ProfileType));

        AssertNothingOfTheSenderIn(error, "alice", "example.com");
        Assert.Equal("$.Friends[1].Tags[<key>]", error.Path);
    }

    [Theory]
    [InlineData("""{"tAgS":{"k":"v"}}""", "$.Tags[<key>]")]                      // read case-insensitively, shown as declared
    [InlineData("""{"display name":5}""", "$['display name']")]                  // a declared name that needs brackets
    [InlineData("""{"Tags":{"a.b']['Name":"v"}}""", "$.Tags[<key>]")]            // a key made to look like a path
    [InlineData("""{"Name":5}""", "$.Name")]
    public async Task Paths_are_walked_along_the_type_not_along_the_punctuation(string json, string expected)
    {
        var error = await Assert.ThrowsAsync<PayloadJsonException>(() => HydrateAsync(json, ProfileType));

        Assert.Equal(expected, error.Path);
        Assert.Equal(expected, ((JsonException)error.InnerException!).Path);
    }

    [Fact]
    public async Task A_property_the_type_does_not_declare_is_withheld()
    {
        var strict = new JsonSerializerOptions(ClaimCheckJson.LambdaDefaultOptions) { UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow };
        var type = (JsonTypeInfo<Profile>)strict.GetTypeInfo(typeof(Profile));

        var error = await Assert.ThrowsAsync<PayloadJsonException>(() => HydrateAsync("""{"secret\n[ERROR] forged":1}""", type));

        AssertNothingOfTheSenderIn(error, "secret", "forged");
        Assert.Equal("$[<…>]", error.Path);
    }

    [Theory]
    [InlineData("""{"Name": tru\u2028[ERROR] forged}""")]       // "'tru…' is an invalid JSON literal" quotes the text
    [InlineData("""{"Name":"a"} forged""")]                      // "'f' is invalid after a value"
    public async Task Malformed_JSON_is_described_without_quoting_its_text(string json)
    {
        var error = await Assert.ThrowsAsync<PayloadJsonException>(() => HydrateAsync(json, ProfileType));

        AssertNothingOfTheSenderIn(error, "tru", "forged", "'f'");
        Assert.EndsWith("the text is not well-formed JSON.", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_abstract_item_without_its_discriminator_is_a_redacted_JSON_error_not_a_raw_NotSupportedException()
    {
        // System.Text.Json throws NotSupportedException here, its message ending in the raw path with the key.
        JsonTypeInfo<Dictionary<string, Shape>> shapes = ClaimCheckJson.GetTypeInfo<Dictionary<string, Shape>>();
        byte[] json = Encoding.UTF8.GetBytes("""{"alice@example.com":{"Radius":1}}""");
        string key = AttackerHarness.Prefix + "shapes.json";
        _h.Plant(key, json);

        var inline = await Assert.ThrowsAsync<PayloadJsonException>(() => _h.Runtime.HydrateAsync(json, shapes, false, CancellationToken.None).AsTask());
        var stored = await Assert.ThrowsAsync<PayloadJsonException>(
            () => _h.Runtime.HydrateAsync(Encoding.UTF8.GetBytes(AttackerHarness.PointerJson(AttackerHarness.Bucket, key, json.Length, Sha256Hex.Of(json))), shapes, false, CancellationToken.None).AsTask());

        foreach (PayloadJsonException error in new[] { inline, stored })
        {
            AssertNothingOfTheSenderIn(error, "alice", "example.com");
            Assert.Contains("needs its type discriminator", error.Message, StringComparison.Ordinal);
            Assert.IsAssignableFrom<JsonException>(error.InnerException);
        }
    }

    [Fact]
    public async Task An_abstract_item_of_a_streamed_request_without_its_discriminator_is_a_redacted_JSON_error()
    {
        JsonTypeInfo<Shape> shape = ClaimCheckJson.GetTypeInfo<Shape>();
        await using HydratedSequence<Shape> items = await _h.Runtime.HydrateSequenceAsync(
            Utf8("""[{"kind":"circle","Radius":1},{"alice@example.com":2}]"""), shape, allowBarePointer: false, allowNullItems: false, CancellationToken.None);

        // System.Text.Json reads a whole buffer of items before it yields the first, so the failure may come first.
        var error = await Assert.ThrowsAsync<PayloadJsonException>(async () =>
        {
            await foreach (Shape? item in items)
            {
                Assert.IsType<CircleShape>(item);
            }
        });

        AssertNothingOfTheSenderIn(error, "alice", "example.com");
        Assert.Contains("needs its type discriminator", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_stored_object_that_fails_at_a_key_is_redacted_like_an_inline_one()
    {
        byte[] stored = Encoding.UTF8.GetBytes("""{"Tags":{"x\n[ERROR] forged":"notanumber"}}""");
        string key = AttackerHarness.Prefix + "profile.json";
        _h.Plant(key, stored);

        var error = await Assert.ThrowsAsync<PayloadJsonException>(() => HydrateAsync(AttackerHarness.PointerJson(AttackerHarness.Bucket, key, stored.Length, Sha256Hex.Of(stored)), ProfileType));

        AssertNothingOfTheSenderIn(error, "forged", "notanumber");
        Assert.Equal("$.Tags[<key>]", error.Path);
    }

    [Fact]
    public async Task A_failed_SQS_record_reaches_the_log_redacted()
    {
        List<Exception> failures = [];
        ClaimCheckRuntime runtime = Observed(failures);
        string body = JsonSerializer.Serialize("""{"Tags":{"x\n[ERROR] forged":"notanumber"}}""");
        string sqsEvent = $$$"""{"Records":[{"messageId":"m-1","receiptHandle":"h","body":{{{body}}},"attributes":{},"messageAttributes":{},"eventSource":"aws:sqs","eventSourceARN":"arn:aws:sqs:us-east-1:123456789012:q","awsRegion":"us-east-1"}]}""";

        await using Stream response = await runtime.ProcessSqsBatchAsync(Utf8(sqsEvent), ProfileType, false, (_, _, _) => ValueTask.CompletedTask, null, CancellationToken.None);

        Assert.Contains("\"itemIdentifier\":\"m-1\"", new StreamReader(response).ReadToEnd(), StringComparison.Ordinal);
        AssertNothingOfTheSenderIn(Assert.Single(failures), "forged", "notanumber");
    }

    [Fact]
    public async Task A_failed_SNS_record_fails_the_invocation_with_a_redacted_exception()
    {
        string message = JsonSerializer.Serialize("""{"Tags":{"x\n[ERROR] forged":"notanumber"}}""");
        string snsEvent = """{"Records":[{"EventSource":"aws:sns","Sns":{"Type":"Notification","MessageId":"m-1\n[ERROR] forged id","TopicArn":"arn:aws:sns:us-east-1:123456789012:t","Message":"""
            + message + ""","MessageAttributes":{}}}]}""";
        ClaimCheckRuntime runtime = Observed([]);

        var error = await Assert.ThrowsAsync<ClaimCheckBatchException>(async () =>
            await runtime.ProcessSnsEventAsync(Utf8(snsEvent), ProfileType, false, (_, _, _) => ValueTask.CompletedTask, null, CancellationToken.None));

        // The id is escaped onto the exception's line, not hidden: it names the record.
        AssertNothingOfTheSenderIn(error, "notanumber");
        Assert.Contains("m-1\\n[ERROR] forged id", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_record_that_fails_to_parse_at_a_sender_chosen_name_fails_alone_and_is_logged_redacted()
    {
        List<Exception> failures = [];
        ClaimCheckRuntime runtime = Observed(failures);
        string sqsEvent = """{"Records":[{"messageId":"m-1","body":"{}","messageAttributes":{"x\n[ERROR] forged":{"stringValue":5}}}]}""";

        await using Stream response = await runtime.ProcessSqsBatchAsync(Utf8(sqsEvent), ProfileType, false, (_, _, _) => ValueTask.CompletedTask, null, CancellationToken.None);

        Assert.Contains("\"itemIdentifier\":\"m-1\"", new StreamReader(response).ReadToEnd(), StringComparison.Ordinal);
        AssertNothingOfTheSenderIn(Assert.IsType<ClaimCheckEventException>(Assert.Single(failures)), "forged");
    }

    [Fact]
    public async Task An_event_that_is_not_an_event_at_all_is_redacted()
    {
        string notAnEvent = """{"Records":{"x\n[ERROR] forged":1}}""";

        var error = await Assert.ThrowsAsync<ClaimCheckEventException>(async () =>
            await _h.Runtime.ProcessSqsBatchAsync(Utf8(notAnEvent), ProfileType, false, (_, _, _) => ValueTask.CompletedTask, null, CancellationToken.None));

        AssertNothingOfTheSenderIn(error, "forged");
        Assert.Contains("at $.Records", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_handlers_exception_is_escaped_in_the_line_PayloadGen_writes_about_it()
    {
        string snsEvent = """{"Records":[{"EventSource":"aws:sns","Sns":{"Type":"Notification","MessageId":"m-1","TopicArn":"arn:aws:sns:us-east-1:123456789012:t","Message":"{}","MessageAttributes":{}}}]}""";

        var error = await Assert.ThrowsAsync<ClaimCheckBatchException>(async () =>
            await Observed([]).ProcessSnsEventAsync(Utf8(snsEvent), ProfileType, false, (_, _, _) => throw new InvalidOperationException("order x\n[ERROR] forged"), null, CancellationToken.None));

        // The handler's own exception rides along as it is (it is the user's); PayloadGen's line quotes it escaped.
        Assert.DoesNotContain('\n', error.Message);
        Assert.EndsWith("First error: InvalidOperationException: order x\\n[ERROR] forged", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_malformed_pointer_does_not_carry_the_readers_quote_of_the_payload()
    {
        string json = "{\"$payloadgen\":\"s3-pointer/1\",\"bucket\":tru\n[ERROR] forged}";

        var error = Assert.Throws<MalformedPointerException>(() => PayloadPointerReader.TryRead(Encoding.UTF8.GetBytes(json), false, out _));

        AssertNothingOfTheSenderIn(error, "forged", "tru");
    }

    [Fact]
    public async Task Without_type_metadata_every_name_is_withheld()
    {
        Exception stored = new MalformedPointerException("m", await CaptureJsonErrorAsync("""{"Tags":{"alice@example.com":"x"}}"""));

        var inner = Assert.IsAssignableFrom<JsonException>(stored.InnerException);
        Assert.Equal("$[<…>]", inner.Path);
        AssertNothingOfTheSenderIn(stored, "alice");
    }

    [Fact]
    public void A_path_crafted_to_make_the_walk_backtrack_is_rendered_quickly()
    {
        // Nested dictionaries under a key full of separators: every '.' is a possible end of the key.
        var nested = ClaimCheckJson.GetTypeInfo<Dictionary<string, Dictionary<string, Dictionary<string, int>>>>();
        string path = "$." + string.Concat(Enumerable.Repeat("a.", 2000)) + "z";

        var started = System.Diagnostics.Stopwatch.StartNew();
        (string? rendered, _) = JsonErrorPath.Render(path, nested);

        Assert.True(started.Elapsed < TimeSpan.FromSeconds(2), $"took {started.Elapsed}");
        Assert.Equal("$[<key>][<key>][<key>]", rendered);
    }

    private static async Task<JsonException> CaptureJsonErrorAsync(string json)
    {
        try
        {
            await JsonSerializer.DeserializeAsync(Utf8(json), ProfileType);
        }
        catch (JsonException ex)
        {
            return ex;
        }

        throw new InvalidOperationException("The JSON deserialized.");
    }

    private ClaimCheckRuntime Observed(List<Exception> failures)
        => new(new ClaimCheckOptions { Observer = new FailureCollector(failures) }, _h.Store);

    private Task<Profile?> HydrateAsync(string json, JsonTypeInfo<Profile> type)
        => _h.Runtime.HydrateAsync(Encoding.UTF8.GetBytes(json), type, false, CancellationToken.None).AsTask();

    private static MemoryStream Utf8(string json) => new(Encoding.UTF8.GetBytes(json));

    /// <summary>What a logger prints (ToString, inner exceptions included) holds none of the sender's text and no forged line.</summary>
    private static void AssertNothingOfTheSenderIn(Exception error, params string[] senderText)
    {
        string logged = error.ToString();
        foreach (string text in senderText)
        {
            Assert.DoesNotContain(text, logged, StringComparison.Ordinal);
        }

        foreach (string line in logged.Split('\n'))
        {
            string trimmed = line.TrimEnd('\r').TrimStart();
            Assert.True(
                line.Length == 0 || line == logged.Split('\n')[0] || trimmed.StartsWith("at ", StringComparison.Ordinal) || trimmed.StartsWith("---", StringComparison.Ordinal),
                $"A line of ToString() is neither the exception, a frame nor a separator: '{line}' in:\n{logged}");
            Assert.DoesNotContain(line, c => char.GetUnicodeCategory(c) is UnicodeCategory.Control or UnicodeCategory.Format or UnicodeCategory.LineSeparator or UnicodeCategory.ParagraphSeparator && c != '\r');
        }

        Assert.DoesNotContain(Forged, logged, StringComparison.Ordinal);
    }

    private sealed class FailureCollector(List<Exception> failures) : IClaimCheckObserver
    {
        public void OnPayload(ClaimCheckEvent payloadEvent)
        {
        }

        public void OnRecordFailed(QueueMessageContext message, Exception exception)
        {
            Assert.DoesNotContain('\n', message.ToString());
            failures.Add(exception);
        }
    }
}

using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Threading;
using System.Threading.Tasks;
using Xunit;

namespace PayloadGen.Tests.Adversarial;

/// <summary>Invariant 6 under attack: a forged record fails alone, is reported, and its object is never deleted.</summary>
public sealed class BatchAttackTests : IDisposable
{
    private const string Prefix = AttackerHarness.Prefix;
    private readonly AttackerHarness _h = new();

    public void Dispose() => _h.Dispose();

    [Fact]
    public async Task Lying_attributes_and_forged_pointers_fail_their_own_record_and_keep_every_object()
    {
        byte[] good = "\"good\""u8.ToArray();
        byte[] other = "\"someone else's payload\""u8.ToArray();
        string goodFile = _h.Plant(Prefix + "good.json", good);
        string otherFile = _h.Plant(Prefix + "other.json", other);
        string extendedOther = PayloadPointerWriter.ToJson(new PayloadPointer(AttackerHarness.Bucket, Prefix + "other.json"), PointerFormat.ExtendedClient);
        string extendedGood = PayloadPointerWriter.ToJson(new PayloadPointer(AttackerHarness.Bucket, Prefix + "good.json"), PointerFormat.ExtendedClient);

        var records = new JsonArray
        {
            Record("ok", extendedGood, ("ExtendedPayloadSize", "Number", good.Length.ToString(System.Globalization.CultureInfo.InvariantCulture)), ("PayloadGenSha256", "String", Sha256Hex.Of(good))),
            // Understated size with the true hash: refused by the integrity check, the object stays.
            Record("lying-size", extendedOther, ("ExtendedPayloadSize", "Number", "3"), ("PayloadGenSha256", "String", Sha256Hex.Of(other))),
            // A hash attribute that does not match: refused, the object stays.
            Record("lying-hash", extendedOther, ("ExtendedPayloadSize", "Number", other.Length.ToString(System.Globalization.CultureInfo.InvariantCulture)), ("PayloadGenSha256", "String", Sha256Hex.Of(good))),
            // Duplicate fields: malformed.
            Record("duplicate", $"{{\"$payloadgen\":\"s3-pointer/1\",\"bucket\":\"evil\",\"bucket\":\"local\",\"key\":\"{Prefix}other.json\",\"size\":{other.Length},\"sha256\":\"{Sha256Hex.Of(other)}\"}}"),
            // Flagged, but the body is inline data.
            Record("flagged-inline", "\"not a pointer\"", ("ExtendedPayloadSize", "Number", "15")),
        };
        var sqsEvent = new JsonObject { ["Records"] = records };

        var handled = new List<string?>();
        await using Stream response = await _h.Runtime.ProcessSqsBatchAsync<string>(
            new MemoryStream(Encoding.UTF8.GetBytes(sqsEvent.ToJsonString())),
            AttackerHarness.StringType,
            false,
            (value, _, _) =>
            {
                handled.Add(value);
                return ValueTask.CompletedTask;
            },
            new ClaimCheckBatchOptions { DeletePayloadAfterProcessing = true },
            CancellationToken.None);

        using JsonDocument result = await JsonDocument.ParseAsync(response);
        string[] failed = result.RootElement.GetProperty("batchItemFailures").EnumerateArray().Select(e => e.GetProperty("itemIdentifier").GetString()!).ToArray();
        Assert.Equal(["lying-size", "lying-hash", "duplicate", "flagged-inline"], failed);
        Assert.Equal(["good"], handled);
        Assert.False(File.Exists(goodFile), "the processed record's object is deleted");
        Assert.True(File.Exists(otherFile), "no failed record deletes an object");
    }

    private static JsonObject Record(string id, string body, params (string Name, string Type, string Value)[] attributes)
    {
        var messageAttributes = new JsonObject();
        foreach ((string name, string type, string value) in attributes)
        {
            messageAttributes[name] = new JsonObject { ["stringValue"] = value, ["dataType"] = type };
        }

        return new JsonObject
        {
            ["messageId"] = id,
            ["body"] = body,
            ["messageAttributes"] = messageAttributes,
            ["eventSourceARN"] = "arn:aws:sqs:us-east-1:123456789012:orders",
        };
    }
}

using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization.Metadata;
using System.Threading;
using System.Threading.Tasks;
using PayloadGen.Tests.Infrastructure;
using Xunit;

namespace PayloadGen.Tests.Adversarial;

/// <summary>
/// FIFO order under attack: however the first message of a group fails — a forged pointer, a lying size, a record
/// that cannot be read at all — the later messages of its group are reported failed unprocessed (so the group is
/// redelivered in order), and other groups are not held back.
/// </summary>
public sealed class FifoOrderAttackTests : IDisposable
{
    private static readonly JsonTypeInfo<JsonElement> s_any = ClaimCheckJson.GetTypeInfo<JsonElement>();

    private readonly AttackerHarness _h = new();

    public FifoOrderAttackTests() => _h.Plant(AttackerHarness.Prefix + "a1.json", """{"Id":"a1","Lines":[]}"""u8.ToArray());

    public void Dispose() => _h.Dispose();

    public static TheoryData<string> Failures => new() { "unreadable record", "forged bucket", "lying size" };

    [Theory]
    [MemberData(nameof(Failures))]
    public async Task The_first_failed_message_of_a_group_holds_back_the_rest_of_that_group_only(string failure)
    {
        JsonObject batch = EventFixtures.Json("sqs-fifo.json");
        JsonArray records = batch["Records"]!.AsArray();
        JsonObject first = records[0]!.AsObject();
        switch (failure)
        {
            case "unreadable record":
                first["messageAttributes"] = 5; // not a record as Lambda delivers it: read on its own, by id and group
                break;
            case "forged bucket":
                first["body"] = AttackerHarness.PointerJson("someone-elses", AttackerHarness.Prefix + "a1.json", 22, new string('a', 64));
                break;
            default:
                first["body"] = PayloadPointerWriter.ToJson(new PayloadPointer(AttackerHarness.Bucket, AttackerHarness.Prefix + "a1.json"), PointerFormat.ExtendedClient);
                first["messageAttributes"] = new JsonObject { ["ExtendedPayloadSize"] = new JsonObject { ["stringValue"] = "3", ["dataType"] = "Number" } };
                break;
        }

        JsonObject otherGroup = records[1]!.DeepClone().AsObject();
        otherGroup["messageId"] = "other-group";
        otherGroup["body"] = """{"Id":"b1","Lines":[]}""";
        otherGroup["attributes"]!["MessageGroupId"] = "customer-b";
        records.Add(otherGroup);
        var handled = new List<string>();

        await using Stream response = await _h.Runtime.ProcessSqsBatchAsync(
            EventFixtures.Stream(batch),
            s_any,
            false,
            (order, _, _) =>
            {
                handled.Add(order.GetProperty("Id").GetString()!);
                return ValueTask.CompletedTask;
            },
            new ClaimCheckBatchOptions { MaxConcurrency = 2 },
            CancellationToken.None);

        using JsonDocument result = await JsonDocument.ParseAsync(response);
        Assert.Equal(
            ["11111111-aaaa-4bbb-8ccc-000000000001", "11111111-aaaa-4bbb-8ccc-000000000002"],
            result.RootElement.GetProperty("batchItemFailures").EnumerateArray().Select(e => e.GetProperty("itemIdentifier").GetString()!));
        Assert.Equal(["b1"], handled);
    }
}

using System;
using System.Collections.Generic;
using System.Linq;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using PayloadGen.Tests.Infrastructure;
using Xunit;

namespace PayloadGen.Tests.Queues;

/// <summary>
/// The SQS events the tests build (tests/Shared/SqsEvents.cs, also used by the generator's compile-and-run tests) have
/// the fields of the records Lambda delivers (sqs-standard.json), in the same order, so a parser that works on them
/// works on Lambda's.
/// </summary>
public sealed class SqsEventsShapeTests
{
    private static readonly JsonArray s_fixture = EventFixtures.Json("sqs-standard.json")["Records"]!.AsArray();

    [Fact]
    public void Built_records_have_the_fields_of_the_fixture_records_in_their_order()
    {
        JsonArray built = Built();

        for (int i = 0; i < s_fixture.Count; i++)
        {
            Assert.Equal(Names(s_fixture[i]!), Names(built[i]!));
            Assert.Equal(Names(s_fixture[i]!["attributes"]!), Names(built[i]!["attributes"]!));
            Assert.Equal(Names(s_fixture[i]!["messageAttributes"]!), Names(built[i]!["messageAttributes"]!));
        }

        Assert.Equal(Names(s_fixture[1]!["messageAttributes"]!["ExtendedPayloadSize"]!), Names(built[1]!["messageAttributes"]!["ExtendedPayloadSize"]!));
        Assert.Equal(s_fixture[1]!["messageAttributes"]!.ToJsonString(), built[1]!["messageAttributes"]!.ToJsonString());
    }

    [Fact]
    public void Built_records_carry_the_bodys_MD5_as_SQS_computes_it()
    {
        JsonArray built = Built();

        for (int i = 0; i < s_fixture.Count; i++)
        {
            string body = built[i]!["body"]!.GetValue<string>();
            Assert.Equal(s_fixture[i]!["body"]!.GetValue<string>(), body);
#pragma warning disable CA5351 // SQS's body checksum is MD5.
            Assert.Equal(Convert.ToHexString(MD5.HashData(Encoding.UTF8.GetBytes(body))).ToLowerInvariant(), built[i]!["md5OfBody"]!.GetValue<string>());
#pragma warning restore CA5351
        }
    }

    /// <summary>The fixture's two records rebuilt: an inline body, and an extended-client pointer flagged by its size.</summary>
    private static JsonArray Built()
    {
        JsonNode first = s_fixture[0]!;
        JsonNode second = s_fixture[1]!;
        string json = SqsEvents.Json(
        [
            new SqsEventRecord(first["messageId"]!.GetValue<string>(), first["body"]!.GetValue<string>()),
            new SqsEventRecord(second["messageId"]!.GetValue<string>(), second["body"]!.GetValue<string>())
            {
                Attributes = new Dictionary<string, SqsAttribute> { ["ExtendedPayloadSize"] = new("Number", "2411520") },
            },
        ]);
        return JsonNode.Parse(json)!["Records"]!.AsArray();
    }

    private static string[] Names(JsonNode node) => node.AsObject().Select(property => property.Key).ToArray();
}

using System;
using System.Collections.Generic;
using System.IO;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization.Metadata;
using System.Threading;
using System.Threading.Tasks;
using Xunit;

namespace PayloadGen.Tests.Adversarial;

/// <summary>
/// A pointer is followed once, at the top of the invocation payload or message body. What the stored object holds is
/// the payload, even when it is itself a pointer (an array of pointers, a pointer to a pointer): handed to the handler
/// as data, never followed again — one store read per payload, so a chain cannot multiply reads, reach an object the
/// first pointer's checks never saw, or loop.
/// </summary>
public sealed class NestedPointerTests : IDisposable
{
    private static readonly JsonTypeInfo<JsonElement> s_any = ClaimCheckJson.GetTypeInfo<JsonElement>();
    private static readonly byte[] Inner = "\"the inner payload\""u8.ToArray();

    private readonly AttackerHarness _h = new();
    private readonly string _innerPointer;

    public NestedPointerTests()
    {
        _h.Plant(AttackerHarness.Prefix + "inner.json", Inner);
        _innerPointer = AttackerHarness.PointerJson(AttackerHarness.Bucket, AttackerHarness.Prefix + "inner.json", Inner.Length, Sha256Hex.Of(Inner));
    }

    public void Dispose() => _h.Dispose();

    [Fact]
    public async Task A_stored_object_that_is_a_pointer_is_the_payload_not_a_second_hop()
    {
        byte[] outer = Plant("outer.json", _innerPointer);

        JsonElement value = await _h.Runtime.HydrateAsync(outer, s_any, false, CancellationToken.None);

        Assert.Equal(_innerPointer, value.GetRawText());
        Assert.Equal(1, _h.Store.Opens);
    }

    [Fact]
    public async Task A_pointer_to_itself_is_read_once()
    {
        string key = AttackerHarness.Prefix + "self.json";
        // A pointer cannot hash itself, so the self-reference is an extended-client pointer, which carries no hash.
        string self = PayloadPointerWriter.ToJson(new PayloadPointer(AttackerHarness.Bucket, key), PointerFormat.ExtendedClient);
        _h.Plant(key, Encoding.UTF8.GetBytes(self));

        JsonElement value = await _h.Runtime.HydrateAsync(Encoding.UTF8.GetBytes(self), s_any, false, CancellationToken.None);

        Assert.Equal(self, value.GetRawText());
        Assert.Equal(1, _h.Store.Opens);
    }

    [Fact]
    public async Task A_stored_array_of_pointers_is_an_enumerable_of_data()
    {
        byte[] outer = Plant("array.json", $"[{_innerPointer},{_innerPointer}]");
        var items = new List<string>();

        await using (HydratedSequence<JsonElement> request = await _h.Runtime.HydrateSequenceAsync(new MemoryStream(outer), s_any, allowBarePointer: true, CancellationToken.None))
        {
            await foreach (JsonElement item in request)
            {
                items.Add(item.GetRawText());
            }
        }

        Assert.Equal([_innerPointer, _innerPointer], items);
        Assert.Equal(1, _h.Store.Opens);
    }

    [Fact]
    public async Task A_queue_message_whose_object_is_a_pointer_hands_the_pointer_to_the_handler_as_data()
    {
        Plant("message.json", _innerPointer);
        string body = PayloadPointerWriter.ToJson(new PayloadPointer(AttackerHarness.Bucket, AttackerHarness.Prefix + "message.json"), PointerFormat.ExtendedClient);
        var sqsEvent = new JsonObject { ["Records"] = new JsonArray(new JsonObject { ["messageId"] = "m1", ["body"] = body }) };
        var handled = new List<string>();

        await using Stream response = await _h.Runtime.ProcessSqsBatchAsync(
            new MemoryStream(Encoding.UTF8.GetBytes(sqsEvent.ToJsonString())),
            s_any,
            false,
            (value, _, _) =>
            {
                handled.Add(value.GetRawText());
                return ValueTask.CompletedTask;
            },
            null,
            CancellationToken.None);

        Assert.Equal("{\"batchItemFailures\":[]}", await new StreamReader(response).ReadToEndAsync());
        Assert.Equal([_innerPointer], handled);
        Assert.Equal(1, _h.Store.Opens);
    }

    /// <summary>Plants <paramref name="content"/> and returns a PayloadGen pointer to it.</summary>
    private byte[] Plant(string name, string content)
    {
        byte[] bytes = Encoding.UTF8.GetBytes(content);
        _h.Plant(AttackerHarness.Prefix + name, bytes);
        return Encoding.UTF8.GetBytes(AttackerHarness.PointerJson(AttackerHarness.Bucket, AttackerHarness.Prefix + name, bytes.Length, Sha256Hex.Of(bytes)));
    }
}

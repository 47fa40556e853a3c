using System;
using System.Buffers;
using System.Collections.Generic;
using System.IO;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;
using System.Threading;
using System.Threading.Tasks;
using PayloadGen.Tests.Infrastructure;
using Xunit;

namespace PayloadGen.Tests.Json;

/// <summary>
/// The serializer reuses one JSON writer per thread: whatever ran on the thread before, every payload must come out
/// exactly as System.Text.Json writes it to a stream with the same options.
/// </summary>
public sealed class PooledJsonSerializerTests
{
    private static readonly Dictionary<string, object?> s_value = new()
    {
        ["text"] = "<tag> & \"quotes\" é 中",
        ["rows"] = new[] { 1, 2, 3 },
        ["nested"] = new Dictionary<string, object?> { ["empty"] = null },
    };

    [Fact]
    public void Each_options_writer_settings_apply_whatever_was_serialized_before_on_the_thread()
    {
        JsonSerializerOptions[] options =
        [
            Options(new JsonSerializerOptions { WriteIndented = true }),
            Options(new JsonSerializerOptions()),
            Options(new JsonSerializerOptions { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping }),
#if NET9_0_OR_GREATER
            Options(new JsonSerializerOptions { WriteIndented = true, IndentCharacter = '\t', IndentSize = 1, NewLine = "\n" }),
#endif
        ];

        // Every order of switching between them, twice over.
        foreach (int first in new[] { 0, 1, 2, options.Length - 1, 1, 0 })
        {
            foreach (JsonSerializerOptions next in new[] { options[first], options[(first + 1) % options.Length] })
            {
                Assert.Equal(StreamBytes(next), Serialized(next));
            }
        }
    }

    [Fact]
    public void A_serialization_that_throws_half_way_does_not_spoil_the_next_one()
    {
        JsonSerializerOptions options = Options(new JsonSerializerOptions { Converters = { new ThrowingAfterStartConverter() } });
        Assert.Equal(StreamBytes(options), Serialized(options));

        Assert.Throws<InvalidOperationException>(() => PooledJsonSerializer.Serialize(new Exploding(), TypeInfo<Exploding>(options)));

        Assert.Equal(StreamBytes(options), Serialized(options));
    }

    [Fact]
    public void A_payload_stopped_at_the_cap_does_not_spoil_the_next_one()
    {
        JsonSerializerOptions options = Options(new JsonSerializerOptions());
        Report large = TestPayloads.Report(200_000);

        Assert.Null(PooledJsonSerializer.TrySerializeWithin(large, TypeInfo<Report>(options), maxBytes: 1_000));

        using PooledByteBuffer small = PooledJsonSerializer.TrySerializeWithin(s_value, TypeInfo<Dictionary<string, object?>>(options), maxBytes: 1_000)!;
        Assert.Equal(StreamBytes(options), small.WrittenSequence.ToArray());
    }

    [Fact]
    public void A_converter_that_serializes_another_payload_meanwhile_gets_a_writer_of_its_own()
    {
        JsonSerializerOptions options = Options(new JsonSerializerOptions { Converters = { new NestedPayloadConverter() } });
        var outer = new Dictionary<string, Nested> { ["a"] = new Nested(), ["b"] = new Nested() };

        using PooledByteBuffer buffer = PooledJsonSerializer.Serialize(outer, TypeInfo<Dictionary<string, Nested>>(options));

        string inner = JsonSerializer.Serialize(s_value, options);
        Assert.Equal(JsonSerializer.SerializeToUtf8Bytes(new Dictionary<string, string> { ["a"] = inner, ["b"] = inner }, options), buffer.WrittenSequence.ToArray());
    }

    [Fact]
    public async Task A_small_inline_response_costs_no_managed_memory_beyond_the_serializers_own_but_its_stream()
    {
        using var directory = new TemporaryDirectory();
        var runtime = new ClaimCheckRuntime(new ClaimCheckOptions(), new FilePayloadStore(directory.Path));
        Report report = TestPayloads.Report(0);
        report.Rows.Add(new ReportRow { Number = 1, Text = new string('x', 1_000) });
        int expectedLength = TestPayloads.Utf8(report).Length;
        var reused = new ArrayBufferWriter<byte>(64 * 1024);
        using var writer = new Utf8JsonWriter(reused);
        long serializerOwn = long.MaxValue;
        long dehydration = long.MaxValue;

        // The least of a few rounds: the first builds the type's metadata and the thread's writer.
        for (int round = 0; round < 5; round++)
        {
            long before = GC.GetAllocatedBytesForCurrentThread();
            reused.ResetWrittenCount();
            writer.Reset(reused);
            JsonSerializer.Serialize(writer, report, TestPayloads.ReportType);
            serializerOwn = Math.Min(serializerOwn, GC.GetAllocatedBytesForCurrentThread() - before);

            before = GC.GetAllocatedBytesForCurrentThread();
            ValueTask<Stream> pending = runtime.DehydrateAsync(report, TestPayloads.ReportType, PayloadSource.Direct, 0, CancellationToken.None);
            // Completed on the spot: no async state machine either.
            Assert.True(pending.IsCompletedSuccessfully);
            long length;
            using (Stream inline = await pending)
            {
                length = inline.Length;
            }

            dehydration = Math.Min(dehydration, GC.GetAllocatedBytesForCurrentThread() - before);
            Assert.Equal(expectedLength, length);
        }

        // No part buffers, upload state or writer per response: the response stream and the buffer object (160 bytes
        // on .NET 10). Serializing into a MemoryStream instead allocates the stream and an array larger than the JSON.
        Assert.InRange(dehydration - serializerOwn, 0, 256);
    }

    private static JsonSerializerOptions Options(JsonSerializerOptions options)
    {
        options.TypeInfoResolver = new DefaultJsonTypeInfoResolver();
        options.MakeReadOnly();
        return options;
    }

    private static JsonTypeInfo<T> TypeInfo<T>(JsonSerializerOptions options) => (JsonTypeInfo<T>)options.GetTypeInfo(typeof(T));

    private static byte[] Serialized(JsonSerializerOptions options)
    {
        using PooledByteBuffer buffer = PooledJsonSerializer.Serialize(s_value, TypeInfo<Dictionary<string, object?>>(options));
        return buffer.WrittenSequence.ToArray();
    }

    private static byte[] StreamBytes(JsonSerializerOptions options)
    {
        using var stream = new MemoryStream();
        JsonSerializer.Serialize(stream, s_value, options);
        return stream.ToArray();
    }

    private sealed class Exploding;

    private sealed class ThrowingAfterStartConverter : JsonConverter<Exploding>
    {
        public override Exploding Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) => throw new NotSupportedException();

        public override void Write(Utf8JsonWriter writer, Exploding value, JsonSerializerOptions options)
        {
            writer.WriteStartObject();
            writer.WriteStartArray("half");
            throw new InvalidOperationException("half-way");
        }
    }

    private sealed class Nested;

    /// <summary>Writes each value as the JSON of another payload, serialized by PooledJsonSerializer while the outer one is.</summary>
    private sealed class NestedPayloadConverter : JsonConverter<Nested>
    {
        public override Nested Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) => throw new NotSupportedException();

        public override void Write(Utf8JsonWriter writer, Nested value, JsonSerializerOptions options)
        {
            using PooledByteBuffer inner = PooledJsonSerializer.Serialize(s_value, TypeInfo<Dictionary<string, object?>>(options));
            writer.WriteStringValue(System.Text.Encoding.UTF8.GetString(inner.WrittenSequence.ToArray()));
        }
    }
}

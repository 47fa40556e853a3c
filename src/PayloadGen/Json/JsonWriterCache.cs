using System;
using System.Buffers;
using System.Text.Json;

namespace PayloadGen;

/// <summary>
/// One <see cref="Utf8JsonWriter"/> per thread, reset onto each payload's buffer, as System.Text.Json keeps its own:
/// building a writer allocates it and copies the options, a measurable share of serializing a 1 KB response.
/// </summary>
/// <remarks>
/// A writer is taken out of the cache while it is used, so a serialization that starts another on the same thread (a
/// converter that dehydrates) gets a writer of its own; one that throws is dropped rather than reused half-written.
/// </remarks>
internal static class JsonWriterCache
{
    /// <summary>What a cached writer points at between payloads, so it keeps no payload's memory alive.</summary>
    private static readonly ArrayBufferWriter<byte> s_detached = new(1);

    [ThreadStatic]
    private static Utf8JsonWriter? t_writer;

    /// <summary>The options <see cref="t_writer"/> was built from: a writer's settings are fixed when it is created.</summary>
    [ThreadStatic]
    private static JsonSerializerOptions? t_options;

    /// <summary>A writer onto <paramref name="output"/> with the writer settings <paramref name="options"/> ask for.</summary>
    public static Utf8JsonWriter Rent(JsonSerializerOptions options, IBufferWriter<byte> output)
    {
        Utf8JsonWriter? writer = t_writer;
        if (writer is not null && ReferenceEquals(t_options, options))
        {
            t_writer = null;
            writer.Reset(output);
            return writer;
        }

        return new Utf8JsonWriter(output, WriterOptions(options));
    }

    /// <summary>Keeps <paramref name="writer"/>, which has written a whole payload and been flushed, for the next one.</summary>
    public static void Return(JsonSerializerOptions options, Utf8JsonWriter writer)
    {
        writer.Reset(s_detached);
        t_writer = writer;
        t_options = options;
    }

    /// <summary>
    /// The writer settings of <paramref name="options"/>: a <see cref="Utf8JsonWriter"/> ignores the options' encoder,
    /// indentation and depth unless they are copied onto it, and the bytes must equal what the serializer writes to a stream.
    /// </summary>
    private static JsonWriterOptions WriterOptions(JsonSerializerOptions options) => new()
    {
        Encoder = options.Encoder,
        Indented = options.WriteIndented,
#if NET9_0_OR_GREATER
        IndentCharacter = options.IndentCharacter,
        IndentSize = options.IndentSize,
        NewLine = options.NewLine,
#endif
        MaxDepth = options.MaxDepth,
        SkipValidation = true,
    };
}

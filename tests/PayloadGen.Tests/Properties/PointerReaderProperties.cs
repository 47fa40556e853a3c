using System;
using System.Linq;
using System.Text;
using System.Text.Json;
using CsCheck;
using Xunit;

namespace PayloadGen.Tests.Properties;

/// <summary>
/// The pointer reader sees text the sender controls. Whatever it is given, it answers "inline", "pointer", or
/// <see cref="MalformedPointerException"/>, and it only ever answers "pointer" for a marked pointer or, when the
/// caller allows it, the exact bare shape.
/// </summary>
public sealed class PointerReaderProperties
{
    private static readonly Gen<byte[]> ValidPointerBytes = Gen.Frequency(
        (2, PointerGens.Pointer.Select(p => PayloadPointerWriter.ToUtf8(p, PointerFormat.PayloadGen))),
        (1, PointerGens.Pointer.Select(p => PayloadPointerWriter.ToUtf8(p, PointerFormat.ExtendedClient))),
        (1, PointerGens.BareShape.Select(Encoding.UTF8.GetBytes)),
        (1, PointerGens.Pointer.Select(p => Encoding.UTF8.GetBytes(
            $"[ \"com.amazon.sqs.javamessaging.MessageS3Pointer\" , {{ \"s3BucketName\" : {JsonSerializer.Serialize(p.Bucket)}, \"s3Key\": {JsonSerializer.Serialize(p.Key)} }} ]"))));

    [Fact]
    public void Arbitrary_bytes_only_ever_raise_MalformedPointerException()
        => Prop.Check(
            Gen.Select(Gen.Byte.Array[0, 300], Gen.Bool),
            t => ReadOrMalformed(t.Item1, t.Item2),
            seed: 11,
            iterations: 3000,
            print: t => Convert.ToHexString(t.Item1));

    [Fact]
    public void Bytes_biased_towards_json_punctuation_only_ever_raise_MalformedPointerException()
    {
        byte[] alphabet = Encoding.UTF8.GetBytes("{}[]\":,\\ ntrue01-e.$payloadgen bucket key size sha256 s3BucketName s3Key");
        Prop.Check(
            Gen.Select(Gen.Int[0, alphabet.Length - 1].Array[0, 120], Gen.Bool),
            t => ReadOrMalformed(t.Item1.Select(i => alphabet[i]).ToArray(), t.Item2),
            seed: 12,
            iterations: 3000,
            print: t => Encoding.UTF8.GetString(t.Item1.Select(i => alphabet[i]).ToArray()));
    }

    [Fact]
    public void Mutated_and_truncated_pointers_of_every_format_only_ever_raise_MalformedPointerException()
        => Prop.Check(
            Gen.Select(PointerGens.Mutated(ValidPointerBytes), Gen.Bool),
            t => ReadOrMalformed(t.Item1, t.Item2),
            seed: 13,
            iterations: 3000,
            print: t => PointerGens.Show(t.Item1));

    [Fact]
    public void Every_truncation_of_a_valid_pointer_is_inline_or_malformed_never_a_pointer()
        => Prop.Check(
            ValidPointerBytes,
            bytes =>
            {
                for (int length = 0; length < bytes.Length; length++)
                {
                    if (bytes.AsSpan(length).Trim(" \t\r\n"u8).IsEmpty)
                    {
                        break; // only trailing whitespace is cut: still the whole document
                    }

                    // A strict prefix of a pointer is never a complete JSON document (the last byte closes it).
                    bool isPointer = ReadOrMalformed(bytes.AsSpan(0, length).ToArray(), allowBareShape: true);
                    Assert.False(isPointer, $"prefix of length {length} was read as a pointer");
                }
            },
            seed: 14,
            iterations: 150,
            print: PointerGens.Show);

    [Fact]
    public void Json_without_a_marker_is_a_pointer_only_as_the_exact_bare_shape_when_allowed()
        => Prop.Check(
            Gen.Select(Gen.Frequency((4, PointerGens.JsonValue(3)), (1, PointerGens.BareShape)), Gen.Bool),
            t =>
            {
                (string json, bool allowBare) = t;
                byte[] bytes = Encoding.UTF8.GetBytes(json);
                bool isPointer = ReadOrMalformed(bytes, allowBare, out PayloadPointer? pointer);
                bool bare = IsExactBareShape(json, out string? bucket, out string? key);
                Assert.Equal(allowBare && bare, isPointer);
                if (isPointer)
                {
                    Assert.Equal(PointerFormat.Bare, pointer!.Format);
                    Assert.Equal(bucket, pointer.Bucket);
                    Assert.Equal(key, pointer.Key);
                    Assert.Null(pointer.Size);
                    Assert.Null(pointer.Sha256);
                }
            },
            seed: 15,
            iterations: 4000,
            print: t => $"{t.Item1} (allowBare={t.Item2})");

    [Fact]
    public void Writer_then_reader_round_trips_every_PayloadGen_pointer()
        => Prop.Check(
            Gen.Select(PointerGens.Pointer, Gen.Bool),
            t =>
            {
                (PayloadPointer written, bool allowBare) = t;
                byte[] json = PayloadPointerWriter.ToUtf8(written, PointerFormat.PayloadGen);
                Assert.True(PayloadPointerReader.TryRead(json, allowBare, out PayloadPointer? read));
                Assert.Equal(written with { Format = PointerFormat.PayloadGen }, read);
            },
            seed: 16,
            iterations: 2000,
            print: t => PayloadPointerWriter.ToJson(t.Item1));

    [Fact]
    public void Writer_then_reader_round_trips_every_extended_client_pointer()
        => Prop.Check(
            Gen.Select(PointerGens.Pointer, Gen.Bool),
            t =>
            {
                (PayloadPointer written, bool allowBare) = t;
                byte[] json = PayloadPointerWriter.ToUtf8(written, PointerFormat.ExtendedClient);
                Assert.True(PayloadPointerReader.TryRead(json, allowBare, out PayloadPointer? read));
                Assert.Equal(new PayloadPointer(written.Bucket, written.Key) { Format = PointerFormat.ExtendedClient }, read);
            },
            seed: 17,
            iterations: 2000,
            print: t => PayloadPointerWriter.ToJson(t.Item1, PointerFormat.ExtendedClient));

    [Fact]
    public void Upper_case_sha256_is_read_as_lower_case()
        => Prop.Check(
            PointerGens.Pointer,
            written =>
            {
                byte[] json = PayloadPointerWriter.ToUtf8(written with { Sha256 = written.Sha256!.ToUpperInvariant() });
                Assert.True(PayloadPointerReader.TryRead(json, false, out PayloadPointer? read));
                Assert.Equal(written.Sha256, read!.Sha256);
            },
            seed: 18,
            iterations: 200);

    private static readonly string[] s_fields = ["$payloadgen", "bucket", "key", "size", "sha256", "versionId", "contentType"];

    [Fact]
    public void A_pointer_that_repeats_any_field_is_malformed_whichever_copy_comes_first()
        => Prop.Check(
            Gen.Select(PointerGens.Pointer, Gen.Int[0, s_fields.Length - 1], Gen.Bool, PointerGens.JsonString),
            t =>
            {
                (PayloadPointer written, int field, bool before, string otherValue) = t;
                string json = PayloadPointerWriter.ToJson(written with { VersionId = written.VersionId ?? "v", ContentType = written.ContentType ?? "c" });
                string duplicate = $"\"{s_fields[field]}\":{otherValue}";
                string forged = before ? string.Concat("{", duplicate, ",", json.AsSpan(1)) : string.Concat(json.AsSpan(0, json.Length - 1), ",", duplicate, "}");
                Assert.Throws<MalformedPointerException>(() => PayloadPointerReader.TryRead(Encoding.UTF8.GetBytes(forged), true, out _));
            },
            seed: 19,
            iterations: 700,
            print: t => PayloadPointerWriter.ToJson(t.Item1) + $" + {s_fields[t.Item2]}");

    [Fact]
    public void Anything_but_whitespace_after_a_marked_pointer_makes_it_malformed()
        => Prop.Check(
            Gen.Select(PointerGens.Pointer, Gen.Bool, Gen.Frequency((3, PointerGens.JsonValue(2)), (1, PointerGens.Name))),
            t =>
            {
                (PayloadPointer written, bool extended, string trailing) = t;
                if (trailing.Trim(' ', '\t', '\r', '\n').Length == 0)
                {
                    return;
                }

                byte[] json = [.. PayloadPointerWriter.ToUtf8(written, extended ? PointerFormat.ExtendedClient : PointerFormat.PayloadGen), .. Encoding.UTF8.GetBytes(trailing)];
                Assert.Throws<MalformedPointerException>(() => PayloadPointerReader.TryRead(json, true, out _));
            },
            seed: 20,
            iterations: 700,
            print: t => PayloadPointerWriter.ToJson(t.Item1) + t.Item3);

    internal static bool ReadOrMalformed(byte[] bytes, bool allowBareShape) => ReadOrMalformed(bytes, allowBareShape, out _);

    internal static bool ReadOrMalformed(byte[] bytes, bool allowBareShape, out PayloadPointer? pointer)
    {
        pointer = null;
        try
        {
            bool isPointer = PayloadPointerReader.TryRead(bytes, allowBareShape, out pointer);
            Assert.Equal(isPointer, pointer is not null);
            if (isPointer)
            {
                Assert.False(string.IsNullOrEmpty(pointer!.Bucket));
                Assert.False(string.IsNullOrEmpty(pointer.Key));
                if (pointer.Format == PointerFormat.PayloadGen)
                {
                    Assert.True(pointer.Size >= 0);
                    Assert.Matches("^[0-9a-f]{64}$", pointer.Sha256!);
                }
            }

            return isPointer;
        }
        catch (MalformedPointerException)
        {
            return false;
        }
    }

    /// <summary>The oracle: a top-level object of exactly two distinct properties, "bucket" and "key", both non-empty strings.</summary>
    private static bool IsExactBareShape(string json, out string? bucket, out string? key)
    {
        bucket = null;
        key = null;
        try
        {
            using var document = JsonDocument.Parse(json);
            if (document.RootElement.ValueKind != JsonValueKind.Object)
            {
                return false;
            }

            JsonProperty[] properties = document.RootElement.EnumerateObject().ToArray();
            if (properties.Length != 2 || properties.Any(p => p.Value.ValueKind != JsonValueKind.String))
            {
                return false;
            }

            bucket = properties.SingleOrDefault(p => p.Name == "bucket").Value.ValueKind == JsonValueKind.String
                ? properties.Single(p => p.Name == "bucket").Value.GetString() : null;
            key = properties.SingleOrDefault(p => p.Name == "key").Value.ValueKind == JsonValueKind.String
                ? properties.Single(p => p.Name == "key").Value.GetString() : null;
            return !string.IsNullOrEmpty(bucket) && !string.IsNullOrEmpty(key);
        }
        catch (JsonException)
        {
            return false;
        }
        catch (InvalidOperationException)
        {
            // Duplicate names make SingleOrDefault throw: not the bare shape.
            return false;
        }
    }
}

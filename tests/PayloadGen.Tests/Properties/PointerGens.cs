using System;
using System.Globalization;
using System.Linq;
using System.Text;
using System.Text.Json;
using CsCheck;

namespace PayloadGen.Tests.Properties;

/// <summary>Generators of JSON text, pointers and hostile names shared by the property tests.</summary>
internal static class PointerGens
{
    /// <summary>Characters that stress escaping: quotes, backslashes, controls, unicode, surrogate pairs.</summary>
    private static readonly string[] s_nameParts =
    [
        "a", "Z", "0", "-", "_", ".", "/", "\\", "\"", "'", " ", "\t", "\n", "\r", "\u0000", "\u001b[31m", "%2e", "%2F",
        "é", "ß", "日本", "\u2028", "\u202e", "\uFF0E", "😀", "<script>", "&", "+", "{", "}", "[", "]", ":", ",",
    ];

    private static readonly string[] s_knownNames = ["bucket", "key", "size", "sha256", "versionId", "contentType", "s3BucketName", "s3Key", "url"];

    /// <summary>A non-empty well-formed string (never a lone surrogate) rich in characters JSON must escape.</summary>
    public static readonly Gen<string> Name =
        Gen.Int[0, s_nameParts.Length - 1].Array[1, 12].Select(parts => string.Concat(parts.Select(i => s_nameParts[i])));

    public static readonly Gen<string> Sha256 =
        Gen.Int[0, 15].Array[64].Select(digits => string.Concat(digits.Select(d => "0123456789abcdef"[d])));

    public static readonly Gen<PayloadPointer> Pointer =
        Gen.Select(Gen.Select(Name, Name, Gen.Long[0, long.MaxValue], Sha256), Gen.Select(Gen.Bool, Name, Gen.Bool, Name))
            .Select(t => new PayloadPointer(t.Item1.Item1, t.Item1.Item2)
            {
                Size = t.Item1.Item3,
                Sha256 = t.Item1.Item4,
                VersionId = t.Item2.Item1 ? t.Item2.Item2 : null,
                ContentType = t.Item2.Item3 ? t.Item2.Item4 : null,
            });

    /// <summary>A JSON string literal (escaped as System.Text.Json escapes it).</summary>
    public static readonly Gen<string> JsonString = Name.Select(s => JsonSerializer.Serialize(s));

    private static readonly Gen<string> PropertyName = Gen.Frequency(
        (3, Gen.Int[0, s_knownNames.Length - 1].Select(i => "\"" + s_knownNames[i] + "\"")),
        (1, JsonString));

    private static readonly Gen<string> Scalar = Gen.Frequency(
        (1, Gen.Const("null")),
        (1, Gen.Bool.Select(b => b ? "true" : "false")),
        (2, Gen.Long.Select(l => l.ToString(CultureInfo.InvariantCulture))),
        (1, Gen.Double.Select(d => double.IsFinite(d) ? d.ToString("R", CultureInfo.InvariantCulture) : "1e400")),
        (4, JsonString));

    /// <summary>An arbitrary JSON value with no pointer marker anywhere (no "$payloadgen", no extended-client class).</summary>
    public static Gen<string> JsonValue(int depth)
    {
        if (depth <= 0)
        {
            return Scalar;
        }

        Gen<string> inner = JsonValue(depth - 1);
        Gen<string> obj = Gen.Select(PropertyName, inner).Array[0, 5]
            .Select(pairs => "{" + string.Join(",", pairs.Select(p => p.Item1 + ":" + p.Item2)) + "}");
        Gen<string> arr = inner.Array[0, 4].Select(items => "[" + string.Join(",", items) + "]");
        return Gen.Frequency((3, Scalar), (2, obj), (1, arr));
    }

    /// <summary>The bare shape in either order, with random whitespace.</summary>
    public static readonly Gen<string> BareShape =
        Gen.Select(JsonString, JsonString, Gen.Bool, Gen.Int[0, 3])
            .Select(t =>
            {
                string ws = new(' ', t.Item4);
                return t.Item3
                    ? $"{ws}{{{ws}\"bucket\"{ws}:{ws}{t.Item1},{ws}\"key\":{t.Item2}{ws}}}{ws}"
                    : $"{{\"key\":{t.Item2},\"bucket\":{t.Item1}}}";
            });

    /// <summary>Mutates UTF-8 text: truncation, byte replacement, insertion, deletion, or a duplicated slice.</summary>
    public static Gen<byte[]> Mutated(Gen<byte[]> source)
        => Gen.Select(source, Gen.Int[0, 5], Gen.Int[0, int.MaxValue], Gen.Int[0, int.MaxValue], Gen.Byte)
            .Select(t =>
            {
                (byte[] bytes, int kind, int a, int b, byte value) = t;
                if (bytes.Length == 0)
                {
                    return [value];
                }

                int i = a % bytes.Length;
                int j = b % bytes.Length;
                return kind switch
                {
                    0 => bytes.AsSpan(0, i).ToArray(),
                    1 => Replace(bytes, i, value),
                    2 => [.. bytes.AsSpan(0, i), value, .. bytes.AsSpan(i)],
                    3 => [.. bytes.AsSpan(0, i), .. bytes.AsSpan(i + 1)],
                    4 => [.. bytes.AsSpan(0, Math.Max(i, j)), .. bytes.AsSpan(Math.Min(i, j)), ],
                    _ => Replace(bytes, i, (byte)Punctuation[j % Punctuation.Length]),
                };
            });

    private const string Punctuation = "{}[]\",:\\0 ";

    public static string Show(byte[] bytes) => Encoding.UTF8.GetString(bytes);

    private static byte[] Replace(byte[] bytes, int index, byte value)
    {
        byte[] copy = (byte[])bytes.Clone();
        copy[index] = value;
        return copy;
    }
}

using System;
using System.Buffers;
using System.IO;
using System.Linq;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using System.Threading;
using System.Threading.Tasks;
using CsCheck;
using PayloadGen.Tests.Infrastructure;
using Xunit;

namespace PayloadGen.Tests.Properties;

/// <summary>Keys and buckets a sender picks never reach outside the file store's folder, and payloads round-trip.</summary>
public sealed class FileStoreProperties
{
    private const string Prefix = ClaimCheckOptions.DefaultKeyPrefix;

    private static readonly string[] s_keyParts =
    [
        ".", "..", "...", "/", "//", "\\", "%2e", "%2E%2e", "%2f", "%5c", "\u2024", "\u2025", "\uFF0E", "\u3002", "\uFE52",
        "\u0000", "\n", "\r", "\u001b", "\u0085", "\u2028", " ", "~", ":", "a", "b", "é", "😀", "*", "?", "|", "<", ">",
        new string('x', 300), new string('.', 40),
    ];

    private static readonly Gen<string> HostileKey =
        Gen.Select(Gen.Bool, Gen.Int[0, s_keyParts.Length - 1].Array[1, 10])
            .Select(t => (t.Item1 ? Prefix : string.Empty) + string.Concat(t.Item2.Select(i => s_keyParts[i])));

    private static readonly Gen<string> HostileBucket =
        Gen.Frequency((3, Gen.Const(FilePayloadStore.DefaultBucket)), (1, Gen.Int[0, s_keyParts.Length - 1].Array[1, 3].Select(parts => string.Concat(parts.Select(i => s_keyParts[i])))));

    [Fact]
    public void A_key_the_policy_accepts_resolves_below_the_bucket_and_prefix_folder()
    {
        var policy = new PointerPolicy([FilePayloadStore.DefaultBucket], Prefix, long.MaxValue);
        string root = Path.GetFullPath(Path.Combine(Path.GetTempPath(), "payloadgen-root"));
        Prop.Check(
            HostileKey,
            key =>
            {
                var pointer = new PayloadPointer(FilePayloadStore.DefaultBucket, key);
                try
                {
                    policy.Validate(pointer);
                }
                catch (PayloadKeyNotAllowedException)
                {
                    return;
                }

                string path = Path.GetFullPath(Path.Combine(root, FilePayloadStore.DefaultBucket, key));
                Assert.StartsWith(Path.Combine(root, FilePayloadStore.DefaultBucket, Prefix), path, StringComparison.Ordinal);
            },
            seed: 31,
            iterations: 3000,
            print: Escape);
    }

    [Fact]
    public async Task No_key_or_bucket_writes_or_reads_outside_the_store_folder()
    {
        using var sandbox = new TemporaryDirectory();
        string root = Path.Combine(sandbox.Path, "root");
        string outside = Path.Combine(sandbox.Path, "outside");
        Directory.CreateDirectory(outside);
        await File.WriteAllTextAsync(Path.Combine(outside, "secret.json"), "\"secret\"");
        byte[] content = "\"payload\""u8.ToArray();
        string sha = Sha256Hex.Of(content);

        await Prop.CheckAsync(
            Gen.Select(HostileBucket, HostileKey),
            async t =>
            {
                (string bucket, string key) = t;
                var store = new FilePayloadStore(root, bucket);
                try
                {
                    PayloadPointer written = await store.WriteAsync(new PayloadWrite(key, new ReadOnlySequence<byte>(content), sha), CancellationToken.None);
                    await using StoredPayload stored = await store.OpenReadAsync(written, 1024, CancellationToken.None);
                    var copy = new MemoryStream();
                    await stored.Content.CopyToAsync(copy);
                    Assert.Equal(content, copy.ToArray());
                }
                catch (Exception ex) when (ex is PayloadKeyNotAllowedException or PayloadBucketNotAllowedException)
                {
                    // Refused by name: fine.
                }
                catch (PayloadStoreException ex) when (ex.Operation == "write" && ex.InnerException is IOException)
                {
                    // The file system refused a name it cannot hold (too long, a file where a folder is needed).
                }

                // Reading with a pointer the sender wrote must never see the file outside the root.
                var pointer = new PayloadPointer(bucket, key);
                Exception? error = await Record.ExceptionAsync(async () =>
                {
                    await using StoredPayload stored = await store.OpenReadAsync(pointer, 1024, CancellationToken.None);
                    Assert.NotEqual("\"secret\""u8.ToArray().Length, stored.Length);
                });
                Assert.True(error is null or ClaimCheckException, $"Reading raised {error}");
            },
            seed: 32,
            iterations: 400,
            print: t => $"bucket {Escape(t.Item1)} key {Escape(t.Item2)}");

        string[] escaped = Directory.EnumerateFiles(sandbox.Path, "*", new EnumerationOptions { RecurseSubdirectories = true, AttributesToSkip = 0 })
            .Where(file => !file.StartsWith(root + Path.DirectorySeparatorChar, StringComparison.Ordinal))
            .ToArray();
        Assert.Equal([Path.Combine(outside, "secret.json")], escaped);
        Assert.Equal(["outside", "root"], Directory.EnumerateFileSystemEntries(sandbox.Path).Select(Path.GetFileName).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task Dehydrate_then_hydrate_inlines_at_or_below_the_threshold_stores_above_it_and_keeps_every_byte()
    {
        using var sandbox = new TemporaryDirectory();
        var store = new FilePayloadStore(sandbox.Path);
        JsonTypeInfo<string> type = ClaimCheckJson.GetTypeInfo<string>();

        await Prop.CheckAsync(
            Gen.Select(Gen.Int[3, 70_000], Gen.Int[-1, 1], Gen.Int[0, 3]),
            async t =>
            {
                (int threshold, int delta, int alphabet) = t;
                var runtime = new ClaimCheckRuntime(new ClaimCheckOptions { InlineThresholdBytes = threshold }, store);

                // A JSON string of exactly threshold + delta bytes: the quotes and one or more UTF-8 code points.
                string value = Text(threshold + delta - 2, alphabet, type);
                byte[] serialized = JsonSerializer.SerializeToUtf8Bytes(value, type);
                Assert.Equal(threshold + delta, serialized.Length);

                await using Stream dehydrated = await runtime.DehydrateAsync(value, type, PayloadSource.Direct, 0, CancellationToken.None);
                var wire = new MemoryStream();
                await dehydrated.CopyToAsync(wire);
                byte[] wireBytes = wire.ToArray();
                bool isPointer = PayloadPointerReader.TryRead(wireBytes, false, out PayloadPointer? pointer);
                if (delta <= 0)
                {
                    Assert.False(isPointer);
                    Assert.Equal(serialized, wireBytes);
                }
                else
                {
                    Assert.True(isPointer);
                    Assert.Equal(serialized.Length, pointer!.Size);
                    Assert.Equal(Sha256Hex.Of(serialized), pointer.Sha256);
                    string file = Path.Combine(store.RootDirectory, pointer.Bucket, pointer.Key);
                    Assert.Equal(serialized, await File.ReadAllBytesAsync(file));
                }

                string? hydrated = await runtime.HydrateAsync(new MemoryStream(wireBytes), type, allowBarePointer: true, CancellationToken.None);
                Assert.Equal(value, hydrated);
            },
            seed: 33,
            iterations: 120,
            print: t => $"threshold {t.Item1}, size threshold{t.Item2:+0;-0;+0}, alphabet {t.Item3}");
    }

    /// <summary>A string whose JSON form has exactly <paramref name="bytes"/> bytes between the quotes: some multi-byte or escaped units, then letters.</summary>
    private static string Text(int bytes, int alphabet, JsonTypeInfo<string> type)
    {
        string unit = alphabet switch { 1 => "\u00e9", 2 => "\n", 3 => "😀", _ => "a" };
        int size = JsonSerializer.SerializeToUtf8Bytes(unit, type).Length - 2;
        int units = Math.Min(bytes / size, 50);
        return new StringBuilder().Insert(0, unit, units).Append('a', bytes - (units * size)).ToString();
    }

    private static string Escape(string value)
        => string.Concat(value.Select(c => c < 0x20 || c is '\u0085' or '\u2028' || char.IsSurrogate(c) ? $"\\u{(int)c:X4}" : c.ToString()));
}

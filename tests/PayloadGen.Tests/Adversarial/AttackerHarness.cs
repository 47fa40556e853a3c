using System;
using System.Buffers;
using System.IO;
using System.Text;
using System.Text.Json.Serialization.Metadata;
using System.Threading;
using System.Threading.Tasks;
using PayloadGen.Tests.Infrastructure;

namespace PayloadGen.Tests.Adversarial;

/// <summary>A file store that counts how often it was asked to open an object.</summary>
internal sealed class CountingStore : IPayloadStore
{
    private readonly FilePayloadStore _inner;

    public CountingStore(FilePayloadStore inner) => _inner = inner;

    public int Opens { get; private set; }

    public string Bucket => _inner.Bucket;

    public Task<PayloadPointer> WriteAsync(PayloadWrite write, CancellationToken cancellationToken) => _inner.WriteAsync(write, cancellationToken);

    public Task<StoredPayload> OpenReadAsync(PayloadPointer pointer, long maxBytes, CancellationToken cancellationToken)
    {
        Opens++;
        return _inner.OpenReadAsync(pointer, maxBytes, cancellationToken);
    }

    public Task DeleteAsync(PayloadPointer pointer, CancellationToken cancellationToken) => _inner.DeleteAsync(pointer, cancellationToken);
}

/// <summary>A consumer over a file store in a temporary folder, with helpers to plant objects as an attacker would.</summary>
internal sealed class AttackerHarness : IDisposable
{
    public const string Bucket = FilePayloadStore.DefaultBucket;
    public const string Prefix = ClaimCheckOptions.DefaultKeyPrefix;

    private readonly TemporaryDirectory _directory = new();

    public AttackerHarness(long maxPayloadBytes = PayloadLimits.DefaultMaxPayloadBytes)
    {
        Files = new FilePayloadStore(Path.Combine(_directory.Path, "root"));
        Store = new CountingStore(Files);
        Runtime = new ClaimCheckRuntime(new ClaimCheckOptions { MaxPayloadBytes = maxPayloadBytes }, Store);
    }

    public static JsonTypeInfo<string> StringType { get; } = ClaimCheckJson.GetTypeInfo<string>();

    public FilePayloadStore Files { get; }

    public CountingStore Store { get; }

    public ClaimCheckRuntime Runtime { get; }

    public string Sandbox => _directory.Path;

    /// <summary>Writes <paramref name="content"/> as object <paramref name="key"/> of the store's bucket, bypassing every check.</summary>
    public string Plant(string key, byte[] content)
    {
        string path = Path.Combine(Files.RootDirectory, Bucket, key);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllBytes(path, content);
        return path;
    }

    public static string PointerJson(string bucket, string key, long size, string sha256)
        => PayloadPointerWriter.ToJson(new PayloadPointer(bucket, key) { Size = size, Sha256 = sha256 });

    public ValueTask<string?> HydrateAsync(string payload, bool allowBarePointer = false)
        => Runtime.HydrateAsync<string>(Encoding.UTF8.GetBytes(payload), StringType, allowBarePointer, CancellationToken.None);

    public void Dispose() => _directory.Dispose();
}

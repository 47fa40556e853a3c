using System;
using System.IO;
using PayloadGen.Tests.Infrastructure;
using Xunit;

namespace PayloadGen.Tests.Runtime;

/// <summary>
/// What the in-process tests of a streamed upload share: a file store with 64 KiB parts in a temporary folder, a
/// runtime over any store, and the checks of what that folder holds afterwards.
/// </summary>
internal sealed class StreamedUploadBench : IDisposable
{
    public const int PartBytes = 64 * 1024;

    /// <summary>How long an outcome may take before a test calls it a hang (milliseconds when the code is right).</summary>
    public static readonly TimeSpan Patience = TimeSpan.FromSeconds(20);

    public static readonly PayloadDescription Description = new() { Direction = OffloadDirection.Response, ContentType = "application/json" };

    private readonly TemporaryDirectory _folder = new();

    public void Dispose() => _folder.Dispose();

    public FilePayloadStore Files() => new(_folder.Path, partSizeBytes: PartBytes);

    public static ClaimCheckRuntime RuntimeOver(IPayloadStore store) => new(new ClaimCheckOptions { Bucket = FilePayloadStore.DefaultBucket }, store);

    /// <summary>The stored object is the payload, and the pointer's size and SHA-256 are the stored bytes'.</summary>
    public void AssertStoredAsPointed(byte[] payload, PayloadPointer? pointer)
    {
        Assert.NotNull(pointer);
        byte[] stored = File.ReadAllBytes(Path.Combine(_folder.Path, pointer.Bucket, pointer.Key));
        Assert.Equal(payload, stored);
        Assert.Equal((stored.LongLength, Sha256Hex.Of(stored)), (pointer.Size, pointer.Sha256));
    }

    /// <summary>No object, no temporary file of an upload: nothing at all.</summary>
    public void AssertNothingStored() => Assert.Empty(Directory.GetFiles(_folder.Path, "*", SearchOption.AllDirectories));
}

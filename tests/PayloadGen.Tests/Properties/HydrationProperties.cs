using System;
using System.Collections.Generic;
using System.IO;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using System.Threading;
using System.Threading.Tasks;
using CsCheck;
using PayloadGen.Tests.Infrastructure;
using Xunit;

namespace PayloadGen.Tests.Properties;

public sealed class HydratedShape
{
    public string? Bucket { get; set; }

    public string? Key { get; set; }

    public int Count { get; set; }

    public double Ratio { get; set; }

    public List<HydratedShape>? Children { get; set; }

    public Dictionary<string, long>? Map { get; set; }

    public DateTimeOffset? When { get; set; }

    public Guid Id { get; set; }
}

/// <summary>
/// Whatever a sender puts inline or in a stored object, hydration answers with a value or a
/// <see cref="ClaimCheckException"/> (invariant 5): never a raw JsonException, InvalidOperationException or
/// NullReferenceException.
/// </summary>
public sealed class HydrationProperties : IDisposable
{
    private static readonly Gen<byte[]> AnyPayload = Gen.Frequency(
        (3, PointerGens.JsonValue(3).Select(Encoding.UTF8.GetBytes)),
        (2, PointerGens.Mutated(PointerGens.JsonValue(3).Select(Encoding.UTF8.GetBytes))),
        (1, PointerGens.Mutated(PointerGens.Pointer.Select(p => PayloadPointerWriter.ToUtf8(p with { Bucket = FilePayloadStore.DefaultBucket, Key = "payloadgen/x.json" })))),
        (1, Gen.Byte.Array[0, 100]));

    private readonly TemporaryDirectory _directory = new();
    private readonly ClaimCheckRuntime _runtime;

    public HydrationProperties()
    {
        _runtime = new ClaimCheckRuntime(new ClaimCheckOptions(), new FilePayloadStore(_directory.Path));
    }

    public void Dispose() => _directory.Dispose();

    [Fact]
    public Task Inline_payloads_hydrate_or_fail_with_a_ClaimCheckException()
        => Prop.CheckAsync(
            Gen.Select(AnyPayload, Gen.Bool),
            async t =>
            {
                await Hydrates(() => _runtime.HydrateAsync(new MemoryStream(t.Item1), ClaimCheckJson.GetTypeInfo<HydratedShape>(), t.Item2, CancellationToken.None).AsTask());
                await Hydrates(() => _runtime.HydrateAsync(new MemoryStream(t.Item1), ClaimCheckJson.GetTypeInfo<Dictionary<string, int>>(), t.Item2, CancellationToken.None).AsTask());
                await Hydrates(() => _runtime.HydrateAsync(new BufferedStream(new MemoryStream(t.Item1)), ClaimCheckJson.GetTypeInfo<int[]>(), t.Item2, CancellationToken.None).AsTask());
                await Hydrates(() => _runtime.HydrateAsync(new MemoryStream(t.Item1), ClaimCheckJson.GetTypeInfo<JsonElement>(), t.Item2, CancellationToken.None).AsTask());
            },
            seed: 41,
            iterations: 400,
            print: t => PointerGens.Show(t.Item1));

    [Fact]
    public Task Stored_objects_hydrate_or_fail_with_a_ClaimCheckException()
        => Prop.CheckAsync(
            AnyPayload,
            async content =>
            {
                PayloadPointer pointer = await _runtime.OffloadAsync(new System.Buffers.ReadOnlySequence<byte>(content), CancellationToken.None);
                byte[] json = PayloadPointerWriter.ToUtf8(pointer);
                await Hydrates(() => _runtime.HydrateAsync(new MemoryStream(json), ClaimCheckJson.GetTypeInfo<HydratedShape>(), false, CancellationToken.None).AsTask());
                await Hydrates(() => _runtime.HydrateAsync(new MemoryStream(json), ClaimCheckJson.GetTypeInfo<List<long>>(), false, CancellationToken.None).AsTask());
                await Hydrates(() => _runtime.HydrateAsync(new MemoryStream(json), ClaimCheckJson.GetTypeInfo<JsonElement>(), false, CancellationToken.None).AsTask());
            },
            seed: 42,
            iterations: 120,
            print: PointerGens.Show);

    private static async Task Hydrates<T>(Func<Task<T>> hydrate)
    {
        Exception? error = await Record.ExceptionAsync(hydrate);
        Assert.True(error is null or ClaimCheckException, $"{error}");
    }
}

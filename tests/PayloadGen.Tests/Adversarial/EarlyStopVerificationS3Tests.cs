using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using System.Text.Json.Serialization.Metadata;
using System.Threading;
using System.Threading.Tasks;
using Amazon.S3;
using Amazon.S3.Model;
using PayloadGen.Tests.Handlers;
using PayloadGen.Tests.Infrastructure;
using PayloadGen.Tests.Lambda;
using Xunit;

namespace PayloadGen.Tests.Adversarial;

/// <summary>
/// An <c>IAsyncEnumerable&lt;T&gt;</c> request is verified when its array ends; a handler that stops before the end
/// (<c>break</c>, <c>Take(n)</c>, <c>FirstAsync</c>) must not turn that into "never verified". The object here is swapped
/// after the pointer was written: same length, valid JSON, only the last item differs, so only the SHA-256 can tell.
/// </summary>
[Collection(S3rverTests.Name)]
public sealed class EarlyStopVerificationS3Tests : IDisposable
{
    private const int Rows = 20_000;
    private static readonly JsonTypeInfo<ReportRow> s_row = ClaimCheckJson.GetTypeInfo<ReportRow>();

    private readonly AmazonS3Client _client;
    private readonly ClaimCheckRuntime _runtime;

    public EarlyStopVerificationS3Tests(S3rverFixture s3)
    {
        _client = s3.CreateClient(new AmazonS3Config { MaxErrorRetry = 0 });
        var store = new S3PayloadStore(_client, new S3PayloadStoreOptions { Bucket = S3rverFixture.Bucket, UseChunkEncoding = false });
        _runtime = new ClaimCheckRuntime(new ClaimCheckOptions { Bucket = S3rverFixture.Bucket }, store);
        ExportPreviewHandlers.ClaimCheckRuntime = _runtime;
    }

    public void Dispose()
    {
        ExportPreviewHandlers.ClaimCheckRuntime = null;
        _client.Dispose();
    }

    [Fact]
    public async Task Breaking_out_early_from_a_tampered_stored_array_fails_integrity_when_the_loop_ends()
    {
        await using HydratedSequence<ReportRow> request = await TamperedRequestAsync("break.json");
        var taken = new List<int>();

        var error = await Assert.ThrowsAsync<PayloadIntegrityException>(async () =>
        {
            await foreach (ReportRow row in request)
            {
                taken.Add(row.Number);
                if (taken.Count == 3)
                {
                    break;
                }
            }
        });

        Assert.Contains("SHA-256 differs", error.Message, StringComparison.Ordinal);
        Assert.Equal([0, 1, 2], taken);
    }

    [Fact]
    public async Task Taking_the_first_item_of_a_tampered_stored_array_never_hands_it_over()
    {
        await using HydratedSequence<ReportRow> request = await TamperedRequestAsync("first.json");
        ReportRow? first = null;

        // What FirstAsync does: one MoveNext, then the enumerator is disposed before the item is returned.
        await Assert.ThrowsAsync<PayloadIntegrityException>(async () =>
        {
            await using IAsyncEnumerator<ReportRow> items = request.GetAsyncEnumerator();
            ReportRow candidate = await items.MoveNextAsync() ? items.Current : throw new InvalidOperationException("empty");
            await items.DisposeAsync();
            first = candidate;
        });

        Assert.Null(first);
    }

    [Fact]
    public async Task Breaking_out_early_from_an_intact_stored_array_succeeds()
    {
        byte[] json = ArrayJson(lastNumber: Rows - 1);
        await using HydratedSequence<ReportRow> request = await RequestAsync("intact.json", json, json);
        var taken = new List<int>();

        await foreach (ReportRow row in request)
        {
            taken.Add(row.Number);
            if (taken.Count == 3)
            {
                break;
            }
        }

        Assert.Equal([0, 1, 2], taken);
    }

    [Fact]
    public async Task Breaking_out_early_from_an_inline_array_needs_no_verification()
    {
        byte[] json = ArrayJson(lastNumber: Rows - 1);
        await using HydratedSequence<ReportRow> request = await _runtime.HydrateSequenceAsync(new MemoryStream(json), s_row, allowBarePointer: true, CancellationToken.None);
        var taken = new List<int>();

        await foreach (ReportRow row in request)
        {
            taken.Add(row.Number);
            if (taken.Count == 2)
            {
                break;
            }
        }

        Assert.Equal([0, 1], taken);
        Assert.Null(request.Pointer);
    }

    [Fact]
    public async Task A_handlers_own_exception_in_the_loop_is_kept_when_the_array_is_intact()
    {
        byte[] json = ArrayJson(lastNumber: Rows - 1);
        await using HydratedSequence<ReportRow> request = await RequestAsync("throws.json", json, json);

        var error = await Assert.ThrowsAsync<InvalidOperationException>(async () =>
        {
            await foreach (ReportRow row in request)
            {
                throw new InvalidOperationException($"the handler refused row {row.Number}");
            }
        });

        Assert.Equal("the handler refused row 0", error.Message);
    }

    [Fact]
    public async Task A_generated_wrapper_whose_handler_previews_a_tampered_export_fails_the_invocation_and_answers_for_an_intact_one()
    {
        byte[] original = ArrayJson(lastNumber: Rows - 1);
        byte[] pointer = await StoreAsync("preview.json", original, ArrayJson(lastNumber: Rows - 2));
        var context = new TestLambdaContext(TimeSpan.FromMinutes(1));

        await Assert.ThrowsAsync<PayloadIntegrityException>(() => ExportPreviewHandlers.PreviewClaimCheck(new MemoryStream(pointer), context));

        pointer = await StoreAsync("preview.json", original, original);
        await using Stream answer = await ExportPreviewHandlers.PreviewClaimCheck(new MemoryStream(pointer), context);
        Assert.Equal("[0,1,2]", await new StreamReader(answer).ReadToEndAsync());
    }

    private Task<HydratedSequence<ReportRow>> TamperedRequestAsync(string name)
    {
        byte[] original = ArrayJson(lastNumber: Rows - 1);
        byte[] swapped = ArrayJson(lastNumber: Rows - 2); // same length: one digit of the last item
        Assert.Equal(original.Length, swapped.Length);
        return RequestAsync(name, original, swapped);
    }

    /// <summary>The request read through a pointer describing <paramref name="announced"/> to a stored <paramref name="stored"/>.</summary>
    private async Task<HydratedSequence<ReportRow>> RequestAsync(string name, byte[] announced, byte[] stored)
        => await _runtime.HydrateSequenceAsync(new MemoryStream(await StoreAsync(name, announced, stored)), s_row, allowBarePointer: true, CancellationToken.None);

    /// <summary>Stores <paramref name="stored"/> and returns a pointer describing <paramref name="announced"/>.</summary>
    private async Task<byte[]> StoreAsync(string name, byte[] announced, byte[] stored)
    {
        string key = "payloadgen/early-stop/" + name;
        await _client.PutObjectAsync(new PutObjectRequest { BucketName = S3rverFixture.Bucket, Key = key, InputStream = new MemoryStream(stored), UseChunkEncoding = false });
        return PayloadPointerWriter.ToUtf8(new PayloadPointer(S3rverFixture.Bucket, key) { Size = announced.Length, Sha256 = Sha256Hex.Of(announced) });
    }

    private static byte[] ArrayJson(int lastNumber)
    {
        IEnumerable<int> numbers = Enumerable.Range(0, Rows - 1).Append(lastNumber);
        return Encoding.UTF8.GetBytes("[" + string.Join(",", numbers.Select(n => $"{{\"Number\":{n},\"Text\":\"row of the export\"}}")) + "]");
    }
}

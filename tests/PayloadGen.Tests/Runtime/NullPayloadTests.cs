using System;
using System.IO;
using System.Linq;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Threading.Tasks;
using PayloadGen.Tests.Handlers;
using PayloadGen.Tests.Infrastructure;
using PayloadGen.Tests.Lambda;
using Xunit;

namespace PayloadGen.Tests.Runtime;

/// <summary>
/// JSON null reaches a payload parameter only when the parameter is nullable; otherwise the generated wrapper
/// refuses it with <see cref="PayloadNullException"/> (for a queue record: that record fails alone).
/// </summary>
[Collection(nameof(InlineOnlyHandlers))]
public sealed class NullPayloadTests : IDisposable
{
    private readonly TemporaryDirectory _directory = new();

    public NullPayloadTests()
        => InlineOnlyHandlers.ClaimCheckRuntime = new ClaimCheckRuntime(new ClaimCheckOptions(), new FilePayloadStore(_directory.Path));

    public void Dispose() => _directory.Dispose();

    [Fact]
    public async Task A_null_request_for_a_non_nullable_parameter_is_refused_naming_the_type()
    {
        var error = await Assert.ThrowsAsync<PayloadNullException>(async () =>
            await InlineOnlyHandlers.EchoClaimCheck(new MemoryStream("null"u8.ToArray()), new TestLambdaContext(TimeSpan.FromMinutes(1))));

        Assert.Equal(typeof(Report), error.TargetType);
        Assert.Contains("Report?", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_null_request_reaches_a_nullable_parameter_as_null()
    {
        await using Stream response = await InlineOnlyHandlers.DescribeClaimCheck(new MemoryStream("null"u8.ToArray()), new TestLambdaContext(TimeSpan.FromMinutes(1)));

        Assert.Equal("\"received null\"", await new StreamReader(response).ReadToEndAsync());
    }

    [Fact]
    public async Task A_queue_record_whose_body_is_null_fails_alone()
    {
        var batch = new JsonObject
        {
            ["Records"] = new JsonArray(
                new JsonObject { ["messageId"] = "null-body", ["body"] = "null" },
                new JsonObject { ["messageId"] = "real", ["body"] = """{"Title":"real"}""" }),
        };

        await using Stream response = await InlineOnlyHandlers.ImportClaimCheck(EventFixtures.Stream(batch), new TestLambdaContext(TimeSpan.FromMinutes(1)));

        using JsonDocument result = await JsonDocument.ParseAsync(response);
        Assert.Equal(["null-body"], result.RootElement.GetProperty("batchItemFailures").EnumerateArray().Select(item => item.GetProperty("itemIdentifier").GetString()));
        Assert.Contains("real", InlineOnlyHandlers.Imported);
    }
}

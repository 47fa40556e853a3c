using System;
using System.IO;
using System.Text;
using Amazon.Lambda.APIGatewayEvents;
using Xunit;

namespace PayloadGen.Tests.Serialization;

/// <summary>
/// With a <c>JsonContext</c>, the claim-check serializer still reads and writes as Lambda's default serializer does (as
/// <c>SourceGeneratorLambdaJsonSerializer&lt;TContext&gt;</c> applies Lambda's options to its context): API Gateway's
/// lower-case names bind, nulls are omitted, text is not over-escaped. Inline payloads only: no store call.
/// </summary>
public sealed class ContextClaimCheckSerializerTests
{
    private readonly ClaimCheckRuntime _runtime = ClaimCheckRuntime.Create(new ClaimCheckOptions { Bucket = "never-called" });
    private readonly ContextClaimCheckSerializer _serializer;

    public ContextClaimCheckSerializerTests() => _serializer = new ContextClaimCheckSerializer(_runtime);

    [Fact]
    public void An_http_api_event_as_API_Gateway_sends_it_binds_case_insensitively()
    {
        byte[] invocation = Encoding.UTF8.GetBytes("""{"version":"2.0","rawPath":"/report","body":"{\"rows\":3,\"region\":\"eu\"}","isBase64Encoded":false}""");

        APIGatewayHttpApiV2ProxyRequest request = _serializer.Deserialize<APIGatewayHttpApiV2ProxyRequest>(new MemoryStream(invocation));
        ReportQuery query = new ContextClaimCheckSerializer(_runtime).Deserialize<ReportQuery>(new MemoryStream(Encoding.UTF8.GetBytes(request.Body)));

        Assert.Equal("/report", request.RawPath);
        Assert.Equal(3, query.Rows);
        Assert.Equal("eu", query.Region);
    }

    [Fact]
    public void Writes_byte_for_byte_what_the_reflection_serializer_writes()
    {
        var value = new DefaultSerializerShapes { Text = "<b>Tom & Jerry's</b> café", XAmzId2 = "id-2", At = new DateTime(2026, 12, 6, 6, 30, 0, DateTimeKind.Utc) };
        using var withContext = new MemoryStream();
        using var withReflection = new MemoryStream();

        _serializer.Serialize(value, withContext);
        new TestClaimCheckSerializer(_runtime).Serialize(value, withReflection);

        Assert.Equal("{\"Text\":\"<b>Tom & Jerry's</b> café\",\"x-amz-id-2\":\"id-2\",\"At\":\"2026-12-06T06:30:00Z\"}", Encoding.UTF8.GetString(withContext.ToArray()));
        Assert.Equal(withReflection.ToArray(), withContext.ToArray());
    }

    [Fact]
    public void A_type_the_context_lacks_is_named_in_the_error()
    {
        InvalidOperationException error = Assert.Throws<InvalidOperationException>(() => _serializer.Serialize(new ReportRows(), new MemoryStream()));

        Assert.Contains("[JsonSerializable(typeof(ReportRows))]", error.Message, StringComparison.Ordinal);
    }
}

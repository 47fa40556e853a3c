using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using Amazon.Lambda.APIGatewayEvents;
using Amazon.Lambda.Core;

namespace PayloadGen.Tests.Serialization;

/// <summary>The request a <c>[FromBody]</c> parameter receives.</summary>
public sealed class ReportQuery
{
    public int Rows { get; set; }

    public string? Region { get; set; }
}

/// <summary>The method's POCO result, which Annotations serializes into the proxy response's <c>Body</c>.</summary>
public sealed class ReportRows
{
    public string? Region { get; set; }

    public List<string> Rows { get; set; } = [];
}

/// <summary>The user's Annotations function: <c>[LambdaFunction] [HttpApi(LambdaHttpMethod.Post, "/report")]</c>.</summary>
public static class ReportFunctions
{
    public static ReportRows GetReport(ReportQuery query)
        => new() { Region = query.Region, Rows = Enumerable.Range(0, query.Rows).Select(i => "row " + i.ToString("D8", System.Globalization.CultureInfo.InvariantCulture) + " " + new string('x', 80)).ToList() };
}

/// <summary>
/// Hand-written the way Amazon.Lambda.Annotations generates an HTTP API handler (its <c>{Class}_{Method}_Generated</c>):
/// the <c>[FromBody]</c> parameter is read with the function's serializer from the request's <c>Body</c> (a failure is
/// a 400 validation answer), and the method's result is serialized with the same serializer into the response's
/// <c>Body</c>; the runtime then serializes the proxy response itself. Annotations' constructor creates its own
/// instance of the serializer (<c>serializer = new MySerializer()</c>); the tests pass one the same way.
/// </summary>
public sealed class ReportFunctions_GetReport_Generated
{
    private readonly ILambdaSerializer _serializer;

    public ReportFunctions_GetReport_Generated(ILambdaSerializer serializer) => _serializer = serializer;

    // Annotations relies on the assembly's [LambdaSerializer]; this project names it on the method so that the size
    // rules' silence for claim-check serializers is checked by a real build without touching the other handlers here.
    [LambdaSerializer(typeof(TestClaimCheckSerializer))]
    public APIGatewayHttpApiV2ProxyResponse GetReport(APIGatewayHttpApiV2ProxyRequest __request__, ILambdaContext __context__)
    {
        var validationErrors = new List<string>();
        var query = default(ReportQuery);
        try
        {
            var byteArray = Encoding.UTF8.GetBytes(__request__.Body);
            var stream = new MemoryStream(byteArray);
            query = _serializer.Deserialize<ReportQuery>(stream);
        }
        catch (Exception e)
        {
            validationErrors.Add($"Value {__request__.Body} at 'body' failed to satisfy constraint: {e.Message}");
        }

        if (validationErrors.Count > 0)
        {
            return new APIGatewayHttpApiV2ProxyResponse
            {
                Body = "{\"message\": \"" + validationErrors.Count + " validation error(s) detected: " + string.Join(",", validationErrors) + "\"}",
                Headers = new Dictionary<string, string> { { "Content-Type", "application/json" }, { "x-amzn-ErrorType", "ValidationException" } },
                StatusCode = 400,
            };
        }

        var response = ReportFunctions.GetReport(query!);
        var memoryStream = new MemoryStream();
        _serializer.Serialize(response, memoryStream);
        memoryStream.Position = 0;

        // convert stream to string
        StreamReader reader = new StreamReader(memoryStream);
        var body = reader.ReadToEnd();
        return new APIGatewayHttpApiV2ProxyResponse
        {
            Body = body,
            Headers = new Dictionary<string, string> { { "Content-Type", "application/json" } },
            StatusCode = 200,
        };
    }
}

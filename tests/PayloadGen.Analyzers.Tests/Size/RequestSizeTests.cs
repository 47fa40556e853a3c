using System.Threading.Tasks;
using Microsoft.CodeAnalysis.Testing;
using PayloadGen.Analyzers.Tests.Infrastructure;
using PayloadGen.Generators.Analyzers;
using PayloadGen.Generators.Diagnostics;
using Xunit;

namespace PayloadGen.Analyzers.Tests.Size;

public class RequestSizeTests
{
    private const string Usings = """
        using System.Collections.Generic;
        using System.ComponentModel.DataAnnotations;
        using System.IO;
        using System.Threading;
        using Amazon.Lambda.Core;

        """;

    [Fact]
    public async Task Unbounded_binary_request_is_possible_at_the_parameter()
    {
        var test = new PayloadGenAnalyzerTest<RequestSizeAnalyzer>
        {
            TestCode = Usings + """
                public class Upload { public string Name { get; set; } = ""; public byte[] Content { get; set; } = []; }
                public class Functions
                {
                    public string Store(Upload {|#0:upload|}, ILambdaContext context) => upload.Name;
                }
                """,
        };
        test.ExpectedDiagnostics.Add(new DiagnosticResult(Rules.RequestMayExceedLimit).WithLocation(0)
            .WithMessage("The request of 'Store' may exceed the synchronous invoke limit of 6,291,456 bytes: Upload.Content: byte[]; add [ClaimCheck] so callers can send large requests as a pointer to S3"));
        await test.RunAsync();
    }

    [Fact]
    public async Task Request_whose_smallest_JSON_is_over_the_limit_is_reported_as_certain()
    {
        var test = new PayloadGenAnalyzerTest<RequestSizeAnalyzer>
        {
            TestCode = Usings + """
                public class Batch { [MinLength(300)] public required List<int> Ids { get; init; } }
                public class Functions
                {
                    public int Count(Batch {|#0:batch|}, ILambdaContext context) => batch.Ids.Count;
                }
                """,
        }.WithEditorConfig("payloadgen.limit.sync = 512");
        test.ExpectedDiagnostics.Add(new DiagnosticResult(Rules.RequestLikelyExceedsLimit).WithLocation(0)
            .WithMessage("The request of 'Count' cannot fit the synchronous invoke limit of 512 bytes: its JSON is at least 609 bytes (Batch.Ids: List<int> (at least 300 items)); add [ClaimCheck] so callers can send large requests as a pointer to S3"));
        await test.RunAsync();
    }

    [Fact]
    public async Task Source_from_the_template_sets_the_limit()
    {
        var test = new PayloadGenAnalyzerTest<RequestSizeAnalyzer>
        {
            TestCode = Usings + """
                namespace App
                {
                    public class Notice { [MaxLength(200_000)] public string Text { get; set; } = ""; }
                    public class Functions
                    {
                        public void Notify(Notice {|#0:notice|}) { }
                    }
                }
                """,
        };
        test.TestState.AdditionalFiles.Add(("/0/serverless.template", """
            { "Resources": { "Notify": { "Type": "AWS::Serverless::Function",
              "Properties": { "Handler": "TestProject::App.Functions::Notify", "Events": { "Topic": { "Type": "SNS" } } } } } }
            """));
        test.ExpectedDiagnostics.Add(new DiagnosticResult(Rules.RequestMayExceedLimit).WithLocation(0)
            .WithMessage("The request of 'Notify' may exceed the SNS message limit of 262,144 bytes: Notice.Text: string (at most 200,000 characters), up to 1,200,011 bytes of JSON; add [ClaimCheck] so callers can send large requests as a pointer to S3"));
        await test.RunAsync();
    }

    [Fact]
    public async Task Event_types_streams_strings_and_bounded_requests_are_silent()
    {
        await new PayloadGenAnalyzerTest<RequestSizeAnalyzer>
        {
            TestCode = Usings + """
                using Amazon.Lambda.SQSEvents;
                using Amazon.Lambda.APIGatewayEvents;
                public class Query { [MaxLength(100)] public List<string> Ids { get; set; } = []; public int Page { get; set; } }
                public class Functions
                {
                    public void Queue(SQSEvent evnt, ILambdaContext context) { }
                    public string Api(APIGatewayProxyRequest request, ILambdaContext context) => "";
                    public Stream Raw(Stream input, ILambdaContext context) => input;
                    public string Echo(string input, ILambdaContext context) => input;
                    public int Find(Query query, ILambdaContext context, CancellationToken ct) => query.Page;
                    public void NotAHandler(List<byte[]> blobs) { }
                }
                """,
        }.RunAsync();
    }
}

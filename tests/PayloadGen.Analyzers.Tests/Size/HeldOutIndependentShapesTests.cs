using System.Threading.Tasks;
using Microsoft.CodeAnalysis.Testing;
using PayloadGen.Analyzers.Tests.Infrastructure;
using PayloadGen.Generators.Analyzers;
using PayloadGen.Generators.Diagnostics;
using Xunit;
using static PayloadGen.Analyzers.Tests.Infrastructure.ResponseDiagnostics;

namespace PayloadGen.Analyzers.Tests.Size;

/// <summary>
/// Shapes the independent held-out file (Corpus/HeldOutIndependent.cs.txt, docs/rules/precision.md) exposed: a
/// Step Functions task that fills its own state object and hands it back, a loop that reads an S3 object line by
/// line to its end into one list, and a minimal-API endpoint mapped as a method group.
/// </summary>
public class HeldOutIndependentShapesTests
{
    private const string Usings = """
        using System.Collections.Generic;
        using System.IO;
        using System.Linq;
        using System.Text.Json;
        using System.Threading.Tasks;
        using Amazon.Lambda.Core;
        using Amazon.S3;
        using Amazon.SQS;
        using Microsoft.AspNetCore.Builder;
        using Microsoft.AspNetCore.Http;
        using Microsoft.EntityFrameworkCore;

        """;

    private const string Model = """

        public class Line { public int Id { get; set; } public int OrderId { get; set; } public string Sku { get; set; } = ""; }
        public class OrderState { public int OrderId { get; set; } public List<Line> Lines { get; set; } = []; public int LineCount { get; set; } }
        public class ShopDb : DbContext { public DbSet<Line> Lines { get; set; } = null!; }
        """;

    private const string QueryOverLines = "ToListAsync() materializes a query over '_db.Lines' with no Take";

    private static PayloadGenAnalyzerTest<ResponseSizeAnalyzer> Responses(string code) => new() { TestCode = Usings + code + Model };

    [Fact]
    public async Task A_task_that_fills_its_state_with_an_unbounded_query_and_hands_it_back_is_likely()
    {
        var test = Responses("""
            public class Tasks
            {
                private readonly ShopDb _db = new();

                public async Task<OrderState> {|#0:LoadLines|}(OrderState state, ILambdaContext context)
                {
                    state.Lines = await _db.Lines.Where(l => l.OrderId == state.OrderId).ToListAsync();
                    return state;
                }
            }
            """);
        test.ExpectedDiagnostics.Add(Likely(0, "LoadLines", "OrderState.Lines ← " + QueryOverLines));
        await test.RunAsync();
    }

    [Fact]
    public async Task A_task_that_writes_only_a_count_into_its_state_stays_at_the_type_level()
    {
        var test = Responses("""
            public class Tasks
            {
                private readonly ShopDb _db = new();

                public async Task<OrderState> {|#0:CountLines|}(OrderState state, ILambdaContext context)
                {
                    state.LineCount = await _db.Lines.Where(l => l.OrderId == state.OrderId).CountAsync();
                    return state;
                }
            }
            """);
        test.ExpectedDiagnostics.Add(Possible(0, "CountLines", "OrderState.Lines: List<Line> (no bound)"));
        await test.RunAsync();
    }

    [Fact]
    public async Task A_helper_that_fills_the_object_it_is_handed_carries_the_evidence_to_its_caller()
    {
        var test = Responses("""
            public class Tasks
            {
                private readonly ShopDb _db = new();

                public async Task<OrderState> {|#0:Build|}(int orderId, ILambdaContext context) => await Fill(new OrderState { OrderId = orderId });

                private async Task<OrderState> Fill(OrderState state)
                {
                    state.Lines = await _db.Lines.Where(l => l.OrderId == state.OrderId).ToListAsync();
                    return state;
                }
            }
            """);
        test.ExpectedDiagnostics.Add(Likely(0, "Build", "Build() → Tasks.Fill() ← OrderState.Lines ← " + QueryOverLines));
        await test.RunAsync();
    }

    [Fact]
    public async Task Lines_read_to_the_end_of_a_reader_into_one_list_are_likely()
    {
        var test = Responses("""
            public class Import
            {
                private readonly IAmazonS3 _s3 = null!;

                public async Task<List<string>> {|#0:AllLines|}(string key, ILambdaContext context)
                {
                    using var response = await _s3.GetObjectAsync("bucket", key);
                    using var reader = new StreamReader(response.ResponseStream);
                    var lines = new List<string>();
                    while (!reader.EndOfStream)
                    {
                        var line = await reader.ReadLineAsync();
                        lines.Add(line!);
                    }

                    return lines;
                }

                public List<string> {|#1:NonEmpty|}(string path, ILambdaContext context)
                {
                    using var reader = new StreamReader(path);
                    var lines = new List<string>();
                    string? line;
                    while ((line = reader.ReadLine()) != null)
                    {
                        if (line.Length > 0)
                        {
                            lines.Add(line);
                        }
                    }

                    return lines;
                }
            }
            """);
        test.ExpectedDiagnostics.Add(Likely(0, "AllLines", "a loop adds every line ReadLineAsync reads, to the end of the stream, to 'lines'"));
        test.ExpectedDiagnostics.Add(Likely(1, "NonEmpty", "a loop adds every line ReadLine reads, to the end of the stream, to 'lines'"));
        await test.RunAsync();
    }

    [Fact]
    public async Task A_line_loop_that_can_stop_early_is_left_to_the_type()
    {
        var test = Responses("""
            public class Import
            {
                public List<string> {|#0:Head|}(string path, ILambdaContext context)
                {
                    using var reader = new StreamReader(path);
                    var lines = new List<string>();
                    while (!reader.EndOfStream && lines.Count < 100)
                    {
                        lines.Add(reader.ReadLine()!);
                    }

                    return lines;
                }

                public List<string> {|#1:UntilBlank|}(string path, ILambdaContext context)
                {
                    using var reader = new StreamReader(path);
                    var lines = new List<string>();
                    while (!reader.EndOfStream)
                    {
                        var line = reader.ReadLine()!;
                        if (line.Length == 0)
                        {
                            break;
                        }

                        lines.Add(line);
                    }

                    return lines;
                }
            }
            """);
        test.ExpectedDiagnostics.Add(Possible(0, "Head", "List<string> (no bound)"));
        test.ExpectedDiagnostics.Add(Possible(1, "UntilBlank", "List<string> (no bound)"));
        await test.RunAsync();
    }

    [Fact]
    public async Task One_SQS_message_of_every_line_of_an_S3_object_is_likely()
    {
        var test = new PayloadGenAnalyzerTest<MessageSizeAnalyzer>
        {
            TestCode = Usings + """
                public class Import
                {
                    private readonly IAmazonS3 _s3 = null!;
                    private readonly IAmazonSQS _sqs = null!;

                    public async Task Forward(string key, string queueUrl)
                    {
                        using var response = await _s3.GetObjectAsync("bucket", key);
                        using var reader = new StreamReader(response.ResponseStream);
                        var rows = new List<string[]>();
                        while (!reader.EndOfStream)
                        {
                            rows.Add((await reader.ReadLineAsync())!.Split(','));
                        }

                        await _sqs.SendMessageAsync(queueUrl, {|#0:JsonSerializer.Serialize(rows)|});
                    }
                }
                """ + Model,
        };
        test.ExpectedDiagnostics.Add(new DiagnosticResult(Rules.MessageLikelyExceedsLimit).WithLocation(0)
            .WithMessage("This SQS message body is likely to exceed its limit of 1,048,576 bytes: a loop adds every line ReadLineAsync reads, to the end of the stream, to 'rows'; store the payload in S3 and send a pointer to it"));
        await test.RunAsync();
    }

    [Fact]
    public async Task A_method_mapped_as_a_minimal_API_endpoint_is_an_API_Gateway_handler()
    {
        var test = Responses("""
            public class LineQueries
            {
                public static async Task<IResult> {|#0:All|}(ShopDb db) => TypedResults.Ok(await db.Lines.ToArrayAsync());

                public static async Task<IResult> One(int id, ShopDb db) => await db.Lines.FindAsync(id) is { } line ? Results.Ok(line) : Results.NotFound();

                // Not mapped anywhere: not a handler, whatever it returns.
                public static async Task<IResult> Unmapped(ShopDb db) => TypedResults.Ok(await db.Lines.ToArrayAsync());
            }

            public static class LineApi
            {
                public static WebApplication MapLines(this WebApplication app)
                {
                    app.MapGet("/lines", LineQueries.All);
                    app.MapGet("/lines/{id}", LineQueries.One);
                    return app;
                }
            }
            """);
        test.ExpectedDiagnostics.Add(new DiagnosticResult(Rules.ResponseLikelyExceedsLimit).WithLocation(0)
            .WithMessage("The response of 'All' is likely to exceed the API Gateway limit of 6,291,556 bytes: ToArrayAsync() materializes a query over 'db.Lines' with no Take; page the response or return a presigned S3 URL instead of the data"));
        await test.RunAsync();
    }

    [Fact]
    public async Task A_local_function_mapped_as_a_minimal_API_endpoint_is_an_API_Gateway_handler()
    {
        var test = Responses("""
            public static class LineApi
            {
                public static WebApplication MapLines(this WebApplication app)
                {
                    app.MapGet("/lines", All);
                    app.MapGet("/lines/{id}", One);
                    return app;

                    static async Task<IResult> {|#0:All|}(ShopDb db) => TypedResults.Ok(await db.Lines.ToArrayAsync());

                    static async Task<IResult> One(int id, ShopDb db) => await db.Lines.FindAsync(id) is { } line ? Results.Ok(line) : Results.NotFound();

                    // Not mapped: a helper, whatever it returns.
                    static async Task<IResult> Unmapped(ShopDb db) => TypedResults.Ok(await db.Lines.ToArrayAsync());
                }
            }
            """);
        test.ExpectedDiagnostics.Add(new DiagnosticResult(Rules.ResponseLikelyExceedsLimit).WithLocation(0)
            .WithMessage("The response of 'All' is likely to exceed the API Gateway limit of 6,291,556 bytes: ToArrayAsync() materializes a query over 'db.Lines' with no Take; page the response or return a presigned S3 URL instead of the data"));
        await test.RunAsync();
    }
}

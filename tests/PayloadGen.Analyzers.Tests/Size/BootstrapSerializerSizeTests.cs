using System.Threading.Tasks;
using Microsoft.CodeAnalysis.Testing;
using PayloadGen.Analyzers.Tests.Infrastructure;
using PayloadGen.Generators.Analyzers;
using PayloadGen.Generators.Diagnostics;
using PayloadGen.Generators.Emit;
using PayloadGen.Generators.Model;
using Xunit;
using static PayloadGen.Analyzers.Tests.Infrastructure.ResponseDiagnostics;

namespace PayloadGen.Analyzers.Tests.Size;

/// <summary>
/// Executable handlers bound by <c>LambdaBootstrapBuilder.Create(handler, serializer)</c>: with a
/// <c>[ClaimCheckSerializer]</c> (created in the call, or held by a local or a field) the handler's offloaded payloads
/// are not reported — whether it is a method group, a local function, a lambda, or the method a lambda forwards to;
/// with any other serializer (Lambda's, the source-generated one) the same handler keeps its diagnostics, which advise
/// passing a claim-check serializer to the bootstrap (a [ClaimCheck] wrapper would never be called: the bootstrap calls
/// the method itself) and offer no [ClaimCheck] fix.
/// </summary>
public class BootstrapSerializerSizeTests
{
    private const string Usings = """
        using System;
        using System.IO;
        using System.Threading.Tasks;
        using Amazon.Lambda.Core;
        using Amazon.Lambda.RuntimeSupport;
        using Amazon.Lambda.Serialization.SystemTextJson;
        using PayloadGen;

        """;

    private const string Types = """

        [ClaimCheckSerializer] public partial class OffloadingSerializer { }
        public class Document { public string Name { get; set; } = ""; public byte[] Content { get; set; } = []; }
        public class Upload { public string Name { get; set; } = ""; public byte[] Content { get; set; } = []; }
        [System.Text.Json.Serialization.JsonSerializable(typeof(Document))]
        public partial class DocumentContext : System.Text.Json.Serialization.JsonSerializerContext
        {
            public DocumentContext() : base(null) { }
            protected override System.Text.Json.JsonSerializerOptions? GeneratedSerializerOptions => null;
            public override System.Text.Json.Serialization.Metadata.JsonTypeInfo? GetTypeInfo(Type type) => null;
        }

        """;

    private const string Functions = """
        public class Functions
        {
            public async Task<Document> {|#0:Get|}(string name, ILambdaContext context) =>
                new Document { Name = name, Content = await File.ReadAllBytesAsync("/tmp/" + name) };

            public void Import(Upload {|#1:upload|}, ILambdaContext context) => context.Logger.LogLine(upload.Name);
        }
        """;

    /// <summary>What the generator adds to <c>OffloadingSerializer</c>: without it, the class is no <c>ILambdaSerializer</c>.</summary>
    private static readonly string GeneratedSerializer = SerializerEmitter.Write(
        new SerializerSpec(Namespace: null, TypeName: "OffloadingSerializer", MetadataName: "OffloadingSerializer", JsonContextTypeName: null, AddsParameterlessConstructor: true)).ToString();

    [Fact]
    public async Task A_method_group_bound_with_a_claim_check_serializer_is_not_reported()
        => await RunAsync<ResponseSizeAnalyzer>("""
            public static class Program
            {
                public static async Task Main()
                {
                    var functions = new Functions();
                    await LambdaBootstrapBuilder.Create<string, Document>(functions.Get, new OffloadingSerializer()).Build().RunAsync();
                }
            }
            """);

    [Theory]
    [InlineData("new DefaultLambdaJsonSerializer()")]
    [InlineData("new SourceGeneratorLambdaJsonSerializer<DocumentContext>()")]
    public async Task A_method_group_bound_with_another_serializer_is_still_reported(string serializer)
        => await RunAsync<ResponseSizeAnalyzer>("""
            public static class Program
            {
                public static async Task Main()
                {
                    var functions = new Functions();
                    await LambdaBootstrapBuilder.Create<string, Document>(functions.Get, SERIALIZER).Build().RunAsync();
                }
            }
            """.Replace("SERIALIZER", serializer, System.StringComparison.Ordinal), Response(0));

    [Fact]
    public async Task A_lambda_forwarding_to_a_method_with_a_serializer_in_a_field_reports_neither()
        => await RunAsync<ResponseSizeAnalyzer>("""
            public static class Program
            {
                private static readonly ILambdaSerializer Serializer = new OffloadingSerializer();

                public static async Task Main()
                {
                    var functions = new Functions();
                    Func<string, ILambdaContext, Task<Document>> handler = async (name, context) => await functions.Get(name, context);
                    await LambdaBootstrapBuilder.Create(handler, Serializer).Build().RunAsync();
                }
            }
            """);

    [Fact]
    public async Task A_lambda_forwarding_to_a_method_with_Lambdas_serializer_reports_both()
        => await RunAsync<ResponseSizeAnalyzer>("""
            public static class Program
            {
                private static readonly ILambdaSerializer Serializer = new DefaultLambdaJsonSerializer();

                public static async Task Main()
                {
                    var functions = new Functions();
                    Func<string, ILambdaContext, Task<Document>> handler = async (name, context) {|#2:=>|} await functions.Get(name, context);
                    await LambdaBootstrapBuilder.Create(handler, Serializer).Build().RunAsync();
                }
            }
            """, Response(2, "the lambda in Main", "lambda() \u2192 Functions.Get() \u2190 " + ReadsAFile), Response(0));

    [Fact]
    public async Task Local_functions_and_lambdas_with_a_claim_check_serializer_in_a_local_are_not_reported()
        => await RunAsync<ResponseSizeAnalyzer>("""
            public static class Program
            {
                public static async Task Main()
                {
                    var serializer = new OffloadingSerializer();
                    async Task<Document> Read(string name, ILambdaContext context) => new Document { Content = await File.ReadAllBytesAsync(name) };
                    await LambdaBootstrapBuilder.Create<string, Document>(Read, serializer).Build().RunAsync();

                    var inline = async (string name, ILambdaContext context) => new Document { Content = await File.ReadAllBytesAsync(name) };
                    await LambdaBootstrapBuilder.Create(inline, serializer).Build().RunAsync();
                }
            }
            """);

    [Fact]
    public async Task Local_functions_and_lambdas_with_Lambdas_serializer_are_reported_although_the_assembly_names_a_claim_check_serializer()
        => await RunAsync<ResponseSizeAnalyzer>("""
            [assembly: LambdaSerializer(typeof(OffloadingSerializer))]

            public static class Program
            {
                public static async Task Main()
                {
                    ILambdaSerializer serializer = new DefaultLambdaJsonSerializer();
                    async Task<Document> {|#2:Read|}(string name, ILambdaContext context) => new Document { Content = await File.ReadAllBytesAsync(name) };
                    await LambdaBootstrapBuilder.Create<string, Document>(Read, serializer).Build().RunAsync();

                    var inline = async (string name, ILambdaContext context) {|#3:=>|} new Document { Content = await File.ReadAllBytesAsync(name) };
                    await LambdaBootstrapBuilder.Create(inline, serializer).Build().RunAsync();
                }
            }
            """, Response(2, "Read"), Response(3, "the lambda in Main"));

    [Fact]
    public async Task A_handler_bound_once_with_each_kind_of_serializer_is_reported()
        => await RunAsync<ResponseSizeAnalyzer>("""
            public static class Program
            {
                public static async Task Main(string[] args)
                {
                    var functions = new Functions();
                    ILambdaSerializer serializer = args.Length > 0 ? new DefaultLambdaJsonSerializer() : new OffloadingSerializer();
                    await LambdaBootstrapBuilder.Create<string, Document>(functions.Get, new OffloadingSerializer()).Build().RunAsync();
                    await LambdaBootstrapBuilder.Create<string, Document>(functions.Get, serializer).Build().RunAsync();
                }
            }
            """, Response(0));

    [Fact]
    public async Task A_request_read_by_a_claim_check_serializer_is_not_reported()
        => await RunAsync<RequestSizeAnalyzer>("""
            public static class Program
            {
                public static async Task Main()
                {
                    var functions = new Functions();
                    await LambdaBootstrapBuilder.Create<Upload>(functions.Import, new OffloadingSerializer()).Build().RunAsync();
                }
            }
            """);

    [Fact]
    public async Task A_request_read_by_Lambdas_serializer_is_still_reported()
        => await RunAsync<RequestSizeAnalyzer>("""
            public static class Program
            {
                public static async Task Main()
                {
                    var functions = new Functions();
                    await LambdaBootstrapBuilder.Create<Upload>(functions.Import, new DefaultLambdaJsonSerializer()).Build().RunAsync();
                }
            }
            """, Request(1));

    [Fact]
    public async Task Local_function_and_lambda_requests_read_by_Lambdas_serializer_are_reported()
        => await RunAsync<RequestSizeAnalyzer>("""
            public static class Program
            {
                public static async Task Main()
                {
                    var serializer = new DefaultLambdaJsonSerializer();
                    Task Store(Upload {|#2:upload|}, ILambdaContext context) => File.WriteAllBytesAsync("/tmp/" + upload.Name, upload.Content);
                    Func<Upload, Task<string>> describe = async {|#3:upload|} => { await Task.Yield(); return upload.Name; };
                    await LambdaBootstrapBuilder.Create<Upload>(Store, serializer).Build().RunAsync();
                    await LambdaBootstrapBuilder.Create(describe, serializer).Build().RunAsync();
                }
            }
            """, Request(2, "Store"), Request(3, "the lambda in Main"));

    [Fact]
    public async Task Local_function_and_lambda_requests_read_by_a_claim_check_serializer_are_not_reported()
        => await RunAsync<RequestSizeAnalyzer>("""
            public static class Program
            {
                public static async Task Main()
                {
                    var serializer = new OffloadingSerializer();
                    Task Store(Upload upload, ILambdaContext context) => File.WriteAllBytesAsync("/tmp/" + upload.Name, upload.Content);
                    Func<Upload, Task<string>> describe = async upload => { await Task.Yield(); return upload.Name; };
                    await LambdaBootstrapBuilder.Create<Upload>(Store, serializer).Build().RunAsync();
                    await LambdaBootstrapBuilder.Create(describe, serializer).Build().RunAsync();
                }
            }
            """);

    [Fact]
    public async Task Lambdas_that_are_not_handlers_are_not_judged()
        => await RunAsync<RequestSizeAnalyzer>("""
            public static class Program
            {
                public static async Task Main()
                {
                    // A LINQ selector and a callback take uploads too; neither is bound by a bootstrap nor takes a context.
                    var uploads = new System.Collections.Generic.List<Upload>();
                    var names = System.Linq.Enumerable.ToList(System.Linq.Enumerable.Select(uploads, upload => upload.Name));
                    Action<Upload> log = upload => Console.WriteLine(upload.Name);
                    await Task.CompletedTask;
                }
            }
            """);

    [Fact]
    public async Task A_stream_handler_given_a_claim_check_serializer_for_its_context_keeps_its_response_diagnostics()
        => await RunAsync<ResponseSizeAnalyzer>("""
            public static class Program
            {
                public static async Task Main()
                {
                    // This overload passes the streams through; the serializer is only exposed to the handler.
                    await LambdaBootstrapBuilder.Create(Export, new OffloadingSerializer()).Build().RunAsync();
                }

                public static Task<Stream> {|#2:Export|}(Stream request, ILambdaContext context) =>
                    Task.FromResult<Stream>(new MemoryStream(File.ReadAllBytes("/tmp/export.csv")));
            }
            """, Response(2, "Export", "MemoryStream \u2190 File.ReadAllBytes reads a whole file", Paging));

    private const string Forwarding = """
        public class Inner
        {
            public async Task<Document> Handle(Upload upload) => new Document { Name = upload.Name, Content = await File.ReadAllBytesAsync(upload.Name) };
        }

        public static class Program
        {
            public static async Task Main()
            {
                var inner = new Inner();
                var handler = async (string request) {|#2:=>|} await inner.Handle(new Upload { Name = request.Trim() });
                await LambdaBootstrapBuilder.Create(handler, new DefaultLambdaJsonSerializer()).Build().RunAsync();
            }
        }
        """;

    [Fact]
    public async Task A_lambda_taking_only_the_request_is_the_handler_not_the_method_it_forwards_a_new_value_to()
        => await RunAsync<ResponseSizeAnalyzer>(Forwarding, Response(2, "the lambda in Main", "lambda() \u2192 Inner.Handle() \u2190 " + ReadsAFile));

    [Fact]
    public async Task The_method_a_bound_lambda_forwards_to_is_not_judged_by_its_own_parameter()
        => await RunAsync<RequestSizeAnalyzer>(Forwarding);

    private const string ReadsAFile = "Document.Content \u2190 File.ReadAllBytesAsync reads a whole file";

    private static DiagnosticResult Response(int location, string handler = "Get", string reason = ReadsAFile, string action = UseClaimCheckSerializer)
        => Likely(location, handler, reason, action: action);

    private static DiagnosticResult Request(int location, string handler = "Import")
        => new DiagnosticResult(Rules.RequestMayExceedLimit).WithLocation(location)
            .WithMessage("The request of '" + handler + "' may exceed the synchronous invoke limit of 6,291,456 bytes: Upload.Content: byte[]; pass a [ClaimCheckSerializer] class to LambdaBootstrapBuilder.Create instead of this serializer so callers can send large requests as a pointer to S3");

    /// <summary>Runs <typeparamref name="TAnalyzer"/> over <paramref name="program"/>, the types, and <c>Functions</c> when the program names it.</summary>
    private static async Task RunAsync<TAnalyzer>(string program, params DiagnosticResult[] expected)
        where TAnalyzer : Microsoft.CodeAnalysis.Diagnostics.DiagnosticAnalyzer, new()
    {
        // Functions' public methods take an ILambdaContext: unbound, they would be reported as classic handlers.
        string functions = program.Contains("new Functions()", System.StringComparison.Ordinal) ? Functions : string.Empty;
        var test = new PayloadGenAnalyzerTest<TAnalyzer>();
        test.TestState.Sources.Add(Usings + program + Types + functions);
        test.TestState.Sources.Add(("OffloadingSerializer.ClaimCheckSerializer.g.cs", GeneratedSerializer));
        test.ExpectedDiagnostics.AddRange(expected);
        await test.RunAsync();
    }
}

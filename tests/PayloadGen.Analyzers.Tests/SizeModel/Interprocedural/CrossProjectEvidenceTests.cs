using System;
using System.IO;
using System.Linq;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Testing;
using PayloadGen.Analyzers.Tests.Infrastructure;
using PayloadGen.Generators;
using PayloadGen.Generators.Analyzers;
using PayloadGen.Generators.Diagnostics;
using Xunit;

namespace PayloadGen.Analyzers.Tests.SizeModel.Interprocedural;

/// <summary>
/// Evidence in another project of the solution: a data library built with PayloadGen's generator carries its method
/// summaries as <c>[assembly: SizeEvidence(…)]</c>; a handler project that sees the library only as metadata uses
/// them. Two real compilations: the library emitted to an in-memory image, the handler referencing that image.
/// </summary>
public class CrossProjectEvidenceTests
{
    private const string Library = """
        using System.Collections.Generic;
        using System.Threading.Tasks;
        using Amazon.DynamoDBv2.DataModel;

        namespace Data;

        public class Product { public string Id { get; set; } = ""; public string Name { get; set; } = ""; }

        public interface IProductRepository
        {
            Task<List<Product>> GetAll();
            Task<List<Product>> FirstPage();
        }

        public class ProductRepository : IProductRepository
        {
            private readonly IDynamoDBContext _context;

            public ProductRepository(IDynamoDBContext context) => _context = context;

            public Task<List<Product>> GetAll() => ScanAll();

            public Task<List<Product>> FirstPage() => _context.QueryAsync<Product>("catalog", new QueryConfig { Limit = 20 }).GetNextSetAsync();

            private Task<List<Product>> ScanAll() => _context.ScanAsync<Product>(new List<ScanCondition>()).GetRemainingAsync();
        }
        """;

    private const string Handlers = """
        using System.Collections.Generic;
        using System.Threading.Tasks;
        using Amazon.Lambda.Core;
        using Data;

        public class Functions
        {
            private readonly IProductRepository _repository;

            public Functions(IProductRepository repository) => _repository = repository;

            public async Task<List<Product>> {|#0:GetProducts|}(ILambdaContext context) => await _repository.GetAll();

            public async Task<List<Product>> {|#1:FirstPage|}(ILambdaContext context) => await _repository.FirstPage();
        }
        """;

    [Fact]
    public void The_library_build_writes_the_summaries_of_its_methods_and_of_the_interface_they_implement()
    {
        (_, string generated) = BuildLibrary(withGenerator: true);

        Assert.Contains("[assembly: global::PayloadGen.SizeEvidence(\"M:Data.ProductRepository.GetAll\", \"DrainedPages\", \"GetRemainingAsync\", Subject = \"scan\", Path = new string[] { \"call:ProductRepository.ScanAll()\" })]", generated, StringComparison.Ordinal);
        Assert.Contains("[assembly: global::PayloadGen.SizeEvidence(\"M:Data.IProductRepository.GetAll\", \"DrainedPages\", \"GetRemainingAsync\", Subject = \"scan\", Path = new string[] { \"call:ProductRepository.ScanAll()\" })]", generated, StringComparison.Ordinal);
        Assert.Contains("[assembly: global::PayloadGen.SizeEvidence(\"M:Data.IProductRepository.FirstPage\", \"OnePage\", \"GetNextSetAsync\")]", generated, StringComparison.Ordinal);
        // Private helpers are summarized into their callers, never exported themselves.
        Assert.DoesNotContain("M:Data.ProductRepository.ScanAll", generated, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_handler_project_reads_the_librarys_evidence_through_metadata()
    {
        (MetadataReference library, _) = BuildLibrary(withGenerator: true);
        var test = new PayloadGenAnalyzerTest<ResponseSizeAnalyzer> { TestCode = Handlers };
        test.TestState.AdditionalReferences.Add(library);
        test.ExpectedDiagnostics.Add(new DiagnosticResult(Rules.ResponseLikelyExceedsLimit).WithLocation(0).WithMessage(
            "The response of 'GetProducts' is likely to exceed the synchronous invoke limit of 6,291,556 bytes: GetProducts() \u2192 IProductRepository.GetAll() \u2192 ProductRepository.ScanAll() \u2190 GetRemainingAsync drains every page of the DynamoDB scan; add [ClaimCheck] to offload large responses to S3"));
        // FirstPage: the library's summary says one page, so the type-only Info is silenced too.
        await test.RunAsync();
    }

    [Fact]
    public async Task Without_the_generator_in_the_library_the_handler_sees_types_only()
    {
        (MetadataReference library, string generated) = BuildLibrary(withGenerator: false);
        var test = new PayloadGenAnalyzerTest<ResponseSizeAnalyzer> { TestCode = Handlers };
        test.TestState.AdditionalReferences.Add(library);
        test.ExpectedDiagnostics.Add(new DiagnosticResult(Rules.ResponseMayExceedLimit).WithLocation(0).WithMessage(
            "The response of 'GetProducts' may exceed the synchronous invoke limit of 6,291,556 bytes: List<Product> (no bound); add [ClaimCheck] to offload large responses to S3"));
        test.ExpectedDiagnostics.Add(new DiagnosticResult(Rules.ResponseMayExceedLimit).WithLocation(1).WithMessage(
            "The response of 'FirstPage' may exceed the synchronous invoke limit of 6,291,556 bytes: List<Product> (no bound); add [ClaimCheck] to offload large responses to S3"));

        Assert.Empty(generated);
        await test.RunAsync();
    }

    private const string PagingLibrary = """
        using System.Collections.Generic;
        using System.Linq;

        namespace Data;

        public static class Paging
        {
            /// <summary>Whatever it is given, as a read-only list: as large as its argument.</summary>
            public static IReadOnlyList<T> Page<T>(IEnumerable<T> rows) => rows.ToList();

            /// <summary>At most twenty rows, whatever it is given.</summary>
            public static IReadOnlyList<T> FirstTwenty<T>(IEnumerable<T> rows) => rows.Take(20).ToList();
        }
        """;

    private const string PagingHandlers = """
        using System.Collections.Generic;
        using System.Linq;
        using System.Threading.Tasks;
        using Amazon.DynamoDBv2.DataModel;
        using Amazon.Lambda.Core;
        using Data;

        public class Row { public string Id { get; set; } = ""; }

        public class Functions(IDynamoDBContext context)
        {
            public async Task<IReadOnlyList<Row>> {|#0:All|}(ILambdaContext lambda) =>
                Paging.Page(await context.ScanAsync<Row>(new List<ScanCondition>()).GetRemainingAsync());

            public async Task<IReadOnlyList<Row>> OnePage(ILambdaContext lambda) =>
                Paging.Page(await context.QueryAsync<Row>("all", new QueryConfig { Limit = 20 }).GetNextSetAsync());

            public async Task<IReadOnlyList<Row>> Twenty(ILambdaContext lambda) =>
                Paging.FirstTwenty(await context.ScanAsync<Row>(new List<ScanCondition>()).GetRemainingAsync());
        }
        """;

    [Fact]
    public void The_library_build_writes_which_parameter_flows_into_a_result()
    {
        (_, string generated) = BuildLibrary(withGenerator: true, PagingLibrary);

        Assert.Contains("[assembly: global::PayloadGen.SizeEvidence(\"M:Data.Paging.Page``1(System.Collections.Generic.IEnumerable{``0})\", \"ParameterFlow\", \"0\")]", generated, StringComparison.Ordinal);
        Assert.Contains("[assembly: global::PayloadGen.SizeEvidence(\"M:Data.Paging.FirstTwenty``1(System.Collections.Generic.IEnumerable{``0})\", \"BoundingOperator\", \"Take(20)\")]", generated, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_library_method_returning_its_parameters_content_is_followed_into_the_handlers_argument()
    {
        (MetadataReference library, _) = BuildLibrary(withGenerator: true, PagingLibrary);
        var test = new PayloadGenAnalyzerTest<ResponseSizeAnalyzer> { TestCode = PagingHandlers };
        test.TestState.AdditionalReferences.Add(library);
        test.ExpectedDiagnostics.Add(new DiagnosticResult(Rules.ResponseLikelyExceedsLimit).WithLocation(0).WithMessage(
            "The response of 'All' is likely to exceed the synchronous invoke limit of 6,291,556 bytes: All() \u2192 Paging.Page(rows) \u2190 GetRemainingAsync drains every page of the DynamoDB scan; add [ClaimCheck] to offload large responses to S3"));
        // OnePage passes one page through Page: bounded by its argument. Twenty is bounded by the library's Take(20).
        await test.RunAsync();
    }

    private const string ResponsesLibrary = """
        using Amazon.Lambda.APIGatewayEvents;

        namespace Data;

        public static class Responses
        {
            /// <summary>The shared response helper of many samples: serializes whatever body it is given.</summary>
            public static APIGatewayProxyResponse Ok(object body) => new() { StatusCode = 200, Body = System.Text.Json.JsonSerializer.Serialize(body) };
        }
        """;

    private const string ResponsesHandlers = """
        using System.Collections.Generic;
        using System.Threading.Tasks;
        using Amazon.DynamoDBv2.DataModel;
        using Amazon.Lambda.APIGatewayEvents;
        using Amazon.Lambda.Core;
        using Data;

        public class Row { public string Id { get; set; } = ""; }

        public class Functions(IDynamoDBContext context)
        {
            private readonly List<Row> _cached = new();

            public async Task<APIGatewayProxyResponse> {|#0:All|}(APIGatewayProxyRequest request, ILambdaContext lambda) =>
                Responses.Ok(await context.ScanAsync<Row>(new List<ScanCondition>()).GetRemainingAsync());

            public async Task<APIGatewayProxyResponse> One(APIGatewayProxyRequest request, ILambdaContext lambda) =>
                Responses.Ok(await context.LoadAsync<Row>(request.Path));

            public APIGatewayProxyResponse {|#1:Cached|}(APIGatewayProxyRequest request, ILambdaContext lambda) => Responses.Ok(_cached);
        }
        """;

    [Fact]
    public void The_library_build_writes_which_parameter_a_helper_serializes()
    {
        (_, string generated) = BuildLibrary(withGenerator: true, ResponsesLibrary);

        Assert.Contains("[assembly: global::PayloadGen.SizeEvidence(\"M:Data.Responses.Ok(System.Object)\", \"SerializedParameter\", \"0\")]", generated, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_library_response_helper_serializing_its_argument_is_judged_by_the_handlers_argument()
    {
        (MetadataReference library, _) = BuildLibrary(withGenerator: true, ResponsesLibrary);
        var test = new PayloadGenAnalyzerTest<ResponseSizeAnalyzer> { TestCode = ResponsesHandlers };
        test.TestState.AdditionalReferences.Add(library);
        test.ExpectedDiagnostics.Add(new DiagnosticResult(Rules.ResponseLikelyExceedsLimit).WithLocation(0).WithMessage(
            "The response of 'All' is likely to exceed the API Gateway limit of 6,291,556 bytes: All() \u2192 Responses.Ok(body) \u2190 APIGatewayProxyResponse.Body \u2190 GetRemainingAsync drains every page of the DynamoDB scan; add [ClaimCheck] to answer large bodies with a redirect to a copy in S3"));
        // One item is bounded; a list of unknown origin is a type-only suspicion, as with a helper of the same project.
        test.ExpectedDiagnostics.Add(new DiagnosticResult(Rules.ResponseMayExceedLimit).WithLocation(1).WithMessage(
            "The response of 'Cached' may exceed the API Gateway limit of 6,291,556 bytes: List<Row> (no bound); add [ClaimCheck] to answer large bodies with a redirect to a copy in S3"));
        await test.RunAsync();
    }

    [Fact]
    public async Task Attributes_written_before_parameter_flows_were_exported_are_still_read_and_unknown_ones_skipped()
    {
        // What an earlier PayloadGen wrote (evidence only, no ParameterFlow), plus attributes a reader cannot use.
        const string written = """
            [assembly: PayloadGen.SizeEvidence("M:Data.ProductRepository.GetAll", "DrainedPages", "GetRemainingAsync", Subject = "scan", Path = new string[] { "call:ProductRepository.ScanAll()" })]
            [assembly: PayloadGen.SizeEvidence("M:Data.IProductRepository.FirstPage", "OnePage", "GetNextSetAsync")]
            [assembly: PayloadGen.SizeEvidence("M:Data.IProductRepository.GetAll", "ParameterFlow", "not an ordinal")]
            [assembly: PayloadGen.SizeEvidence("M:Data.IProductRepository.GetAll", "DrainedPages", "GetRemainingAsync", Subject = "scan")]
            """;
        (MetadataReference library, string generated) = BuildLibrary(withGenerator: false, Library.Replace("namespace Data;", written + "namespace Data;", StringComparison.Ordinal));
        var test = new PayloadGenAnalyzerTest<ResponseSizeAnalyzer> { TestCode = Handlers };
        test.TestState.AdditionalReferences.Add(library);
        test.ExpectedDiagnostics.Add(new DiagnosticResult(Rules.ResponseLikelyExceedsLimit).WithLocation(0).WithMessage(
            "The response of 'GetProducts' is likely to exceed the synchronous invoke limit of 6,291,556 bytes: GetProducts() \u2192 IProductRepository.GetAll() \u2190 GetRemainingAsync drains every page of the DynamoDB scan; add [ClaimCheck] to offload large responses to S3"));

        Assert.Empty(generated);
        await test.RunAsync();
    }

    /// <summary>Compiles the library (optionally running PayloadGen's generator over it) and emits it to an in-memory image.</summary>
    private static (MetadataReference Reference, string Generated) BuildLibrary(bool withGenerator, string source = Library)
    {
        CSharpCompilation compilation = CSharpCompilation.Create(
            "Data",
            [CSharpSyntaxTree.ParseText(source, new CSharpParseOptions(LanguageVersion.Latest))],
            TestReferences.All,
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable));
        string generated = string.Empty;
        if (withGenerator)
        {
            GeneratorDriver driver = CSharpGeneratorDriver.Create(new ClaimCheckGenerator())
                .RunGeneratorsAndUpdateCompilation(compilation, out Compilation updated, out _);
            compilation = (CSharpCompilation)updated;
            generated = string.Concat(driver.GetRunResult().GeneratedTrees.Select(tree => tree.ToString()));
        }

        using var image = new MemoryStream();
        Microsoft.CodeAnalysis.Emit.EmitResult result = compilation.Emit(image);
        Assert.True(result.Success, string.Join(Environment.NewLine, result.Diagnostics));
        return (MetadataReference.CreateFromImage(image.ToArray()), generated);
    }
}

using System.Threading.Tasks;
using Microsoft.CodeAnalysis.Testing;
using PayloadGen.Analyzers.Tests.Infrastructure;
using PayloadGen.Generators.Analyzers;
using PayloadGen.Generators.Diagnostics;
using Xunit;
using static PayloadGen.Analyzers.Tests.Infrastructure.ResponseDiagnostics;

namespace PayloadGen.Analyzers.Tests.Size;

/// <summary>
/// Evidence where real code puts it (DESIGN §6, issue 7): in private helpers chosen by a switch, in local functions,
/// in services and repositories of the compilation reached through a field, a constructor-injected interface with
/// one implementation or <c>GetRequiredService</c>, and in a proxy response assigned in a <c>try</c> or an <c>if</c>.
/// Each message names the path through the methods.
/// </summary>
public class InterproceduralEvidenceTests
{
    private const string Usings = """
        using System;
        using System.Collections.Generic;
        using System.IO;
        using System.Linq;
        using System.Text.Json;
        using System.Threading.Tasks;
        using Amazon.DynamoDBv2.DataModel;
        using Amazon.Lambda.APIGatewayEvents;
        using Amazon.Lambda.Core;
        using Microsoft.Extensions.DependencyInjection;
        using Newtonsoft.Json;

        public class Product { public string Id { get; set; } = ""; public string Name { get; set; } = ""; }

        """;


    private static PayloadGenAnalyzerTest<ResponseSizeAnalyzer> Test(string source) => new() { TestCode = Usings + source };

    [Fact]
    public async Task A_helper_chosen_by_a_switch_on_an_action_field_is_followed()
    {
        var test = Test("""
            public class Request { public string Action { get; set; } = ""; public string Path { get; set; } = ""; }
            public class Functions
            {
                public APIGatewayProxyResponse {|#0:Handle|}(Request request, ILambdaContext context) => request.Action switch
                {
                    "read" => HandleRead(request),
                    "ping" => new APIGatewayProxyResponse { StatusCode = 200, Body = "pong" },
                    _ => new APIGatewayProxyResponse { StatusCode = 400 },
                };

                private static APIGatewayProxyResponse HandleRead(Request request) =>
                    new() { StatusCode = 200, Body = File.ReadAllText(request.Path) };
            }
            """);
        test.ExpectedDiagnostics.Add(Likely(0, "Handle", "Handle() \u2192 Functions.HandleRead() \u2190 APIGatewayProxyResponse.Body \u2190 File.ReadAllText reads a whole file", ApiGateway, action: Redirect));
        await test.RunAsync();
    }

    [Fact]
    public async Task A_local_function_is_followed()
    {
        var test = Test("""
            public class Functions
            {
                public string {|#0:Export|}(string path, ILambdaContext context)
                {
                    return Load();

                    string Load() => string.Join("\n", File.ReadLines(path));
                }
            }
            """);
        test.ExpectedDiagnostics.Add(Likely(0, "Export", "Export() \u2192 Load() \u2190 File.ReadLines reads a whole file"));
        await test.RunAsync();
    }

    [Fact]
    public async Task A_repository_behind_a_constructor_injected_interface_with_one_implementation_is_followed()
    {
        var test = Test("""
            public interface IProductRepository { Task<List<Product>> GetAll(); Task<Product?> Get(string id); }
            public class ProductRepository : IProductRepository
            {
                private readonly IDynamoDBContext _context;
                public ProductRepository(IDynamoDBContext context) => _context = context;
                public Task<List<Product>> GetAll() => _context.ScanAsync<Product>(new List<ScanCondition>()).GetRemainingAsync();
                public Task<Product?> Get(string id) => _context.LoadAsync<Product?>(id);
            }
            public class ProductService
            {
                private readonly IProductRepository _repository;
                public ProductService(IProductRepository repository) => _repository = repository;
                public async Task<string> ProductsJson() => JsonConvert.SerializeObject(await _repository.GetAll());
            }
            public class Functions
            {
                private readonly ProductService _service;
                private readonly IProductRepository _repository;
                public Functions(ProductService service, IProductRepository repository) { _service = service; _repository = repository; }

                public async Task<List<Product>> {|#0:GetProducts|}(ILambdaContext context) => await _repository.GetAll();

                public async Task<Product?> GetProduct(string id, ILambdaContext context) => await _repository.Get(id);

                public async Task<APIGatewayProxyResponse> {|#1:GetProductsPage|}(APIGatewayProxyRequest request, ILambdaContext context) =>
                    new() { StatusCode = 200, Body = await _service.ProductsJson() };
            }
            """);
        test.ExpectedDiagnostics.Add(Likely(0, "GetProducts", "GetProducts() \u2192 ProductRepository.GetAll() \u2190 GetRemainingAsync drains every page of the DynamoDB scan"));
        test.ExpectedDiagnostics.Add(Likely(1, "GetProductsPage", "APIGatewayProxyResponse.Body \u2190 GetProductsPage() \u2192 ProductService.ProductsJson() \u2192 ProductRepository.GetAll() \u2190 GetRemainingAsync drains every page of the DynamoDB scan", ApiGateway, action: Redirect));
        await test.RunAsync();
    }

    [Fact]
    public async Task A_service_resolved_with_GetRequiredService_is_followed()
    {
        var test = Test("""
            public interface IExportStore { string ReadAll(string name); }
            public sealed class FileExportStore : IExportStore { public string ReadAll(string name) => File.ReadAllText(name); }
            public class Functions
            {
                private static readonly IServiceProvider Services = new ServiceCollection().AddSingleton<IExportStore, FileExportStore>().BuildServiceProvider();

                public string {|#0:Export|}(string name, ILambdaContext context) => Services.GetRequiredService<IExportStore>().ReadAll(name);
            }
            """);
        test.ExpectedDiagnostics.Add(Likely(0, "Export", "Export() \u2192 FileExportStore.ReadAll() \u2190 File.ReadAllText reads a whole file"));
        await test.RunAsync();
    }

    [Fact]
    public async Task An_interface_with_two_implementations_is_not_assumed_to_be_either()
    {
        var test = Test("""
            public interface IExportStore { string ReadAll(string name); }
            public sealed class FileExportStore : IExportStore { public string ReadAll(string name) => File.ReadAllText(name); }
            public sealed class CachedExportStore : IExportStore { public string ReadAll(string name) => name; }
            public class Functions
            {
                private readonly IExportStore _store = new CachedExportStore();
                public string Export(string name, ILambdaContext context) => _store.ReadAll(name);
            }
            """);
        await test.RunAsync();
    }

    [Fact]
    public async Task With_two_implementations_a_field_the_code_fills_with_one_of_them_runs_that_one()
    {
        var test = Test("""
            public interface IExportStore { string ReadAll(string name); }
            public sealed class FileExportStore : IExportStore { public string ReadAll(string name) => File.ReadAllText(name); }
            public sealed class CachedExportStore : IExportStore { public string ReadAll(string name) => name; }
            public class Functions
            {
                private readonly IExportStore _files = new FileExportStore();
                private readonly IExportStore _cache;
                private readonly IExportStore _either;

                public Functions(bool cached)
                {
                    _cache = new CachedExportStore();
                    _either = cached ? new CachedExportStore() : new FileExportStore();
                }

                public string {|#0:Export|}(string name, ILambdaContext context) => _files.ReadAll(name);

                public string Cached(string name, ILambdaContext context) => _cache.ReadAll(name);

                public string Either(string name, ILambdaContext context) => _either.ReadAll(name);
            }
            """);
        test.ExpectedDiagnostics.Add(Likely(0, "Export", "Export() \u2192 FileExportStore.ReadAll() \u2190 File.ReadAllText reads a whole file"));
        await test.RunAsync();
    }

    [Fact]
    public async Task With_two_implementations_the_one_registered_in_the_container_is_followed()
    {
        var test = Test("""
            public interface IExportStore { string ReadAll(string name); }
            public sealed class FileExportStore : IExportStore { public string ReadAll(string name) => File.ReadAllText(name); }
            public sealed class NullExportStore : IExportStore { public string ReadAll(string name) => name; }
            public class Functions
            {
                private static readonly IServiceProvider Services = new ServiceCollection().AddScoped<IExportStore, FileExportStore>().BuildServiceProvider();

                public string {|#0:Export|}(string name, ILambdaContext context) => Services.GetService<IExportStore>()!.ReadAll(name);
            }
            """);
        test.ExpectedDiagnostics.Add(Likely(0, "Export", "Export() \u2192 FileExportStore.ReadAll() \u2190 File.ReadAllText reads a whole file"));
        await test.RunAsync();
    }

    [Fact]
    public async Task A_generic_repository_behind_its_constructed_interface_is_followed()
    {
        var test = Test("""
            public interface IRepository<T> { Task<List<T>> GetAllAsync(); }
            public class DynamoRepository<T>(IDynamoDBContext context) : IRepository<T>
            {
                public Task<List<T>> GetAllAsync() => context.ScanAsync<T>(new List<ScanCondition>()).GetRemainingAsync();
            }
            public class Functions(IRepository<Product> products)
            {
                public async Task<List<Product>> {|#0:All|}(ILambdaContext context) => await products.GetAllAsync();
            }
            """);
        test.ExpectedDiagnostics.Add(Likely(0, "All", "All() \u2192 DynamoRepository.GetAllAsync() \u2190 GetRemainingAsync drains every page of the DynamoDB scan"));
        await test.RunAsync();
    }

    [Fact]
    public async Task A_helper_that_loops_over_its_parameter_carries_the_callers_argument()
    {
        var test = Test("""
            public class Functions
            {
                private readonly IDynamoDBContext _context = null!;

                public async Task<APIGatewayProxyResponse> {|#0:Csv|}(APIGatewayProxyRequest request, ILambdaContext context) =>
                    new() { StatusCode = 200, Body = BuildCsv(await _context.ScanAsync<Product>(new List<ScanCondition>()).GetRemainingAsync()) };

                public async Task<APIGatewayProxyResponse> CsvPage(APIGatewayProxyRequest request, ILambdaContext context) =>
                    new() { StatusCode = 200, Body = BuildCsv(await _context.QueryAsync<Product>("all", new QueryConfig { Limit = 50 }).GetNextSetAsync()) };

                private static string BuildCsv(List<Product> products)
                {
                    var csv = new System.Text.StringBuilder("id,name\n");
                    foreach (Product product in products)
                    {
                        csv.Append(product.Id).Append(',').AppendLine(product.Name);
                    }

                    return csv.ToString();
                }
            }
            """);
        test.ExpectedDiagnostics.Add(Likely(0, "Csv", "APIGatewayProxyResponse.Body \u2190 Csv() \u2192 Functions.BuildCsv(products) \u2190 GetRemainingAsync drains every page of the DynamoDB scan", ApiGateway, action: Redirect));
        await test.RunAsync();
    }

    [Fact]
    public async Task A_value_passed_through_a_service_to_a_formatter_names_both_hops_with_their_parameters()
    {
        var test = Test("""
            public static class CsvFormatter
            {
                public static string Write(IEnumerable<Product> items)
                {
                    var csv = new System.Text.StringBuilder("id,name\n");
                    foreach (Product item in items)
                    {
                        csv.Append(item.Id).Append(',').AppendLine(item.Name);
                    }

                    return csv.ToString();
                }
            }
            public class ExportService
            {
                public string Export(List<Product> rows) => CsvFormatter.Write(rows);
            }
            public class Functions
            {
                private readonly IDynamoDBContext _context = null!;
                private readonly ExportService _exports = new();

                public async Task<APIGatewayProxyResponse> {|#0:Csv|}(APIGatewayProxyRequest request, ILambdaContext context) =>
                    new() { StatusCode = 200, Body = _exports.Export(await _context.ScanAsync<Product>(new List<ScanCondition>()).GetRemainingAsync()) };

                public async Task<APIGatewayProxyResponse> CsvPage(APIGatewayProxyRequest request, ILambdaContext context) =>
                    new() { StatusCode = 200, Body = _exports.Export(await _context.QueryAsync<Product>("all", new QueryConfig { Limit = 50 }).GetNextSetAsync()) };
            }
            """);
        test.ExpectedDiagnostics.Add(Likely(0, "Csv", "APIGatewayProxyResponse.Body \u2190 Csv() \u2192 ExportService.Export(rows) \u2192 CsvFormatter.Write(items) \u2190 GetRemainingAsync drains every page of the DynamoDB scan", ApiGateway, action: Redirect));
        await test.RunAsync();
    }

    [Fact]
    public async Task A_proxy_response_assigned_in_a_try_or_an_if_and_returned_later_is_followed()
    {
        var test = Test("""
            public class Functions
            {
                public APIGatewayProxyResponse {|#0:InTry|}(APIGatewayProxyRequest request, ILambdaContext context)
                {
                    APIGatewayProxyResponse response;
                    try
                    {
                        response = new APIGatewayProxyResponse { StatusCode = 200, Body = File.ReadAllText(request.Path) };
                    }
                    catch (IOException)
                    {
                        response = new APIGatewayProxyResponse { StatusCode = 500 };
                    }

                    return response;
                }

                public APIGatewayProxyResponse {|#1:InIf|}(APIGatewayProxyRequest request, ILambdaContext context)
                {
                    var response = new APIGatewayProxyResponse { StatusCode = 404 };
                    if (File.Exists(request.Path))
                    {
                        response.StatusCode = 200;
                        response.Body = JsonConvert.SerializeObject(File.ReadAllLines(request.Path));
                    }

                    return response;
                }
            }
            """);
        test.ExpectedDiagnostics.Add(Likely(0, "InTry", "APIGatewayProxyResponse.Body \u2190 File.ReadAllText reads a whole file", ApiGateway, action: Redirect));
        test.ExpectedDiagnostics.Add(Likely(1, "InIf", "APIGatewayProxyResponse.Body \u2190 File.ReadAllLines reads a whole file", ApiGateway, action: Redirect));
        await test.RunAsync();
    }

    [Fact]
    public async Task A_helper_that_wraps_its_argument_passes_the_arguments_evidence_and_bounds_through()
    {
        var test = Test("""
            public class Envelope<T> { public T Data { get; set; } = default!; }
            public class Functions
            {
                private readonly IDynamoDBContext _context = null!;

                public async Task<Envelope<List<Product>>> {|#0:All|}(ILambdaContext context) =>
                    Wrap(await _context.ScanAsync<Product>(new List<ScanCondition>()).GetRemainingAsync());

                public Envelope<List<Product>> Featured(ILambdaContext context) => Wrap(new[] { new Product { Id = "1" } }.ToList());

                private static Envelope<T> Wrap<T>(T data) => new() { Data = data };
            }
            """);
        test.ExpectedDiagnostics.Add(Likely(0, "All", "All() \u2192 Functions.Wrap(data) \u2190 Envelope.Data \u2190 GetRemainingAsync drains every page of the DynamoDB scan"));
        await test.RunAsync();
    }

    [Fact]
    public async Task Recursive_and_deep_call_chains_end_without_evidence_and_without_hanging()
    {
        var test = Test("""
            public class Functions
            {
                public string Recursive(string path, ILambdaContext context) => Again(path, 0);

                private string Again(string path, int depth) => depth > 3 ? path : Again(path, depth + 1);

                public string Deep(string path, ILambdaContext context) => One(path);
                private static string One(string path) => Two(path);
                private static string Two(string path) => Three(path);
                private static string Three(string path) => Four(path);
                private static string Four(string path) => Five(path);
                private static string Five(string path) => File.ReadAllText(path);
            }
            """);
        await test.RunAsync();
    }
}

// Modelled on aws-samples/serverless-dotnet-demo: one function class per endpoint over a DAO, a DI constructor next to
// the parameterless one Lambda uses, records as payloads, a file-scoped namespace and a using alias.
using System.Collections.ObjectModel;
using Amazon.Lambda.APIGatewayEvents;
using Rows = System.Collections.Generic.List<ServerlessDemo.Products.ProductRow>;

namespace ServerlessDemo.Products;

public sealed record Product(string Id, string Name, decimal Price);

public sealed record ProductRow(string Id, string Name);

public sealed class ProductWrapper
{
    public List<Product> Products { get; set; } = new();
}

public sealed class ProductQuery
{
    public string? NameStartsWith { get; set; }
    public int Limit { get; set; } = 20;
}

public interface IProductsDao
{
    Task<Product?> GetProduct(string id, CancellationToken cancellationToken);
    Task<ProductWrapper> GetAllProducts(CancellationToken cancellationToken);
    Task PutProduct(Product product, CancellationToken cancellationToken);
}

public sealed class InMemoryProductsDao : IProductsDao
{
    private static readonly List<Product> s_products = new()
    {
        new Product("p-1", "Anvil", 19.99m),
        new Product("p-2", "Bellows", 45.50m),
    };

    public Task<Product?> GetProduct(string id, CancellationToken cancellationToken)
        => Task.FromResult(s_products.FirstOrDefault(product => product.Id == id));

    public Task<ProductWrapper> GetAllProducts(CancellationToken cancellationToken)
        => Task.FromResult(new ProductWrapper { Products = s_products.ToList() });

    public Task PutProduct(Product product, CancellationToken cancellationToken)
    {
        s_products.Add(product);
        return Task.CompletedTask;
    }
}

public partial class GetProductsFunction
{
    private readonly IProductsDao _dao;

    public GetProductsFunction() : this(new InMemoryProductsDao()) { }

    public GetProductsFunction(IProductsDao dao) => _dao = dao;

    // expect: wrap -- no payload parameter, only ILambdaContext (README: "none is allowed"); Task<T>
    [ClaimCheck]
    public async Task<ProductWrapper> GetAll(ILambdaContext context)
    {
        context.Logger.LogLine("listing products");
        return await _dao.GetAllProducts(CancellationToken.None);
    }

    // expect: wrap -- HTTP handler, REST proxy response inferred from the return type (README "HTTP handlers")
    [ClaimCheck]
    public async Task<APIGatewayProxyResponse> GetProduct(APIGatewayProxyRequest request, ILambdaContext context)
    {
        Product? product = await _dao.GetProduct(request.PathParameters["id"], CancellationToken.None);
        return product is null
            ? new APIGatewayProxyResponse { StatusCode = 404, Body = "Product not found" }
            : new APIGatewayProxyResponse
            {
                StatusCode = 200,
                Headers = new Dictionary<string, string> { ["Content-Type"] = "application/json" },
                Body = System.Text.Json.JsonSerializer.Serialize(product),
            };
    }

    // expect: wrap -- Task without response, payload then token
    [ClaimCheck(Source = PayloadSource.AsyncInvoke)]
    public Task PutProduct(Product product, CancellationToken cancellationToken) => _dao.PutProduct(product, cancellationToken);

    // expect: wrap -- ValueTask<IReadOnlyList<T>>
    [ClaimCheck]
    public async ValueTask<IReadOnlyList<Product>> Search(ProductQuery query)
    {
        ProductWrapper all = await _dao.GetAllProducts(CancellationToken.None);
        return new ReadOnlyCollection<Product>(all.Products
            .Where(product => query.NameStartsWith is null || product.Name.StartsWith(query.NameStartsWith, StringComparison.Ordinal))
            .Take(query.Limit)
            .ToList());
    }

    // expect: wrap -- response type spelled through a using alias; CancellationToken before ILambdaContext; no payload
    [ClaimCheck]
    public Rows ListRows(CancellationToken cancellationToken, ILambdaContext context)
        => new() { new ProductRow("p-1", context.FunctionName), new ProductRow("p-2", cancellationToken.CanBeCanceled ? "deadline" : "none") };
}

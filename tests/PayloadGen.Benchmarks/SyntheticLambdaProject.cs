using System.Collections.Generic;
using System.Globalization;
using System.Linq;

namespace PayloadGen.Benchmarks;

/// <summary>
/// The source of a Lambda project with many handlers, for measuring build cost: each handler is a "feature" with its
/// entity, EF Core context, repository interface and implementation, and a function class, in the handler styles of
/// the precision corpus (classic proxy handlers, Annotations, action dispatch to helpers, DynamoDB, CSV exports, SQS
/// producers and <c>[ClaimCheck]</c> handlers that the generator wraps). Half the handlers are bounded, half are not.
/// </summary>
internal static class SyntheticLambdaProject
{
    private const int FeaturesPerFile = 10;

    private const string Usings = """
        using System;
        using System.Collections.Generic;
        using System.Linq;
        using System.Text;
        using System.Text.Json;
        using System.Threading;
        using System.Threading.Tasks;
        using Amazon.DynamoDBv2.DataModel;
        using Amazon.Lambda.Annotations;
        using Amazon.Lambda.Annotations.APIGateway;
        using Amazon.Lambda.APIGatewayEvents;
        using Amazon.Lambda.Core;
        using Amazon.SQS;
        using Microsoft.EntityFrameworkCore;
        using PayloadGen;

        """;

    /// <summary>One source file per ten handlers, as (path, text).</summary>
    public static IReadOnlyList<(string Path, string Text)> Sources(int handlers) =>
        Enumerable.Range(0, (handlers + FeaturesPerFile - 1) / FeaturesPerFile)
            .Select(file => (
                $"Features{file:D3}.cs",
                Usings + string.Concat(Enumerable.Range(file * FeaturesPerFile, System.Math.Min(FeaturesPerFile, handlers - (file * FeaturesPerFile))).Select(Feature))))
            .ToList();

    private static string Feature(int i) => Handler(i).Replace("$N", i.ToString(CultureInfo.InvariantCulture), System.StringComparison.Ordinal);

    /// <summary>The shared layers of a feature, then one of ten handler styles.</summary>
    private static string Handler(int i) => """
        namespace Synthetic.Feature$N
        {
            public class Item$N
            {
                public int Id { get; set; }
                public int OwnerId { get; set; }
                public string Name { get; set; } = "";
                public decimal Price { get; set; }
                public DateTime Created { get; set; }
            }

            public class Db$N : DbContext
            {
                public DbSet<Item$N> Items { get; set; } = null!;
            }

            public interface IRepository$N
            {
                Task<List<Item$N>> AllAsync();
                Task<List<Item$N>> PageAsync(int page);
                Task<Item$N?> FindAsync(int id);
            }

            public class Repository$N(Db$N db) : IRepository$N
            {
                public Task<List<Item$N>> AllAsync() => db.Items.ToListAsync();
                public Task<List<Item$N>> PageAsync(int page) => db.Items.OrderBy(i => i.Id).Skip(page * 20).Take(20).ToListAsync();
                public async Task<Item$N?> FindAsync(int id) => await db.Items.FindAsync(id);
            }

        """ + (i % 10) switch
    {
        0 => """
                public class Functions$N
                {
                    private readonly IRepository$N _repository = new Repository$N(new Db$N());

                    public async Task<APIGatewayProxyResponse> Export(APIGatewayProxyRequest request, ILambdaContext context) =>
                        new() { StatusCode = 200, Body = JsonSerializer.Serialize(await _repository.AllAsync()) };
                }
            }

            """,
        1 => """
                public class Functions$N
                {
                    private readonly Db$N _db = new();

                    public async Task<APIGatewayProxyResponse> Recent(APIGatewayProxyRequest request, ILambdaContext context) =>
                        new() { StatusCode = 200, Body = JsonSerializer.Serialize(await _db.Items.OrderByDescending(i => i.Created).Take(20).ToListAsync()) };
                }
            }

            """,
        2 => """
                public class Functions$N
                {
                    private readonly IDynamoDBContext _dynamo = null!;

                    public async Task<List<Item$N>> All(string owner, ILambdaContext context) =>
                        await _dynamo.QueryAsync<Item$N>(owner).GetRemainingAsync();
                }
            }

            """,
        3 => """
                public class Report$N
                {
                    public string Title { get; set; } = "";
                    public List<Item$N> Rows { get; set; } = [];
                }

                public partial class Functions$N
                {
                    private readonly Db$N _db = new();

                    [ClaimCheck]
                    public async Task<Report$N> Build(string title, ILambdaContext context, CancellationToken cancellationToken) =>
                        new() { Title = title, Rows = await _db.Items.ToListAsync(cancellationToken) };
                }
            }

            """,
        4 => """
                public class Functions$N
                {
                    private readonly IDynamoDBContext _dynamo = null!;

                    public async Task<APIGatewayHttpApiV2ProxyResponse> One(APIGatewayHttpApiV2ProxyRequest request, ILambdaContext context) =>
                        await _dynamo.LoadAsync<Item$N>(request.RawPath) is { } item
                            ? new APIGatewayHttpApiV2ProxyResponse { StatusCode = 200, Body = JsonSerializer.Serialize(item) }
                            : new APIGatewayHttpApiV2ProxyResponse { StatusCode = 404 };
                }
            }

            """,
        5 => """
                public class Functions$N
                {
                    private readonly IRepository$N _repository = new Repository$N(new Db$N());

                    public async Task<string> Csv(ILambdaContext context)
                    {
                        var csv = new StringBuilder("id,name,price\n");
                        foreach (Item$N item in await _repository.AllAsync())
                        {
                            csv.Append(item.Id).Append(',').Append(item.Name).Append(',').Append(item.Price).Append('\n');
                        }

                        return csv.ToString();
                    }
                }
            }

            """,
        6 => """
                public class Functions$N
                {
                    private readonly IRepository$N _repository = new Repository$N(new Db$N());
                    private readonly IAmazonSQS _sqs = null!;

                    public async Task Forward(int id, ILambdaContext context) =>
                        await _sqs.SendMessageAsync("https://sqs/queue$N", JsonSerializer.Serialize(await _repository.FindAsync(id)));
                }
            }

            """,
        7 => """
                public class Functions$N(IRepository$N repository)
                {
                    [LambdaFunction]
                    [HttpApi(LambdaHttpMethod.Get, "/items$N/page/{page}")]
                    public async Task<IHttpResult> Page([FromRoute] int page) => HttpResults.Ok(await repository.PageAsync(page));
                }
            }

            """,
        8 => """
                public class Command$N
                {
                    public string Action { get; set; } = "";
                    public int Id { get; set; }
                }

                public class Functions$N
                {
                    private readonly IRepository$N _repository = new Repository$N(new Db$N());

                    public async Task<APIGatewayProxyResponse> Handle(Command$N command, ILambdaContext context) => command.Action switch
                    {
                        "one" => await One(command.Id),
                        "all" => await All(),
                        _ => new APIGatewayProxyResponse { StatusCode = 400 },
                    };

                    private async Task<APIGatewayProxyResponse> One(int id) =>
                        new() { StatusCode = 200, Body = JsonSerializer.Serialize(await _repository.FindAsync(id)) };

                    private async Task<APIGatewayProxyResponse> All() =>
                        new() { StatusCode = 200, Body = JsonSerializer.Serialize(await _repository.AllAsync()) };
                }
            }

            """,
        _ => """
                public class Import$N
                {
                    public string Source { get; set; } = "";
                    public List<Item$N> Items { get; set; } = [];
                }

                public partial class Functions$N
                {
                    private readonly Db$N _db = new();

                    [ClaimCheck(Source = PayloadSource.Sqs)]
                    public async Task Import(Import$N import, CancellationToken cancellationToken)
                    {
                        foreach (Item$N item in import.Items)
                        {
                            _db.Items.Add(item);
                        }

                        await _db.SaveChangesAsync(cancellationToken);
                    }
                }
            }

            """,
    };
}

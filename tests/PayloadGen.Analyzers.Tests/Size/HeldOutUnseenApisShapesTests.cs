using System.Threading.Tasks;
using Microsoft.CodeAnalysis.Testing;
using PayloadGen.Analyzers.Tests.Infrastructure;
using PayloadGen.Generators.Analyzers;
using PayloadGen.Generators.Diagnostics;
using Xunit;
using static PayloadGen.Analyzers.Tests.Infrastructure.ResponseDiagnostics;

namespace PayloadGen.Analyzers.Tests.Size;

/// <summary>
/// Shapes the sixth held-out file (Corpus/HeldOutUnseenApis.cs.txt, docs/rules/precision.md) exposed: text joined with
/// <c>+</c> or interpolation around a drained search, a serializer held as a method group in a delegate field, an EF
/// query streamed with <c>AsAsyncEnumerable</c> into a list by <c>await foreach</c>, a plain <c>[ApiController]</c>
/// class that derives from nothing, and MediatR requests sent to their one handler. Each with its bounded twin, which
/// must stay silent.
/// </summary>
public class HeldOutUnseenApisShapesTests
{
    private const string Usings = """
        using System;
        using System.Collections.Generic;
        using System.Linq;
        using System.Text.Json;
        using System.Threading;
        using System.Threading.Tasks;
        using Amazon.DynamoDBv2;
        using Amazon.DynamoDBv2.DocumentModel;
        using Amazon.Lambda.Core;
        using MediatR;
        using Microsoft.AspNetCore.Mvc;
        using Microsoft.EntityFrameworkCore;

        """;

    private const string Model = """

        public class Voyage { public int Id { get; set; } public string Vessel { get; set; } = ""; }
        public class PortDb : DbContext { public DbSet<Voyage> Voyages { get; set; } = null!; }
        """;


    private static PayloadGenAnalyzerTest<ResponseSizeAnalyzer> Responses(string code) => new() { TestCode = Usings + code + Model };

    [Fact]
    public async Task Text_concatenated_or_interpolated_around_a_drained_search_is_likely()
    {
        var test = Responses("""
            public class Documents
            {
                private readonly Table _table = null!;

                public async Task<string> {|#0:Concatenated|}(ILambdaContext context)
                {
                    List<Document> documents = await _table.Scan(new ScanFilter()).GetRemainingAsync();
                    return "[" + string.Join(",", documents.Select(d => d.ToJson())) + "]";
                }

                public async Task<string> {|#1:Interpolated|}(ILambdaContext context)
                {
                    List<Document> documents = await _table.Scan(new ScanFilter()).GetRemainingAsync();
                    return $"{{\"items\":[{string.Join(",", documents.Select(d => d.ToJson()))}]}}";
                }

                // A list in a concatenation is formatted by its ToString(): its type name, not its items.
                public async Task<string> Described(ILambdaContext context)
                {
                    List<Document> documents = await _table.Scan(new ScanFilter()).GetRemainingAsync();
                    return "documents: " + documents + $" of {documents}";
                }

                public async Task<string> OnePage(ILambdaContext context)
                {
                    List<Document> page = await _table.Scan(new ScanOperationConfig { Limit = 25 }).GetNextSetAsync();
                    return "[" + string.Join(",", page.Select(d => d.ToJson())) + "]" + $" ({page.Count} items)";
                }
            }
            """);
        test.ExpectedDiagnostics.Add(Likely(0, "Concatenated", "GetRemainingAsync drains every page of the DynamoDB scan"));
        test.ExpectedDiagnostics.Add(Likely(1, "Interpolated", "GetRemainingAsync drains every page of the DynamoDB scan"));
        await test.RunAsync();
    }

    [Fact]
    public async Task A_serializer_held_as_a_method_group_serializes_what_the_delegate_is_called_with()
    {
        var test = Responses("""
            public class Feeds
            {
                private static readonly Func<object, string> Serialize = Newtonsoft.Json.JsonConvert.SerializeObject;
                private readonly Func<object?, JsonSerializerOptions?, string> _write = JsonSerializer.Serialize;
                private readonly PortDb _db = new();

                public async Task<string> {|#0:Archive|}(ILambdaContext context) => Serialize(await _db.Voyages.ToListAsync());

                public async Task<string> {|#1:Written|}(ILambdaContext context)
                {
                    var voyages = await _db.Voyages.ToListAsync();
                    return _write(voyages, null);
                }

                public async Task<string> ArchivePage(ILambdaContext context) => Serialize(await _db.Voyages.Take(25).ToListAsync());

                public string Constant(ILambdaContext context) => Serialize("ok");
            }
            """);
        test.ExpectedDiagnostics.Add(Likely(0, "Archive", "Archive() → Serialize() ← ToListAsync() materializes a query over '_db.Voyages' with no Take"));
        test.ExpectedDiagnostics.Add(Likely(1, "Written", "Written() → _write() ← ToListAsync() materializes a query over '_db.Voyages' with no Take"));
        await test.RunAsync();
    }

    [Fact]
    public async Task A_delegate_holding_an_instance_method_group_is_not_assumed_to_pass_its_argument_through()
    {
        // The delegate's parameters are not the method's when the group has a receiver: nothing is guessed.
        var test = Responses("""
            public class Feeds
            {
                private readonly PortDb _db = new();
                private readonly Formatter _formatter = new();

                public async Task<string> Describe(ILambdaContext context)
                {
                    Func<object, string> describe = _formatter.Describe;
                    return describe(await _db.Voyages.ToListAsync());
                }
            }

            public class Formatter
            {
                public string Describe(object value) => value.GetType().Name;
            }
            """);
        await test.RunAsync();
    }

    [Fact]
    public async Task An_EF_query_streamed_with_AsAsyncEnumerable_into_a_list_is_likely()
    {
        var test = Responses("""
            public class Store
            {
                private readonly PortDb _db = new();

                public async Task<List<Voyage>> {|#0:All|}(CancellationToken ct, ILambdaContext context)
                {
                    var voyages = new List<Voyage>();
                    await foreach (var voyage in _db.Voyages.AsNoTracking().AsAsyncEnumerable().WithCancellation(ct).ConfigureAwait(false))
                    {
                        voyages.Add(voyage);
                    }

                    return voyages;
                }

                public async Task<List<Voyage>> {|#1:Plain|}(ILambdaContext context)
                {
                    var voyages = new List<Voyage>();
                    await foreach (var voyage in _db.Voyages.AsAsyncEnumerable())
                    {
                        voyages.Add(voyage);
                    }

                    return voyages;
                }

                public async Task<List<Voyage>> Latest(CancellationToken ct, ILambdaContext context)
                {
                    var voyages = new List<Voyage>();
                    await foreach (var voyage in _db.Voyages.OrderByDescending(v => v.Id).Take(10).AsAsyncEnumerable().WithCancellation(ct).ConfigureAwait(false))
                    {
                        voyages.Add(voyage);
                    }

                    return voyages;
                }
            }
            """);
        test.ExpectedDiagnostics.Add(Likely(0, "All", "a loop fills 'voyages' item by item (AsAsyncEnumerable() streams every row of a query over '_db.Voyages' with no Take)"));
        test.ExpectedDiagnostics.Add(Likely(1, "Plain", "a loop fills 'voyages' item by item (AsAsyncEnumerable() streams every row of a query over '_db.Voyages' with no Take)"));
        await test.RunAsync();
    }

    [Fact]
    public async Task Actions_of_a_plain_ApiController_class_are_API_Gateway_handlers()
    {
        var test = Responses("""
            [ApiController]
            [Route("api/voyages")]
            public class VoyagesController
            {
                private readonly PortDb _db = new();

                [HttpGet]
                public async Task<ActionResult<IEnumerable<Voyage>>> {|#0:GetAll|}() => await _db.Voyages.ToListAsync();

                [HttpGet("{id}")]
                public async Task<ActionResult<Voyage?>> Get(int id) => await _db.Voyages.FindAsync(id);

                [NonAction]
                public async Task<List<Voyage>> Everything() => await _db.Voyages.ToListAsync();
            }

            [Controller]
            public class ArchiveApi
            {
                private readonly PortDb _db = new();

                public async Task<List<Voyage>> {|#1:Dump|}() => await _db.Voyages.ToListAsync();
            }

            // Not controllers: no attribute says so (a name alone is not trusted), or [NonController] says not.
            public class ExportController
            {
                private readonly PortDb _db = new();

                public async Task<List<Voyage>> All() => await _db.Voyages.ToListAsync();
            }

            [ApiController]
            [NonController]
            public class HiddenController
            {
                private readonly PortDb _db = new();

                public async Task<List<Voyage>> All() => await _db.Voyages.ToListAsync();
            }

            [NonController]
            public class InternalsController : ControllerBase
            {
                private readonly PortDb _db = new();

                public async Task<List<Voyage>> All() => await _db.Voyages.ToListAsync();
            }

            [ApiController]
            public abstract class BaseApiController
            {
                public abstract Task<List<Voyage>> All();
            }
            """);
        test.ExpectedDiagnostics.Add(Likely(0, "GetAll", "ToListAsync() materializes a query over '_db.Voyages' with no Take", ApiGateway, action: Paging));
        test.ExpectedDiagnostics.Add(Likely(1, "Dump", "ToListAsync() materializes a query over '_db.Voyages' with no Take", ApiGateway, action: Paging));
        await test.RunAsync();
    }

    [Fact]
    public async Task A_MediatR_request_is_answered_by_its_one_handler()
    {
        var test = Responses("""
            public record AllVoyages : IRequest<List<Voyage>>;
            public record LatestVoyages(int Count) : IRequest<List<Voyage>>;
            public record OneVoyage(int Id) : IRequest<Voyage?>;

            public class AllVoyagesHandler(PortDb db) : IRequestHandler<AllVoyages, List<Voyage>>
            {
                public Task<List<Voyage>> Handle(AllVoyages request, CancellationToken cancellationToken) => db.Voyages.ToListAsync(cancellationToken);
            }

            public class LatestVoyagesHandler(PortDb db) : IRequestHandler<LatestVoyages, List<Voyage>>
            {
                public Task<List<Voyage>> Handle(LatestVoyages request, CancellationToken cancellationToken) =>
                    db.Voyages.OrderByDescending(v => v.Id).Take(20).ToListAsync(cancellationToken);
            }

            public class OneVoyageHandler(PortDb db) : IRequestHandler<OneVoyage, Voyage?>
            {
                public async Task<Voyage?> Handle(OneVoyage request, CancellationToken cancellationToken) => await db.Voyages.FindAsync(request.Id);
            }

            public class VoyageFunctions(IMediator mediator, ISender sender)
            {
                public async Task<List<Voyage>> {|#0:All|}(ILambdaContext context) => await mediator.Send(new AllVoyages());

                public Task<List<Voyage>> {|#1:AllThroughSender|}(ILambdaContext context) => sender.Send(new AllVoyages(), CancellationToken.None);

                public async Task<List<Voyage>> Latest(ILambdaContext context) => await mediator.Send(new LatestVoyages(20));

                public async Task<Voyage?> One(int id, ILambdaContext context) => await mediator.Send(new OneVoyage(id));

                // A request typed only as IRequest<T> could be any request: nothing is assumed, the type speaks.
                public async Task<List<Voyage>> {|#2:Any|}(IRequest<List<Voyage>> request, ILambdaContext context) => await mediator.Send(request);
            }
            """);
        const string ViaHandler = "AllVoyagesHandler.Handle() ← ToListAsync() materializes a query over 'db.Voyages' with no Take";
        test.ExpectedDiagnostics.Add(Likely(0, "All", "All() → " + ViaHandler));
        test.ExpectedDiagnostics.Add(Likely(1, "AllThroughSender", "AllThroughSender() → " + ViaHandler));
        test.ExpectedDiagnostics.Add(new DiagnosticResult(Rules.ResponseMayExceedLimit).WithLocation(2)
            .WithMessage($"The response of 'Any' may exceed the synchronous invoke limit of 6,291,556 bytes: List<Voyage> (no bound); {ClaimCheck}"));
        await test.RunAsync();
    }

    [Fact]
    public async Task A_call_through_a_constructed_interface_runs_the_one_class_that_implements_it_so()
    {
        var test = Responses("""
            public class Berth { public int Id { get; set; } }
            public class BerthDb : DbContext { public DbSet<Berth> Berths { get; set; } = null!; }

            public interface IStore<T> { Task<List<T>> AllAsync(); }

            public class VoyageStore(PortDb db) : IStore<Voyage>
            {
                public Task<List<Voyage>> AllAsync() => db.Voyages.ToListAsync();
            }

            public class BerthStore(BerthDb db) : IStore<Berth>
            {
                public Task<List<Berth>> AllAsync() => db.Berths.OrderBy(b => b.Id).Take(10).ToListAsync();
            }

            public class Functions(IStore<Voyage> voyages, IStore<Berth> berths)
            {
                public async Task<List<Voyage>> {|#0:Voyages|}(ILambdaContext context) => await voyages.AllAsync();

                public async Task<List<Berth>> Berths(ILambdaContext context) => await berths.AllAsync();
            }
            """);
        test.ExpectedDiagnostics.Add(Likely(0, "Voyages", "Voyages() → VoyageStore.AllAsync() ← ToListAsync() materializes a query over 'db.Voyages' with no Take"));
        await test.RunAsync();
    }
}

using System.Threading.Tasks;
using Microsoft.CodeAnalysis.Testing;
using PayloadGen.Analyzers.Tests.Infrastructure;
using PayloadGen.Generators.Analyzers;
using PayloadGen.Generators.Diagnostics;
using Xunit;

namespace PayloadGen.Analyzers.Tests.Size;

/// <summary>
/// An EF Core <c>DbSet</c> returned or enumerated as it is — the scaffolded controller's <c>IEnumerable&lt;T&gt; Get() =&gt;
/// _context.Items;</c> — is every row of the table; under a bounding operator or a lookup it is not.
/// </summary>
public class EntitySetTests
{
    [Fact]
    public async Task A_DbSet_returned_or_looped_over_whole_is_likely_and_a_bounded_query_over_it_is_not()
    {
        var test = new PayloadGenAnalyzerTest<ResponseSizeAnalyzer>
        {
            TestCode = """
                using System.Collections.Generic;
                using System.Linq;
                using System.Threading.Tasks;
                using Microsoft.AspNetCore.Mvc;
                using Microsoft.EntityFrameworkCore;

                public class TodoItem { public long Id { get; set; } public string Name { get; set; } = ""; }
                public class TodoContext : DbContext { public DbSet<TodoItem> TodoItems { get; set; } = null!; }

                [ApiController]
                [Route("api/todo")]
                public class TodoController(TodoContext context) : ControllerBase
                {
                    [HttpGet]
                    public IEnumerable<TodoItem> {|#0:Get|}() => context.TodoItems;

                    [HttpGet("names")]
                    public List<string> {|#1:Names|}()
                    {
                        var names = new List<string>();
                        foreach (var item in context.TodoItems)
                        {
                            names.Add(item.Name);
                        }

                        return names;
                    }

                    [HttpGet("first")]
                    public IEnumerable<TodoItem> First() => context.TodoItems.OrderBy(t => t.Id).Take(20);

                    [HttpGet("{id}")]
                    public async Task<TodoItem?> One(long id) => await context.TodoItems.FindAsync(id);
                }
                """,
        };
        const string Prefix = "is likely to exceed the API Gateway limit of 6,291,556 bytes: ";
        const string Advice = "; page the response or return a presigned S3 URL instead of the data";
        test.ExpectedDiagnostics.Add(new DiagnosticResult(Rules.ResponseLikelyExceedsLimit).WithLocation(0).WithMessage(
            "The response of 'Get' " + Prefix + "'context.TodoItems' is a whole DbSet, read with no Take" + Advice));
        test.ExpectedDiagnostics.Add(new DiagnosticResult(Rules.ResponseLikelyExceedsLimit).WithLocation(1).WithMessage(
            "The response of 'Names' " + Prefix + "a loop fills 'names' item by item ('context.TodoItems' is a whole DbSet, read with no Take)" + Advice));
        await test.RunAsync();
    }
}

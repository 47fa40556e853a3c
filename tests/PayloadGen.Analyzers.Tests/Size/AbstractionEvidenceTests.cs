using System.Threading.Tasks;
using Microsoft.CodeAnalysis.Testing;
using PayloadGen.Analyzers.Tests.Infrastructure;
using PayloadGen.Generators.Analyzers;
using PayloadGen.Generators.Diagnostics;
using Xunit;
using static PayloadGen.Analyzers.Tests.Infrastructure.ResponseDiagnostics;

namespace PayloadGen.Analyzers.Tests.Size;

/// <summary>
/// Evidence behind the abstractions of layered samples (issue 7): abstract members with one concrete override, an
/// interface implemented through an abstract base, virtual members whose only concrete class overrides them, property
/// getters, delegates kept in a local or a field, and local functions used as delegates. Each shape is a Warning with
/// the path through it (DESIGN §6: evidence is <em>likely</em>), and its bounded twin is silent.
/// </summary>
public class AbstractionEvidenceTests
{
    private const string Usings = """
        using System;
        using System.Collections.Generic;
        using System.IO;
        using System.Linq;
        using System.Threading.Tasks;
        using Amazon.DynamoDBv2.DataModel;
        using Amazon.Lambda.Core;
        using Microsoft.EntityFrameworkCore;
        using Microsoft.Extensions.DependencyInjection;

        public class Book { public string Isbn { get; set; } = ""; public string Title { get; set; } = ""; }
        public class CatalogDb : DbContext { public DbSet<Book> Books { get; set; } = null!; }

        """;


    private static PayloadGenAnalyzerTest<ResponseSizeAnalyzer> Test(string source) => new() { TestCode = Usings + source };

    [Fact]
    public async Task An_abstract_member_with_one_concrete_override_is_followed_into_it()
    {
        var test = Test("""
            public abstract class BookStore
            {
                public abstract Task<List<Book>> AllAsync();
                public abstract Task<List<Book>> PageAsync();
            }
            public sealed class DynamoBookStore(IDynamoDBContext context) : BookStore
            {
                public override Task<List<Book>> AllAsync() => context.ScanAsync<Book>(new List<ScanCondition>()).GetRemainingAsync();
                public override Task<List<Book>> PageAsync() => context.QueryAsync<Book>("all", new QueryConfig { Limit = 20 }).GetNextSetAsync();
            }
            public class Functions(BookStore store)
            {
                public async Task<List<Book>> {|#0:All|}(ILambdaContext context) => await store.AllAsync();

                public async Task<List<Book>> Page(ILambdaContext context) => await store.PageAsync();
            }
            """);
        test.ExpectedDiagnostics.Add(Likely(0, "All", "All() \u2192 DynamoBookStore.AllAsync() \u2190 GetRemainingAsync drains every page of the DynamoDB scan"));
        await test.RunAsync();
    }

    [Fact]
    public async Task An_interface_implemented_through_an_abstract_base_is_followed_into_the_one_override()
    {
        var test = Test("""
            public interface IBookDirectory { Task<List<Book>> AllAsync(); Task<List<Book>> FeaturedAsync(); }
            public abstract class BookDirectoryBase : IBookDirectory
            {
                public abstract Task<List<Book>> AllAsync();
                public abstract Task<List<Book>> FeaturedAsync();
            }
            public sealed class EfBookDirectory(CatalogDb db) : BookDirectoryBase
            {
                public override Task<List<Book>> AllAsync() => db.Books.ToListAsync();
                public override Task<List<Book>> FeaturedAsync() => db.Books.OrderBy(b => b.Title).Take(12).ToListAsync();
            }
            public class Functions(IBookDirectory books)
            {
                public async Task<List<Book>> {|#0:All|}(ILambdaContext context) => await books.AllAsync();

                public async Task<List<Book>> Featured(ILambdaContext context) => await books.FeaturedAsync();
            }
            """);
        test.ExpectedDiagnostics.Add(Likely(0, "All", "All() \u2192 EfBookDirectory.AllAsync() \u2190 ToListAsync() materializes a query over 'db.Books' with no Take"));
        await test.RunAsync();
    }

    [Fact]
    public async Task A_virtual_member_runs_the_override_of_the_only_concrete_class_not_the_base_body()
    {
        // The base scans the whole table; the only repository in the solution overrides it with a page. Following the
        // base body would be a false alarm; following the override of the generic base's other member finds the scan.
        var test = Test("""
            public abstract class RepositoryBase<T>(IDynamoDBContext context)
            {
                protected IDynamoDBContext Context { get; } = context;
                public virtual Task<List<T>> ListAsync() => Context.ScanAsync<T>(new List<ScanCondition>()).GetRemainingAsync();
                public virtual Task<List<T>> ExportAsync() => Context.QueryAsync<T>("all", new QueryConfig { Limit = 10 }).GetNextSetAsync();
            }
            public class BookRepository(IDynamoDBContext context) : RepositoryBase<Book>(context)
            {
                public override Task<List<Book>> ListAsync() => Context.QueryAsync<Book>("all", new QueryConfig { Limit = 25 }).GetNextSetAsync();
                public override Task<List<Book>> ExportAsync() => Context.ScanAsync<Book>(new List<ScanCondition>()).GetRemainingAsync();
            }
            public class Functions(RepositoryBase<Book> books)
            {
                public async Task<List<Book>> List(ILambdaContext context) => await books.ListAsync();

                public async Task<List<Book>> {|#0:Export|}(ILambdaContext context) => await books.ExportAsync();
            }
            """);
        test.ExpectedDiagnostics.Add(Likely(0, "Export", "Export() \u2192 BookRepository.ExportAsync() \u2190 GetRemainingAsync drains every page of the DynamoDB scan"));
        await test.RunAsync();
    }

    [Fact]
    public async Task An_abstract_member_with_two_different_overrides_is_not_assumed_to_be_either()
    {
        var test = Test("""
            public abstract class ExportSource { public abstract string Read(string name); }
            public sealed class FileExportSource : ExportSource { public override string Read(string name) => File.ReadAllText(name); }
            public sealed class NameExportSource : ExportSource { public override string Read(string name) => name; }
            public class Functions(ExportSource source)
            {
                public string Export(string name, ILambdaContext context) => source.Read(name);
            }
            """);
        await test.RunAsync();
    }

    [Fact]
    public async Task With_two_overrides_the_class_registered_for_the_abstract_base_is_followed()
    {
        var test = Test("""
            public abstract class ExportSource { public abstract string Read(string name); }
            public sealed class FileExportSource : ExportSource { public override string Read(string name) => File.ReadAllText(name); }
            public sealed class NameExportSource : ExportSource { public override string Read(string name) => name; }
            public class Functions
            {
                private static readonly IServiceProvider Services = new ServiceCollection().AddSingleton<ExportSource, FileExportSource>().BuildServiceProvider();

                public string {|#0:Export|}(string name, ILambdaContext context) => Services.GetRequiredService<ExportSource>().Read(name);
            }
            """);
        test.ExpectedDiagnostics.Add(Likely(0, "Export", "Export() \u2192 FileExportSource.Read() \u2190 File.ReadAllText reads a whole file"));
        await test.RunAsync();
    }

    [Fact]
    public async Task Property_getters_with_bodies_are_followed_expression_bodied_block_and_behind_an_interface()
    {
        var test = Test("""
            public interface IShelf { List<Book> Everything { get; } List<Book> Front { get; } }
            public sealed class Shelf(CatalogDb db) : IShelf
            {
                public List<Book> Everything => db.Books.ToList();
                public List<Book> Front => db.Books.OrderBy(b => b.Title).Take(30).ToList();
            }
            public class UnitOfWork(CatalogDb db)
            {
                public List<Book> Archive
                {
                    get
                    {
                        var archive = db.Books.ToList();
                        return archive;
                    }
                }

                public List<Book> Recent
                {
                    get { return db.Books.Take(10).ToList(); }
                }

                public List<Book> Cached { get; set; } = new();
            }
            public class Functions(IShelf shelf, UnitOfWork work)
            {
                public List<Book> {|#0:Everything|}(ILambdaContext context) => shelf.Everything;

                public List<Book> Front(ILambdaContext context) => shelf.Front;

                public List<Book> {|#1:Archive|}(ILambdaContext context) => work.Archive;

                public List<Book> Recent(ILambdaContext context) => work.Recent;
            }
            """);
        test.ExpectedDiagnostics.Add(Likely(0, "Everything", "Everything() \u2192 Shelf.Everything \u2190 ToList() materializes a query over 'db.Books' with no Take"));
        test.ExpectedDiagnostics.Add(Likely(1, "Archive", "Archive() \u2192 UnitOfWork.Archive \u2190 ToList() materializes a query over 'db.Books' with no Take"));
        await test.RunAsync();
    }

    [Fact]
    public async Task Delegates_kept_in_a_local_or_a_field_are_followed_into_what_was_assigned()
    {
        var test = Test("""
            public class Functions
            {
                private readonly CatalogDb _db = new();
                private readonly Func<Task<List<Book>>> _loadAll;
                private readonly Func<Task<List<Book>>> _loadPage;
                private readonly Func<string, string> _read = path => File.ReadAllText(path);
                private readonly Func<string, string> _name = path => Path.GetFileName(path);

                public Functions()
                {
                    _loadAll = () => _db.Books.ToListAsync();
                    _loadPage = () => _db.Books.Take(20).ToListAsync();
                }

                public async Task<List<Book>> {|#0:Local|}(ILambdaContext context)
                {
                    Func<Task<List<Book>>> load = () => _db.Books.ToListAsync();
                    return await load();
                }

                public async Task<List<Book>> LocalPage(ILambdaContext context)
                {
                    Func<Task<List<Book>>> load = async () => await _db.Books.Take(20).ToListAsync();
                    return await load();
                }

                public async Task<List<Book>> {|#1:Assigned|}(ILambdaContext context) => await _loadAll();

                public async Task<List<Book>> AssignedPage(ILambdaContext context) => await _loadPage();

                public string {|#2:Read|}(string path, ILambdaContext context) => _read(path);

                public string Name(string path, ILambdaContext context) => _name(path);

                public async Task<List<Book>> {|#3:Group|}(ILambdaContext context)
                {
                    Func<Task<List<Book>>> load = LoadAll;
                    return await load();

                    Task<List<Book>> LoadAll() => _db.Books.ToListAsync();
                }

                public async Task<List<Book>> GroupPage(ILambdaContext context)
                {
                    Func<Task<List<Book>>> load = FirstPage;
                    return await load();

                    Task<List<Book>> FirstPage() => _db.Books.Take(20).ToListAsync();
                }
            }
            """);
        test.ExpectedDiagnostics.Add(Likely(0, "Local", "Local() \u2192 load() \u2190 ToListAsync() materializes a query over '_db.Books' with no Take"));
        test.ExpectedDiagnostics.Add(Likely(1, "Assigned", "Assigned() \u2192 _loadAll() \u2190 ToListAsync() materializes a query over '_db.Books' with no Take"));
        test.ExpectedDiagnostics.Add(Likely(2, "Read", "Read() \u2192 _read() \u2190 File.ReadAllText reads a whole file"));
        test.ExpectedDiagnostics.Add(Likely(3, "Group", "Group() \u2192 LoadAll() \u2190 ToListAsync() materializes a query over '_db.Books' with no Take"));
        await test.RunAsync();
    }

    [Fact]
    public async Task A_framework_method_group_in_a_static_field_a_property_or_a_local_means_what_calling_it_means()
    {
        var test = Test("""
            public class Functions(IDynamoDBContext dynamo)
            {
                private static readonly Func<string, string> ReadExport = File.ReadAllText;
                private static readonly Func<string, string> ReadName = Path.GetFileName;
                internal static Func<string, byte[]> ReadBytes { get; set; } = File.ReadAllBytes;
                internal static Func<string, string> ReadTitle { get; set; } = path => File.ReadLines(path).First();

                public string {|#0:Export|}(string path, ILambdaContext context) => ReadExport(path);

                public string Name(string path, ILambdaContext context) => ReadName(path);

                public byte[] {|#1:Bytes|}(string path, ILambdaContext context) => ReadBytes(path);

                public string Title(string path, ILambdaContext context) => ReadTitle(path);

                public async Task<List<Book>> {|#2:Drain|}(ILambdaContext context)
                {
                    AsyncSearch<Book> search = dynamo.ScanAsync<Book>(new List<ScanCondition>());
                    Func<System.Threading.CancellationToken, Task<List<Book>>> rest = search.GetRemainingAsync;
                    return await rest(default);
                }

                public async Task<List<Book>> Page(ILambdaContext context)
                {
                    AsyncSearch<Book> search = dynamo.ScanAsync<Book>(new List<ScanCondition>());
                    Func<System.Threading.CancellationToken, Task<List<Book>>> next = search.GetNextSetAsync;
                    return await next(default);
                }
            }
            """);
        test.ExpectedDiagnostics.Add(Likely(0, "Export", "Export() \u2192 ReadExport() \u2190 File.ReadAllText reads a whole file"));
        test.ExpectedDiagnostics.Add(Likely(1, "Bytes", "Bytes() \u2192 ReadBytes() \u2190 File.ReadAllBytes reads a whole file"));
        test.ExpectedDiagnostics.Add(Likely(2, "Drain", "Drain() \u2192 rest() \u2190 GetRemainingAsync drains every page of the DynamoDB search"));
        await test.RunAsync();
    }

    [Fact]
    public async Task A_static_local_function_that_loops_over_its_parameter_names_itself_with_the_parameter()
    {
        var test = Test("""
            public class Functions
            {
                private readonly CatalogDb _db = new();

                public async Task<string> {|#0:Csv|}(ILambdaContext context)
                {
                    return Format(await _db.Books.ToListAsync());

                    static string Format(List<Book> rows)
                    {
                        var csv = new System.Text.StringBuilder();
                        foreach (Book row in rows)
                        {
                            csv.AppendLine(row.Isbn + "," + row.Title);
                        }

                        return csv.ToString();
                    }
                }

                public async Task<string> CsvPage(ILambdaContext context)
                {
                    return Format(await _db.Books.Take(100).ToListAsync());

                    static string Format(List<Book> rows) => string.Join("\n", rows.Select(r => r.Isbn));
                }
            }
            """);
        test.ExpectedDiagnostics.Add(Likely(0, "Csv", "Csv() \u2192 Format(rows) \u2190 ToListAsync() materializes a query over '_db.Books' with no Take"));
        await test.RunAsync();
    }

    [Fact]
    public async Task A_delegate_from_a_parameter_or_chosen_at_run_time_elsewhere_is_not_assumed()
    {
        var test = Test("""
            public class Functions
            {
                public string Run(string path, ILambdaContext context) => Apply(p => File.ReadAllText(p), path);

                private static string Apply(Func<string, string> read, string path) => read(path).Length.ToString();

                public string Callback(Func<string> produce, ILambdaContext context) => produce();
            }
            """);
        await test.RunAsync();
    }
}

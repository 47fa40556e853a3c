using System;
using PayloadGen.Generators.Tests.Infrastructure;
using Xunit;

namespace PayloadGen.Generators.Tests;

/// <summary>Compiles handlers that stream their responses or requests (<c>IAsyncEnumerable&lt;T&gt;</c>, lazy <c>IEnumerable&lt;T&gt;</c>) once, with their wrappers.</summary>
public sealed class CompiledStreamingFunctionsFixture : IDisposable
{
    public const string FunctionsType = "StreamDemo.Exports";
    public const string RowType = "StreamDemo.Row";

    private const string Source = """
        using System.Collections.Generic;
        using System.Runtime.CompilerServices;
        using System.Threading;
        using System.Threading.Tasks;
        using Amazon.Lambda.Core;
        using PayloadGen;

        namespace StreamDemo
        {
            public sealed class ExportRequest
            {
                public int Rows { get; set; }
            }

            public sealed class Row
            {
                public int Number { get; set; }
                public string Text { get; set; } = "";
                public string? Missing { get; set; }
            }

            public partial class Exports
            {
                public static ClaimCheckRuntime? ClaimCheckRuntime { get; set; }

                /// <summary>Rows produced one at a time, as from a database cursor; how many were produced so far.</summary>
                public static int Produced;

                public static Row Make(int number) => new() { Number = number, Text = "row " + number + " é ✓" };

                [ClaimCheck]
                public static async IAsyncEnumerable<Row> Export(ExportRequest request, ILambdaContext context, [EnumeratorCancellation] CancellationToken cancellationToken)
                {
                    for (int i = 0; i < request.Rows; i++)
                    {
                        await Task.Yield();
                        cancellationToken.ThrowIfCancellationRequested();
                        Interlocked.Increment(ref Produced);
                        yield return Make(i);
                    }
                }

                [ClaimCheck]
                public IEnumerable<Row> ExportLazily(ExportRequest request)
                {
                    for (int i = 0; i < request.Rows; i++)
                    {
                        yield return Make(i);
                    }
                }

                [ClaimCheck(Source = PayloadSource.AsyncInvoke)]
                public static async Task<long> Import(IAsyncEnumerable<Row> rows, CancellationToken cancellationToken)
                {
                    long sum = 0;
                    await foreach (Row row in rows.WithCancellation(cancellationToken))
                    {
                        sum += row.Number;
                    }

                    return sum;
                }

                /// <summary>Counts the null items, which its item type lets through: "rows,nulls".</summary>
                [ClaimCheck(Source = PayloadSource.AsyncInvoke)]
                public static async Task<string> ImportSparse(IAsyncEnumerable<Row?> rows)
                {
                    int count = 0, nulls = 0;
                    await foreach (Row? row in rows)
                    {
                        count++;
                        nulls += row is null ? 1 : 0;
                    }

                    return count + "," + nulls;
                }

                [ClaimCheck]
                public static async IAsyncEnumerable<Row> Transform(IAsyncEnumerable<Row> rows)
                {
                    await foreach (Row row in rows)
                    {
                        yield return new Row { Number = row.Number * 2, Text = row.Text.ToUpperInvariant() };
                    }
                }
            }
        }
        """;

    public CompiledStreamingFunctionsFixture()
    {
        GeneratorRun run = GeneratorRun.Start(TestCompilation.Create(Source));
        Assert.Empty(run.OutputProblems());
        Loaded = LoadedAssembly.Load(run.Output);
    }

    internal LoadedAssembly Loaded { get; }

    public void Dispose() => Loaded.Dispose();
}

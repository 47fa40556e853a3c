// Streaming shapes (README "Streaming"): sequences out and in, iterators, tasks of collections.
using System.Runtime.CompilerServices;

namespace Exports
{
    public sealed class ExportRequest
    {
        public int Rows { get; set; }
        public string Table { get; set; } = "orders";
    }

    public sealed record Row(int Number, string Text, string? Note = null);

    public sealed record ImportSummary(int Rows, long Sum);

    public partial class RowExports
    {
        public static ClaimCheckRuntime? ClaimCheckRuntime { get; set; }

        // expect: wrap -- instance async iterator with [EnumeratorCancellation] and a context in the middle
        [ClaimCheck]
        public async IAsyncEnumerable<Row> Export(ExportRequest request, ILambdaContext context, [EnumeratorCancellation] CancellationToken cancellationToken)
        {
            for (int i = 0; i < request.Rows; i++)
            {
                await Task.Yield();
                cancellationToken.ThrowIfCancellationRequested();
                yield return new Row(i, request.Table + " " + i);
            }
        }

        // expect: wrap -- static IEnumerable<T> iterator
        [ClaimCheck]
        public static IEnumerable<Row> Lazy(ExportRequest request)
        {
            for (int i = 0; i < request.Rows; i++)
            {
                yield return new Row(i, "lazy " + i);
            }
        }

        // expect: wrap -- Task<IEnumerable<T>> (a materialized list behind an interface)
        [ClaimCheck]
        public static async Task<IEnumerable<Row>> Query(ExportRequest request)
        {
            await Task.Yield();
            return Enumerable.Range(0, request.Rows).Select(i => new Row(i, "query " + i)).ToList();
        }

        // expect: wrap -- IAsyncEnumerable<T> request between a context and a token, a record response
        [ClaimCheck(Source = PayloadSource.AsyncInvoke)]
        public static async Task<ImportSummary> Import(ILambdaContext context, IAsyncEnumerable<Row> rows, CancellationToken cancellationToken)
        {
            int count = 0;
            long sum = 0;
            await foreach (Row row in rows.WithCancellation(cancellationToken))
            {
                count++;
                sum += row.Number;
            }

            context.Logger.LogLine("imported " + count);
            return new ImportSummary(count, sum);
        }

        // expect: wrap -- no payload, a sequence of nullable items
        [ClaimCheck]
        public static async IAsyncEnumerable<Row?> Sparse()
        {
            await Task.Yield();
            yield return new Row(1, "one");
            yield return null;
        }
    }
}

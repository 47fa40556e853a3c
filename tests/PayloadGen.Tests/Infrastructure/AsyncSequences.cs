using System.Collections.Generic;
using System.Threading.Tasks;

namespace PayloadGen.Tests.Infrastructure;

/// <summary>Collects an async sequence (System.Linq.AsyncEnumerable exists only from .NET 10; these tests also run on 8).</summary>
public static class AsyncSequences
{
    public static async Task<List<T>> CollectAsync<T>(this IAsyncEnumerable<T> source)
    {
        var items = new List<T>();
        await foreach (T item in source)
        {
            items.Add(item);
        }

        return items;
    }
}

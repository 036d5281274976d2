namespace Ombudsman.Functions.Tests;

/// <summary>
/// Collects an async sequence. The Durable Task packages bring System.Linq.Async, whose ToListAsync clashes with the
/// framework's own; this name clashes with neither.
/// </summary>
internal static class AsyncSequences
{
    public static async Task<List<T>> CollectAsync<T>(this IAsyncEnumerable<T> source)
    {
        var items = new List<T>();
        await foreach (var item in source)
        {
            items.Add(item);
        }

        return items;
    }
}

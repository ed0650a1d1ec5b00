using System.Runtime.CompilerServices;

namespace Permit.Api.Persistence;

/// <summary>
/// Reads the values of rows to be written a chunk ahead of the writer, on the thread pool: while the writer sends one
/// chunk to the database, the next chunk's values (encryption, blind indexes, conversions) are already being made.
/// <para>Why: in a bulk report's real run, making the values and writing them were each about half of the time, one
/// after the other on one core; the machine has two.</para>
/// </summary>
internal static class RowsAhead
{
    public const int ChunkSize = 1000;

    // Two chunks under way: when reading the values is the slower side, both cores read while the writer waits.
    private const int InFlight = 2;

    /// <summary>
    /// The values of <paramref name="rows"/>, chunk by chunk in row order. <paramref name="read"/> runs on another thread
    /// and may only read the rows; a writer that stops early (a refused row, a cancel) leaves no reading running.
    /// </summary>
    public static async IAsyncEnumerable<object?[][]> ValuesAsync<T>(
        IEnumerable<T> rows, Func<T, object?[]> read, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(rows);
        ArgumentNullException.ThrowIfNull(read);
        using var chunks = rows.Chunk(ChunkSize).GetEnumerator();
        var ahead = new Queue<Task<object?[][]>>(InFlight);
        try
        {
            while (ahead.Count < InFlight && chunks.MoveNext())
                ahead.Enqueue(Start(chunks.Current));
            while (ahead.TryDequeue(out var next))
            {
                cancellationToken.ThrowIfCancellationRequested();
                var values = await next.ConfigureAwait(false);
                if (chunks.MoveNext())
                    ahead.Enqueue(Start(chunks.Current));
                yield return values;
            }
        }
        finally
        {
            while (ahead.TryDequeue(out var running))
                await ((Task)running).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        }

        Task<object?[][]> Start(T[] chunk) => Task.Run(() => Array.ConvertAll(chunk, row => read(row)), cancellationToken);
    }
}

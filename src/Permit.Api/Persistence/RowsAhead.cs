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
        var next = chunks.MoveNext() ? Start(chunks.Current) : null;
        try
        {
            while (next is not null)
            {
                cancellationToken.ThrowIfCancellationRequested();
                var values = await next.ConfigureAwait(false);
                next = chunks.MoveNext() ? Start(chunks.Current) : null;
                yield return values;
            }
        }
        finally
        {
            if (next is not null)
                await ((Task)next).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        }

        Task<object?[][]> Start(T[] chunk) => Task.Run(() => Array.ConvertAll(chunk, row => read(row)), cancellationToken);
    }
}

namespace Permit.Api.Web.Paging;

/// <summary>
/// Which slice of a long list a page shows: the list is ordered, counted and cut in the database (OFFSET/LIMIT over a
/// stable order ending in a unique column), so a page costs one slice and one count however long the list grows.
/// </summary>
public sealed record ListPage(int Number, int Size, int Total)
{
    /// <summary>The page asked for by <c>?page=</c>, clamped to 1…last (a stale link past the end shows the last page).</summary>
    public static ListPage Of(int? requested, int size, int total)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(size, 1);
        var last = Math.Max(1, (int)Math.Ceiling(total / (double)size));
        return new ListPage(Math.Clamp(requested ?? 1, 1, last), size, total);
    }

    public int Skip => (Number - 1) * Size;

    public int Last => Math.Max(1, (int)Math.Ceiling(Total / (double)Size));

    public int FirstShown => Total == 0 ? 0 : Skip + 1;

    public int LastShown => Math.Min(Total, Skip + Size);
}

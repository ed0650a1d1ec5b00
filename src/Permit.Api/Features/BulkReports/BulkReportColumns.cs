namespace Permit.Api.Features.BulkReports;

/// <summary>The columns of a bulk report, in this order (README.md explains each).</summary>
public static class BulkReportColumns
{
    public const string Type = "type";
    public const string IdNumber = "idNumber";
    public const string Name = "name";
    public const string CommunityCode = "communityCode";
    public const string Address = "address";
    public const string Date = "date";
    public const string Reporter = "reporter";
    public const string Basis = "basis";
    public const string Evidence = "evidence";
    public const string EthnicGroup = "ethnicGroup";
    public const string HukouAddress = "hukouAddress";

    public static IReadOnlyList<string> All { get; } =
        [Type, IdNumber, Name, CommunityCode, Address, Date, Reporter, Basis, Evidence, EthnicGroup, HukouAddress];

    public static string Header { get; } = string.Join(',', All);

    /// <summary>The first row must name exactly these columns, in order (surrounding spaces and letter case ignored).</summary>
    public static void CheckHeader(IReadOnlyList<CsvRow> rows)
    {
        ArgumentNullException.ThrowIfNull(rows);
        if (rows.Count == 0)
            throw new CsvFormatException("bulk-report-empty", "The file is empty: it needs the header row " + Header + ".");
        var header = rows[0];
        var matches = header.Row == 1 && header.Fields.Count == All.Count
            && header.Fields.Select(f => f.Trim()).SequenceEqual(All, StringComparer.OrdinalIgnoreCase);
        if (!matches)
            throw new CsvFormatException("bulk-report-header", "The first row must be the header " + Header + ".", header.Row);
    }

    public static string Field(this CsvRow row, int index)
    {
        ArgumentNullException.ThrowIfNull(row);
        return row.Fields[index].Trim();
    }
}

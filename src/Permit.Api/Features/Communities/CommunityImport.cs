using Permit.Api.Features.BulkReports;
using Permit.Domain.Regions;

namespace Permit.Api.Features.Communities;

/// <summary>
/// Imports the directory from a CSV (UTF-8 or GB18030, detected as for bulk reports): a header row naming the columns
/// <c>code</c>/<c>社区代码</c>, <c>name</c>/<c>社区名称</c> and optionally <c>township</c>/<c>所属街道</c>, then one row per
/// community. A listed code with a new name is renamed, an unchanged one is left alone (so re-importing a file changes
/// nothing), and retired communities stay retired: the import never brings one back. Bad rows are rejected by row,
/// column and rule and not written; the good rows are. A dry run checks and counts every row the same way and changes
/// nothing in the directory.
/// </summary>
public static class CommunityImport
{
    public const int MaxRows = 20_000;
    public const string ColumnsMissing = "community-csv-columns";
    public const string TownshipMismatch = "community-township-mismatch";
    public const string DuplicateRow = "community-duplicate-row";

    private static readonly string[] CodeNames = ["code", "社区代码", "代码"];
    private static readonly string[] NameNames = ["name", "社区名称", "名称"];
    private static readonly string[] TownshipNames = ["township", "所属街道", "街道乡镇", "街道"];

    public static async Task<CommunityImportResponse> ImportAsync(
        PermitDbContext db, ReadOnlyMemory<byte> bytes, ReportEncoding encoding, bool dryRun, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        var (rows, readAs) = CsvTable.ReadDetecting(bytes.Span, MaxRows, encoding);
        if (rows.Count == 0)
            throw new CsvFormatException(ColumnsMissing, "The file has no header row.", 1);
        var header = rows[0].Fields.Select(f => f.Trim().TrimStart('\uFEFF')).ToList();
        var code = Column(header, CodeNames);
        var name = Column(header, NameNames);
        var township = Column(header, TownshipNames);
        if (code < 0 || name < 0)
            throw new CsvFormatException(ColumnsMissing, "The header row names no code (社区代码) or no name (社区名称) column.", 1);

        var listed = await db.Communities.ToDictionaryAsync(c => c.Code.Value, StringComparer.Ordinal, cancellationToken);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var rejects = new List<CommunityReject>();
        int added = 0, renamed = 0, unchanged = 0;
        foreach (var row in rows.Skip(1))
        {
            var codeText = Field(row, code);
            var nameText = Field(row, name);
            var townshipText = township < 0 ? "" : Field(row, township);
            if (!CommunityCode.TryParse(codeText, out var parsed))
            {
                rejects.Add(new(row.Row, "code", "community-code-invalid", $"\"{codeText}\" is not a 12-digit community code of a real township."));
                continue;
            }
            if (!Community.IsValidName(nameText))
            {
                rejects.Add(new(row.Row, "name", "community-name-invalid", $"The name is empty or longer than {Community.NameMaxLength} characters."));
                continue;
            }
            if (townshipText.Length > 0 && parsed.TownshipName is { } known && !string.Equals(known, townshipText, StringComparison.Ordinal))
            {
                rejects.Add(new(row.Row, "township", TownshipMismatch, $"{parsed} belongs to {known}, not {townshipText}."));
                continue;
            }
            if (!seen.Add(parsed.Value))
            {
                rejects.Add(new(row.Row, "code", DuplicateRow, $"{parsed} appears on an earlier row."));
                continue;
            }
            if (!listed.TryGetValue(parsed.Value, out var community))
            {
                var listing = Community.List(parsed, nameText);
                if (!dryRun)
                    db.Communities.Add(listing);
                added++;
            }
            else if (!string.Equals(community.Name, nameText, StringComparison.Ordinal))
            {
                if (!dryRun)
                    community.Rename(nameText);
                renamed++;
            }
            else
            {
                unchanged++;
            }
        }
        // A dry run saves only what the caller recorded (its audit line): no community was added or renamed.
        await db.SaveChangesAsync(cancellationToken);
        return new(readAs == ReportEncoding.Gb18030 ? "GB18030" : "UTF-8", added, renamed, unchanged, rejects) { DryRun = dryRun };
    }

    private static int Column(List<string> header, string[] names) =>
        header.FindIndex(h => names.Contains(h, StringComparer.OrdinalIgnoreCase));

    private static string Field(CsvRow row, int index) => index < row.Fields.Count ? row.Fields[index].Trim() : "";
}

namespace Permit.Api.Features.LegacyImport;

/// <summary>A row that was not imported: its file row (header = 1), the column at fault, the rule and a reason.</summary>
public sealed record LegacyReject(int Row, string Column, string Rule, string Reason);

/// <summary>
/// One file's outcome. <paramref name="Written"/>: records created; <paramref name="Unchanged"/>: rows already in the
/// database (by natural key); <paramref name="ResumedAfterRow"/>: the row an earlier, interrupted run had reached.
/// </summary>
public sealed record LegacyFileResult(
    string File, LegacyFileKind Kind, int Rows, int Written, int Unchanged, int Rejected, int? ResumedAfterRow, bool DryRun);

/// <summary>After each batch: rows done of rows in the file, and the counts so far.</summary>
public sealed record LegacyProgress(string File, LegacyFileKind Kind, int Done, int Rows, int Written, int Unchanged, int Rejected);

public sealed record LegacyImportOptions
{
    public bool DryRun { get; init; }

    public int BatchSize { get; init; } = 1000;

    public Action<LegacyReject>? Rejected { get; init; }

    public Action<LegacyProgress>? Progress { get; init; }
}

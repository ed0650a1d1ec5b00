using Permit.Domain.Registrations;

namespace Permit.Api.Features.BulkReports;

/// <summary>The outcome of a bulk report: every good row was written (in one transaction), every bad row is listed.</summary>
public sealed record BulkReportResponse(
    int Rows,
    int AcceptedCount,
    int RejectedCount,
    IReadOnlyList<AcceptedRow> Accepted,
    IReadOnlyList<RejectedRow> Rejected)
{
    /// <summary>True when nothing was written: the rows were checked as a real run would check them.</summary>
    public bool DryRun { get; init; }

    /// <summary>The run's id: its progress and its result spreadsheet are at <c>/api/bulk-reports/runs/{runId}</c>.</summary>
    public Guid? RunId { get; init; }

    /// <summary><c>utf-8</c>, <c>gb18030</c> or <c>xlsx</c>: how the file was read.</summary>
    public string? ReadAs { get; init; }
}

/// <summary>
/// A row that landed (or, in a dry run, would land). <paramref name="ReportedLate"/>: the employer or landlord reported
/// more than 3 working days (China's calendar, <paramref name="ReportDelayWorkingDays"/>) after the arrival or
/// departure (docs/domain.md §1); the row is still recorded, and an arrival's delay is stored with the registration.
/// </summary>
public sealed record AcceptedRow(
    int Row, string Type, Guid ResidentId, Guid RegistrationId, bool ResidentCreated, bool ReportedLate,
    string Name, string Reporter, int ReportDelayWorkingDays);

/// <summary>A row that did not land: its row number (header = 1), the column at fault, the rule and a reason to read.</summary>
public sealed record RejectedRow(int Row, string Column, string Rule, string Reason, string Name, string Reporter);

/// <summary>How to apply a file: for real or as a dry run, with which calendar, reporting progress (rows done, rows).</summary>
public sealed record BulkReportOptions
{
    public bool DryRun { get; init; }

    public WorkingCalendar? Calendar { get; init; }

    public Action<int, int>? Progress { get; init; }

    /// <summary>
    /// Saves the new rows through EF's change tracker, as on SQL Server, instead of the direct writer: kept so the two
    /// ways can be compared (they write the same rows).
    /// </summary>
    public bool SaveThroughChangeTracker { get; init; }
}

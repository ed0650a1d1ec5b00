namespace Permit.Api.Features.BulkReports;

/// <summary>The outcome of a bulk report: every good row was written (in one transaction), every bad row is listed.</summary>
public sealed record BulkReportResponse(
    int Rows,
    int AcceptedCount,
    int RejectedCount,
    IReadOnlyList<AcceptedRow> Accepted,
    IReadOnlyList<RejectedRow> Rejected);

/// <summary>
/// A row that landed. <paramref name="ReportedLate"/>: the employer or landlord reported more than 3 working days after
/// the arrival or departure (docs/domain.md §1); the row is still recorded.
/// </summary>
public sealed record AcceptedRow(int Row, string Type, Guid ResidentId, Guid RegistrationId, bool ResidentCreated, bool ReportedLate);

/// <summary>A row that did not land: its row number (header = 1), the column at fault, the rule and a reason to read.</summary>
public sealed record RejectedRow(int Row, string Column, string Rule, string Reason);

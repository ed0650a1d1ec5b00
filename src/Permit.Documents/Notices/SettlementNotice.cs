namespace Permit.Documents.Notices;

/// <summary>
/// What a settlement notice letter (落户通知书) says: to whom, by which route (a category, or a points round with the
/// score and rank), who settles with the applicant, and the permits that ended because of it.
/// </summary>
public sealed record SettlementNotice(
    string ApplicantName,
    string IdNumber,
    string Route,
    string Reference,
    DateOnly DecidedOn,
    IReadOnlyList<string> Members,
    IReadOnlyList<string> PermitsEnded,
    string Authority);

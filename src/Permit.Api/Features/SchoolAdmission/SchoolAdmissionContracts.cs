namespace Permit.Api.Features.SchoolAdmission;

/// <summary>Opens a round (supervisor): places and conditions are fixed from then on.</summary>
/// <remarks><see cref="PermitMonths"/>: the full months the parent's current permit must have been held unbroken (0 when omitted).</remarks>
public sealed record OpenRoundRequest(
    string? Zone, int? SchoolYear, int? Places, int? ResidenceMonths, int? InsuranceMonths, int? MinimumAge, int? MaximumAge, int? MinimumPoints,
    int? PermitMonths = null);

public sealed record RoundView(
    Guid Id, string Zone, int SchoolYear, int Places, int ResidenceMonths, int InsuranceMonths, int MinimumAge, int MaximumAge,
    int? MinimumPoints, int Applicants, IReadOnlyList<RunSummary> Runs, int PermitMonths)
{
    public static RoundView From(AdmissionRound round, int applicants, IReadOnlyList<RunSummary> runs) => new(
        round.Id, round.Zone, round.SchoolYear, round.Places, round.ResidenceMonths, round.InsuranceMonths, round.MinimumAge,
        round.MaximumAge, round.MinimumPoints, applicants, runs, round.PermitMonths);
}

public sealed record RunSummary(Guid Id, int Sequence, DateOnly RunDate, DateTimeOffset RanAt);

/// <summary>
/// An officer enters a child: the child's resident record and the parent's permit number. The register owns the child's
/// name and birth date and the parent's months of residence and insurance: a request that still types any of them is
/// refused field by field (<c>validation</c>), so an officer never believes a typed figure was used.
/// </summary>
public sealed record EnterApplicantRequest(
    Guid? ChildResidentId, string? ParentPermitNumber, string? ChildName = null, DateOnly? ChildBirthDate = null, int? ResidenceMonths = null,
    int? InsuranceMonths = null);

/// <summary>The entered application with what the register gave: the months, and how long the parent's permit has been held.</summary>
public sealed record ApplicantView(Guid Id, Guid RoundId, string ChildName, DateOnly ChildBirthDate, string ParentPermitNumber,
    int ResidenceMonths, int InsuranceMonths, DateTimeOffset AppliedAt, Guid ChildResidentId, int PermitMonths);

/// <summary>
/// A run's result. <see cref="Reproducible"/> says that computing the allocation again from the stored snapshot gives
/// exactly the stored outcomes (checked on every read).
/// </summary>
public sealed record RunView(
    Guid Id, Guid RoundId, int Sequence, DateOnly RunDate, DateTimeOffset RanAt, string RanBy, int Places, int Admitted,
    bool Reproducible, IReadOnlyList<RunLineView> Lines);

/// <summary>One applicant's result, explained: rank, the points used, the tie-break that decided, and why.</summary>
public sealed record RunLineView(
    Guid ApplicantId, string ChildName, string ParentPermitNumber, int? Rank, string Outcome, string Reason, decimal? Points,
    bool PointsFrozen, string? RuleSetVersion, string ParentPermitStatus, int ResidenceMonths, int InsuranceMonths,
    DateTimeOffset AppliedAt, string? TieBreak, string Explanation);

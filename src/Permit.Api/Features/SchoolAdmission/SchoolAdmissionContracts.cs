namespace Permit.Api.Features.SchoolAdmission;

/// <summary>Opens a round (supervisor): places and conditions are fixed from then on.</summary>
public sealed record OpenRoundRequest(
    string? Zone, int? SchoolYear, int? Places, int? ResidenceMonths, int? InsuranceMonths, int? MinimumAge, int? MaximumAge, int? MinimumPoints);

public sealed record RoundView(
    Guid Id, string Zone, int SchoolYear, int Places, int ResidenceMonths, int InsuranceMonths, int MinimumAge, int MaximumAge,
    int? MinimumPoints, int Applicants, IReadOnlyList<RunSummary> Runs)
{
    public static RoundView From(AdmissionRound round, int applicants, IReadOnlyList<RunSummary> runs) => new(
        round.Id, round.Zone, round.SchoolYear, round.Places, round.ResidenceMonths, round.InsuranceMonths, round.MinimumAge,
        round.MaximumAge, round.MinimumPoints, applicants, runs);
}

public sealed record RunSummary(Guid Id, int Sequence, DateOnly RunDate, DateTimeOffset RanAt);

/// <summary>An officer enters a child: the parent's permit number and the months the officer verified.</summary>
public sealed record EnterApplicantRequest(string? ChildName, DateOnly? ChildBirthDate, string? ParentPermitNumber, int? ResidenceMonths, int? InsuranceMonths);

public sealed record ApplicantView(Guid Id, Guid RoundId, string ChildName, DateOnly ChildBirthDate, string ParentPermitNumber,
    int ResidenceMonths, int InsuranceMonths, DateTimeOffset AppliedAt);

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

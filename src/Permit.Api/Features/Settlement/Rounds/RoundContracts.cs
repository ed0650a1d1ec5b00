namespace Permit.Api.Features.Settlement.Rounds;

public sealed record OpenRoundRequest(
    int Year, int Quota, DateOnly? ApplicationOpens, DateOnly? ApplicationCloses, int PublicityDays, int PermitMonths, int InsuranceMonths, bool NoFreeze = true);

/// <summary>A resident entering a round, with the family members named to settle with them (checked as a category application checks them).</summary>
public sealed record EnterRoundRequest(Guid ResidentId, IReadOnlyList<SettlingMemberRequest>? Members = null);

/// <summary>An objection: the round applicant, the index fact claimed wrong (an index source) and the value claimed.</summary>
public sealed record ObjectionRequest(Guid ApplicantId, string? Source, string? ClaimedValue, string? Claim);

/// <summary><c>uphold</c> or <c>dismiss</c>, with reasons.</summary>
public sealed record ObjectionDecisionRequest(string? Decision, string? Reasons);

/// <summary>A line of a ranking; <c>members</c> are the family members settling with the applicant that the officer may see.</summary>
public sealed record RoundLineResponse(
    Guid ApplicantId, Guid ResidentId, string Name, decimal Score, int? Rank, string Outcome, string Reason, string? TieBreak, IReadOnlyList<SettlingMemberResponse> Members);

public sealed record RoundResponse(
    Guid Id, int Year, int Quota, string IndexVersion, DateOnly ApplicationOpens, DateOnly ApplicationCloses, int PublicityDays,
    int PermitMonths, int InsuranceMonths, bool NoFreeze, string Status, DateOnly? PublicityOpens, DateOnly? PublicityCloses,
    DateOnly? FinalizedOn, int Applicants, int Runs, bool Reproducible, IReadOnlyList<RoundLineResponse> Lines);

public sealed record RoundApplicantResponse(Guid Id, Guid RoundId, Guid ResidentId, decimal Score, int PermitMonths, bool Frozen, IReadOnlyList<SettlingMemberResponse> Members);

public sealed record RankChange(Guid ApplicantId, string Name, int? RankBefore, int? RankAfter, string? OutcomeBefore, string OutcomeAfter, decimal? ScoreBefore, decimal ScoreAfter);

public sealed record ObjectionResponse(Guid Id, Guid ApplicantId, string Source, string ClaimedValue, string Status, DateOnly FiledOn, string? DecisionReasons, IReadOnlyList<RankChange> Changes);

public sealed record FinalListResponse(RoundResponse Round, IReadOnlyList<string> PermitsEnded);

/// <summary>The public publicity list: masked name and ID number, score, rank and outcome. Nothing else.</summary>
public sealed record PublicityLine(int? Rank, string MaskedName, string MaskedIdNumber, decimal Score, string Outcome);

public sealed record PublicityResponse(int Year, int Quota, string Status, DateOnly? PublicityOpens, DateOnly? PublicityCloses, IReadOnlyList<PublicityLine> Lines);

public sealed record OwnIndicatorResponse(string Code, string Name, string Fact, decimal Points, string Explanation);

/// <summary>The holder's own settlement score with each indicator explained, and the rank in a round they are in.</summary>
public sealed record OwnSettlementResponse(string IndexVersion, decimal Score, IReadOnlyList<OwnIndicatorResponse> Indicators, int? RoundYear, int? Rank, string? Outcome);

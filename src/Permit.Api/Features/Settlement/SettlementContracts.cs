namespace Permit.Api.Features.Settlement;

/// <summary>A family member named to settle with the applicant; <c>unmarriedWithoutIncome</c> as the officer saw it proved.</summary>
public sealed record SettlingMemberRequest(Guid MemberId, bool UnmarriedWithoutIncome = false);

/// <summary>
/// A category application: the applicant, the category code of the condition set in force, the documents the officer
/// saw (condition <c>document</c> codes), the investment in 万元 when the category asks for one, and the members.
/// </summary>
public sealed record SettlementApplicationRequest(
    Guid ApplicantId,
    string? Category,
    IReadOnlyList<string>? Documents,
    decimal? InvestmentTenThousandYuan,
    IReadOnlyList<SettlingMemberRequest>? Members);

/// <summary>A supervisor's decision: <c>approve</c> or <c>refuse</c>, always with reasons.</summary>
public sealed record SettlementDecisionRequest(string? Decision, string? Reasons);

public sealed record ConditionResultResponse(string Code, string Name, bool Met, string Required, string Found, string Evidence);

public sealed record SettlingMemberResponse(Guid MemberId, string Name, string Relationship, int Age, bool LivesTogether, bool UnmarriedWithoutIncome, string? PermitStatus);

/// <summary>
/// An application with its assessment today: every condition's result and <c>unmet</c>, the one-time notice of every
/// condition still missing (一次性告知), and, once approved, the permits ended.
/// </summary>
public sealed record SettlementApplicationResponse(
    Guid Id,
    Guid ApplicantId,
    string ApplicantName,
    string Category,
    string CategoryName,
    string ConditionSetVersion,
    string Status,
    DateOnly SubmittedOn,
    IReadOnlyList<ConditionResultResponse> Conditions,
    IReadOnlyList<ConditionResultResponse> Unmet,
    IReadOnlyList<SettlingMemberResponse> Members,
    DateOnly? DecidedOn,
    string? DecidedBy,
    string? DecisionReasons,
    IReadOnlyList<string> PermitsEnded);

public sealed record ConditionSetResponse(string Version, string Name, DateOnly EffectiveFrom, bool InForce, IReadOnlyList<CategoryResponse> Categories);

public sealed record CategoryResponse(string Code, string Name, IReadOnlyList<ConditionResultResponse> Conditions);

using Permit.Domain.Points;

namespace Permit.Api.Features.Points;

/// <summary>A fact an officer records: a level held, or a quantity (months, millilitres, events, occurrences).</summary>
public sealed record RecordFactRequest(string? Indicator, string? Level, int? Quantity, string? EvidenceReference, DateOnly? FrozenUntil);

public sealed record ReverseEntryRequest(string? Reason);

public sealed record SocialInsuranceCoverRequest(DateOnly? CoveredFrom, DateOnly? CoveredUntil, string? EvidenceReference);

public sealed record FileReviewRequest(string? Indicator, string? Reason);

/// <summary>An officer accepts a re-review: the answer, and the corrections (reversals of wrong entries, new facts).</summary>
public sealed record AcceptReviewRequest(string? Resolution, IReadOnlyList<long>? Reversals, IReadOnlyList<RecordFactRequest>? Facts);

public sealed record RejectReviewRequest(string? Reason);

public sealed record AccrualRequest(int? Year, int? Month);

/// <summary>
/// A holder's "what if": facts to add to what the ledger holds, scored under the rules in force, saved nowhere.
/// Levels and quantities are keyed by indicator code; months add to the ledger's months.
/// </summary>
public sealed record WhatIfRequest(
    IReadOnlyDictionary<string, string[]>? Levels, IReadOnlyDictionary<string, int>? Quantities, int? ExtraSocialInsuranceMonths,
    int? ExtraResidenceMonths, DateOnly? On);

public sealed record PointsLineResponse(
    string Code, string Name, string Tier, string Input, decimal RawPoints, decimal Points, string ExplanationZh, string Reason,
    IReadOnlyDictionary<string, string> Facts);

public sealed record PointsTierResponse(string Tier, decimal Uncapped, decimal? Cap, decimal Points);

/// <summary>
/// A resident's points explained: the total the ledger gives under <see cref="RuleSetVersion"/> on
/// <see cref="AssessedOn"/>, tier by tier and line by line, and the stored balance beside it.
/// </summary>
public sealed record PointsStatementResponse(
    Guid ResidentId, string RuleSetVersion, DateOnly AssessedOn, decimal Total, bool Frozen, DateOnly? FrozenUntil,
    IReadOnlyList<PointsTierResponse> Tiers, IReadOnlyList<PointsLineResponse> Lines, BalanceResponse? Balance)
{
    public static PointsStatementResponse From(Guid residentId, string label, PointsAssessment assessment, (bool Frozen, DateOnly? Until) freeze, PointsBalance? balance) =>
        new(residentId, label, assessment.AssessedOn, assessment.Total, freeze.Frozen, freeze.Until,
            [.. assessment.Tiers.Select(t => new PointsTierResponse(t.Tier.ToString().ToLowerInvariant(), t.Uncapped, t.Cap, t.Points))],
            [.. assessment.Lines.Select(l => new PointsLineResponse(
                l.Code, l.Name, l.Tier.ToString().ToLowerInvariant(), l.Input, l.RawPoints, l.Points, l.ExplanationZh, l.Explanation.Reason,
                l.Explanation.Facts.ToDictionary(f => f.Name, f => f.Value, StringComparer.Ordinal)))],
            balance is null ? null : BalanceResponse.From(balance));
}

public sealed record BalanceResponse(decimal Total, int WholePoints, bool Frozen, DateOnly? FrozenUntil, string RuleSetVersion, DateTimeOffset ComputedAt,
    int SocialInsuranceMonths, int ResidenceMonths)
{
    public static BalanceResponse From(PointsBalance b) =>
        new(b.TotalHundredths / 100m, b.Total, b.Frozen, b.FrozenUntil, b.RuleSetVersion, b.ComputedAt, b.SocialInsuranceMonths, b.ResidenceMonths);
}

public sealed record PointsEntryResponse(
    long Id, string Kind, string Indicator, int Quantity, string? Level, decimal Points, string? Period, string Source, string RuleSetVersion,
    string? Officer, string? EvidenceReference, DateTimeOffset CreatedAt, long? ReversesEntryId, DateOnly? FrozenUntil)
{
    public static PointsEntryResponse From(PointsEntry e) =>
        new(e.Id, e.Kind.ToString(), e.Indicator, e.Quantity, e.Level, e.Points, e.Period, e.Source, e.RuleSetVersion, e.Officer, e.EvidenceReference,
            e.CreatedAt, e.ReversesEntryId, e.FrozenUntil);
}

/// <summary>What an appended entry did: the entry and the balance after it.</summary>
public sealed record LedgerChangeResponse(IReadOnlyList<PointsEntryResponse> Entries, BalanceResponse Balance);

public sealed record WhatIfResponse(decimal CurrentTotal, decimal WhatIfTotal, decimal Difference, PointsStatementResponse WhatIf);

public sealed record PointsReviewResponse(
    Guid Id, Guid ResidentId, string? Indicator, string Reason, string Status, DateTimeOffset FiledAt, DateTimeOffset? ResolvedAt, string? ResolvedBy,
    string? Resolution)
{
    public static PointsReviewResponse From(PointsReview r) =>
        new(r.Id, r.ResidentId, r.Indicator, r.Reason, r.Status.ToString(), r.FiledAt, r.ResolvedAt, r.ResolvedBy, r.Resolution);
}

public sealed record RuleSetVersionResponse(string RuleSetVersion, string Name, DateOnly EffectiveFrom, DateOnly? EffectiveUntil, bool InForce);

public sealed record PublishResponse(string RuleSetVersion, int BalancesRecomputed, int EntriesWritten);

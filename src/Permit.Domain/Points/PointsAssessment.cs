namespace Permit.Domain.Points;

/// <summary>
/// The result of scoring one profile under one rule-set version on one date. Everything needed to explain or
/// recompute the total is here: the rule-set id and version, the date, and each indicator's input and points.
/// </summary>
public sealed record PointsAssessment(
    string RuleSetId,
    int RuleSetVersion,
    DateOnly AssessedOn,
    decimal Total,
    IReadOnlyList<TierSubtotal> Tiers,
    IReadOnlyList<PointsLine> Lines,
    IReadOnlyList<string> FrozenBy)
{
    /// <summary>True when a "deduction and freeze" indicator is on record: points-based services are suspended.</summary>
    public bool IsFrozen => FrozenBy.Count > 0;

    public PointsLine Line(string code) =>
        Lines.FirstOrDefault(l => string.Equals(l.Code, code, StringComparison.Ordinal))
        ?? throw new KeyNotFoundException($"Rule set '{RuleSetId}' v{RuleSetVersion} has no indicator '{code}'.");

    /// <summary>The tier's subtotal after its cap; 0 for a tier with no indicators.</summary>
    public decimal Subtotal(PointsTier tier) => Tiers.FirstOrDefault(t => t.Tier == tier)?.Points ?? 0;
}

/// <summary>A tier's sum before and after its cap.</summary>
public sealed record TierSubtotal(PointsTier Tier, decimal Uncapped, decimal? Cap, decimal Points);

/// <summary>
/// One indicator's contribution. <see cref="Input"/> is the fact scored as text (an age, a quantity, level codes
/// joined by '+'); <see cref="RawPoints"/> before and <see cref="Points"/> after the indicator's cap.
/// </summary>
public sealed record PointsLine(
    string Code,
    string Name,
    PointsTier Tier,
    string Input,
    decimal RawPoints,
    decimal Points,
    string ExplanationZh,
    PointsExplanation Explanation)
{
    public bool WasCapped => RawPoints != Points;
}

/// <summary>
/// Machine-readable explanation: a stable <see cref="Reason"/> (<c>age-band</c>, <c>age-outside-bands</c>,
/// <c>highest-level</c>, <c>no-level</c>, <c>per-unit</c>, <c>per-occurrence</c>) and the named facts used, in a fixed order.
/// </summary>
public sealed record PointsExplanation(string Reason, IReadOnlyList<ExplanationFact> Facts)
{
    public string? Fact(string name) =>
        Facts.FirstOrDefault(f => string.Equals(f.Name, name, StringComparison.Ordinal))?.Value;

    /// <summary>Compact form for storage and logs, e.g. <c>per-unit(quantity=61;pointsPerUnit=0.5;unitSize=1;cap=30)</c>.</summary>
    public override string ToString() => $"{Reason}({string.Join(';', Facts.Select(f => $"{f.Name}={f.Value}"))})";
}

/// <summary>A named fact of an explanation; values are invariant-culture text.</summary>
public sealed record ExplanationFact(string Name, string Value);

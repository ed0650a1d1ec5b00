namespace Permit.Domain.Points;

/// <summary>
/// One line of a rule set: what is scored, in which tier, how, and up to how much.
/// A <see cref="Freezes"/> indicator ("deduction and freeze", 违法失信 / 违法犯罪) also stops points-based services
/// for as long as an occurrence is on record.
/// </summary>
public sealed record PointsIndicator
{
    public PointsIndicator(string code, string name, PointsTier tier, decimal? cap, IndicatorScoring scoring, bool freezes = false)
    {
        if (!IndicatorCodes.IsWellFormed(code))
            throw RuleSetInvalid.Because($"Indicator code '{code}' is not dot-separated kebab-case (e.g. province.age).");
        if (string.IsNullOrWhiteSpace(name))
            throw RuleSetInvalid.Because($"Indicator '{code}' has no name.");
        if (!Enum.IsDefined(tier))
            throw RuleSetInvalid.Because($"Indicator '{code}' has an unknown tier.");
        if (cap < 0)
            throw RuleSetInvalid.Because($"Indicator '{code}' has a negative cap; a cap limits the size of the points either way.");
        ArgumentNullException.ThrowIfNull(scoring);
        if (tier == PointsTier.Deduction && scoring.CanAward)
            throw RuleSetInvalid.Because($"Indicator '{code}' is a deduction but can award points.");
        if (tier != PointsTier.Deduction && scoring.CanDeduct)
            throw RuleSetInvalid.Because($"Indicator '{code}' can deduct points but is not in the deduction tier.");
        if (freezes && scoring is not PerOccurrenceScoring)
            throw RuleSetInvalid.Because($"Indicator '{code}' freezes points but is not scored per occurrence.");

        Code = code;
        Name = name;
        Tier = tier;
        Cap = cap;
        Scoring = scoring;
        Freezes = freezes;
    }

    /// <summary>Stable code, e.g. <c>province.age</c>.</summary>
    public string Code { get; }

    /// <summary>Chinese name used in explanations, e.g. 年龄.</summary>
    public string Name { get; }

    public PointsTier Tier { get; }

    /// <summary>Largest size of this indicator's points, in either direction; <c>null</c> means uncapped.</summary>
    public decimal? Cap { get; }

    public IndicatorScoring Scoring { get; }

    public bool Freezes { get; }
}

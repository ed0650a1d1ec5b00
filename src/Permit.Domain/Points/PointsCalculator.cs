namespace Permit.Domain.Points;

/// <summary>
/// Scores a <see cref="PointsProfile"/> under a <see cref="PointsRuleSet"/> on a given date. Pure and deterministic:
/// the same rule-set version, profile and date always give the same assessment, which is what lets an old total be
/// recomputed and explained.
/// </summary>
public static class PointsCalculator
{
    public static PointsAssessment Calculate(PointsRuleSet ruleSet, PointsProfile profile, DateOnly assessmentDate)
    {
        ArgumentNullException.ThrowIfNull(ruleSet);
        ArgumentNullException.ThrowIfNull(profile);

        var lines = ruleSet.Indicators.Select(i => LineFor(i, profile, assessmentDate)).ToArray();

        var tiers = lines
            .GroupBy(l => l.Tier)
            .OrderBy(g => g.Key)
            .Select(g => Subtotal(g.Key, g.Sum(l => l.Points), ruleSet.CapFor(g.Key)))
            .ToArray();

        var frozenBy = ruleSet.Indicators
            .Where(i => i.Freezes && profile.QuantityFor(i.Code) > 0)
            .Select(i => i.Code)
            .ToArray();

        // Deductions can take the total below zero; it is reported as computed rather than floored, so the
        // deductions stay visible when places are ranked by score.
        return new PointsAssessment(ruleSet.Id, ruleSet.Version, assessmentDate, tiers.Sum(t => t.Points), tiers, lines, frozenBy);
    }

    private static PointsLine LineFor(PointsIndicator indicator, PointsProfile profile, DateOnly assessmentDate)
    {
        var scored = IndicatorScorer.Score(indicator, profile, assessmentDate);
        var points = Clamp(scored.RawPoints, indicator.Cap);
        var text = scored.ExplanationZh;
        if (indicator.Cap is { } cap)
        {
            scored.Facts.Add(new ExplanationFact("cap", PointsText.Number(cap)));
            if (points != scored.RawPoints)
                text += $"，上限{PointsText.Number(cap)}分，计{PointsText.Number(points)}分";
        }

        return new PointsLine(
            indicator.Code,
            indicator.Name,
            indicator.Tier,
            scored.Input,
            scored.RawPoints,
            points,
            $"{indicator.Name}：{text}",
            new PointsExplanation(scored.Reason, scored.Facts));
    }

    private static TierSubtotal Subtotal(PointsTier tier, decimal uncapped, decimal? cap) =>
        new(tier, uncapped, cap, Clamp(uncapped, cap));

    // A cap limits size in either direction, so it bounds deductions the same way it bounds awards.
    private static decimal Clamp(decimal points, decimal? cap) =>
        cap is { } c ? Math.Clamp(points, -c, c) : points;
}

using Permit.Domain.Points;

namespace Permit.Api.Features.Points;

/// <summary>
/// Turns a resident's ledger into the domain's <see cref="PointsProfile"/>: the entries still standing (neither a
/// reversal nor reversed) give the levels held and the quantities summed. Everything the calculator needs comes from
/// the ledger and the birth date, so a total can always be recomputed from them.
/// </summary>
internal static class LedgerFacts
{
    private static readonly Dictionary<string, EducationLevel> EducationByCode =
        Enum.GetValues<EducationLevel>().ToDictionary(QualificationLevels.Code, StringComparer.Ordinal);

    private static readonly Dictionary<string, SkillLevel> SkillByCode =
        Enum.GetValues<SkillLevel>().ToDictionary(QualificationLevels.Code, StringComparer.Ordinal);

    /// <summary>The entries that still count: not reversals, not reversed, and not the rule-set moves (which carry no fact).</summary>
    public static IEnumerable<PointsEntry> Standing(IReadOnlyCollection<PointsEntry> entries)
    {
        var reversed = entries.Where(e => e.ReversesEntryId is not null).Select(e => e.ReversesEntryId!.Value).ToHashSet();
        return entries.Where(e => e.Kind is PointsEntryKind.Accrual or PointsEntryKind.Evidence && !reversed.Contains(e.Id));
    }

    public static PointsProfile Profile(DateOnly birthDate, IReadOnlyCollection<PointsEntry> entries)
    {
        var standing = Standing(entries).ToArray();
        var levels = standing.Where(e => e.Level is not null)
            .GroupBy(e => e.Indicator, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.Select(e => e.Level!).Distinct(StringComparer.Ordinal).ToArray(), StringComparer.Ordinal);
        var quantities = standing.Where(e => e.Level is null)
            .GroupBy(e => e.Indicator, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.Sum(e => e.Quantity), StringComparer.Ordinal);

        return new PointsProfile
        {
            BirthDate = birthDate,
            EducationLevels = [.. levels.GetValueOrDefault(IndicatorCodes.Education, []).Select(EducationByCode.GetValueOrDefault)],
            SkillLevels = [.. levels.GetValueOrDefault(IndicatorCodes.Skill, []).Select(SkillByCode.GetValueOrDefault)],
            SocialInsuranceMonths = quantities.GetValueOrDefault(IndicatorCodes.SocialInsurance),
            ResidenceMonths = quantities.GetValueOrDefault(IndicatorCodes.Residence),
            Quantities = quantities.Where(q => !IndicatorCodes.IsTypedProfileInput(q.Key) && q.Value > 0)
                .ToDictionary(q => q.Key, q => (decimal)q.Value, StringComparer.Ordinal),
            Levels = levels.Where(l => !IndicatorCodes.IsTypedProfileInput(l.Key))
                .ToDictionary(l => l.Key, l => (IReadOnlyCollection<string>)l.Value, StringComparer.Ordinal),
        };
    }

    /// <summary>The last day of the freeze on record: null when none, or when one of them has no end.</summary>
    public static (bool Frozen, DateOnly? Until) Freeze(PointsRuleSet ruleSet, IReadOnlyCollection<PointsEntry> entries)
    {
        var freezing = Standing(entries)
            .Where(e => ruleSet.FindIndicator(e.Indicator) is { Freezes: true })
            .GroupBy(e => e.Indicator, StringComparer.Ordinal)
            .Where(g => g.Sum(e => e.Quantity) > 0)
            .SelectMany(g => g)
            .Where(e => e.Quantity > 0)
            .ToArray();
        if (freezing.Length == 0)
            return (false, null);
        return freezing.Any(e => e.FrozenUntil is null) ? (true, null) : (true, freezing.Max(e => e.FrozenUntil));
    }

    public static BalanceFigures Figures(PointsAssessment assessment, PointsProfile profile, (bool Frozen, DateOnly? Until) freeze)
    {
        var provinceFixed = assessment.Lines
            .Where(l => l.Tier == PointsTier.Province && !AccrualRules.MovingIndicators.Contains(l.Code))
            .Sum(l => l.Points);
        var otherTiers = assessment.Tiers.Where(t => t.Tier != PointsTier.Province).Sum(t => t.Points);
        return new BalanceFigures(
            AccrualRules.Hundredths(assessment.Total, "total"), freeze.Frozen, freeze.Until,
            profile.SocialInsuranceMonths, profile.ResidenceMonths,
            AccrualRules.Hundredths(provinceFixed, "province"), AccrualRules.Hundredths(otherTiers, "other tiers"));
    }

    public static int LineHundredths(PointsAssessment assessment, string code) =>
        assessment.Lines.FirstOrDefault(l => string.Equals(l.Code, code, StringComparison.Ordinal)) is { } line
            ? AccrualRules.Hundredths(line.Points, code)
            : 0;
}

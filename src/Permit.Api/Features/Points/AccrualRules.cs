using Permit.Domain.Common;
using Permit.Domain.Points;

namespace Permit.Api.Features.Points;

/// <summary>
/// The parts of a rule set the set-based accrual evaluates in SQL: the age bands, the two monthly indicators and the
/// province cap, all in hundredths of a point. A rule set the SQL cannot evaluate exactly is refused when published,
/// so the accrual and the domain calculator can never disagree.
/// </summary>
internal sealed record AccrualRules(
    PerUnitRule? SocialInsurance, PerUnitRule? Residence, IReadOnlyList<(int Age, int Hundredths)> AgePointsFrom, int? AgeMaxAge,
    int? ProvinceCapHundredths)
{
    public static readonly string[] MovingIndicators = [IndicatorCodes.Age, IndicatorCodes.SocialInsurance, IndicatorCodes.Residence];

    public static AccrualRules For(PointsRuleSet ruleSet)
    {
        ArgumentNullException.ThrowIfNull(ruleSet);
        foreach (var indicator in ruleSet.Indicators)
            CheckHundredths(indicator);
        foreach (var code in MovingIndicators)
        {
            if (ruleSet.FindIndicator(code) is { } moving && moving.Tier != PointsTier.Province)
                throw Invalid($"'{code}' must stay in the province tier: the monthly accrual caps it with the province tier.");
        }

        var (ages, maxAge) = AgeTable(ruleSet.FindIndicator(IndicatorCodes.Age));
        return new AccrualRules(
            PerUnit(ruleSet.FindIndicator(IndicatorCodes.SocialInsurance)),
            PerUnit(ruleSet.FindIndicator(IndicatorCodes.Residence)),
            ages, maxAge,
            ruleSet.CapFor(PointsTier.Province) is { } cap ? Hundredths(cap, "the province cap") : null);
    }

    private static PerUnitRule? PerUnit(PointsIndicator? indicator)
    {
        if (indicator is null)
            return null;
        if (indicator.Scoring is not PerUnitScoring perUnit || perUnit.UnitSize != decimal.Truncate(perUnit.UnitSize) || perUnit.PointsPerUnit < 0)
            throw Invalid($"'{indicator.Code}' accrues monthly: it must be scored per whole number of months with points of 0 or more.");
        return new PerUnitRule(
            indicator.Code, (int)perUnit.UnitSize, Hundredths(perUnit.PointsPerUnit, indicator.Code),
            indicator.Cap is { } cap ? Hundredths(cap, indicator.Code) : null);
    }

    // Age points by age in full years, as (first age, points) steps; ages past the last step score its points.
    private static (IReadOnlyList<(int, int)>, int?) AgeTable(PointsIndicator? indicator)
    {
        if (indicator is null)
            return ([], null);
        if (indicator.Scoring is not AgeBandScoring bands)
            throw Invalid($"'{indicator.Code}' must be scored by age bands.");
        var maxAge = bands.Bands.Max(b => b.ToAge);
        var steps = new List<(int, int)>();
        for (var age = 0; age <= maxAge + 1; age++)
        {
            var raw = bands.BandFor(age)?.PointsAt(age) ?? 0;
            var capped = indicator.Cap is { } cap ? Math.Clamp(raw, -cap, cap) : raw;
            var hundredths = Hundredths(capped, indicator.Code);
            if (steps.Count == 0 || steps[^1].Item2 != hundredths)
                steps.Add((age, hundredths));
        }

        return (steps, maxAge);
    }

    private static void CheckHundredths(PointsIndicator indicator)
    {
        if (indicator.Cap is { } cap)
            Hundredths(cap, indicator.Code);
        switch (indicator.Scoring)
        {
            case AgeBandScoring ages:
                foreach (var band in ages.Bands)
                {
                    Hundredths(band.Points, indicator.Code);
                    Hundredths(band.PerYearYounger, indicator.Code);
                }

                break;
            case LevelTableScoring table:
                foreach (var level in table.Levels)
                    Hundredths(level.Points, indicator.Code);
                break;
            case PerUnitScoring perUnit:
                Hundredths(perUnit.PointsPerUnit, indicator.Code);
                break;
            case PerOccurrenceScoring perOccurrence:
                Hundredths(perOccurrence.PointsEach, indicator.Code);
                break;
        }
    }

    internal static int Hundredths(decimal points, string where)
    {
        var scaled = points * 100;
        if (scaled != decimal.Truncate(scaled) || Math.Abs(scaled) > int.MaxValue / 4)
            throw Invalid($"'{where}' gives {points} points: the ledger keeps whole hundredths of a point.");
        return (int)scaled;
    }

    private static DomainException Invalid(string message) => new("points-rule-set-invalid", message);
}

/// <summary>A monthly indicator: <see cref="PointsPerUnitHundredths"/> per <see cref="UnitSize"/> months, up to its cap.</summary>
internal sealed record PerUnitRule(string Code, int UnitSize, int PointsPerUnitHundredths, int? CapHundredths)
{
    /// <summary>The indicator's points for <paramref name="months"/>, as the calculator scores them.</summary>
    public int LineHundredths(int months)
    {
        var raw = months / UnitSize * PointsPerUnitHundredths;
        return CapHundredths is { } cap ? Math.Min(raw, cap) : raw;
    }
}

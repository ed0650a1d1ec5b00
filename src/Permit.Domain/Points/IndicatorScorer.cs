namespace Permit.Domain.Points;

/// <summary>Scores one indicator before its cap: the input as text, the raw points and both explanations.</summary>
internal static class IndicatorScorer
{
    public sealed record Scored(string Input, decimal RawPoints, string ExplanationZh, string Reason, List<ExplanationFact> Facts);

    public static Scored Score(PointsIndicator indicator, PointsProfile profile, DateOnly assessedOn) => indicator.Scoring switch
    {
        AgeBandScoring ages => ScoreAge(ages, Ages.FullYearsOn(profile.BirthDate, assessedOn)),
        LevelTableScoring table => ScoreLevels(table, profile.LevelsFor(indicator.Code)),
        PerUnitScoring perUnit => ScorePerUnit(perUnit, profile.QuantityFor(indicator.Code)),
        PerOccurrenceScoring perOccurrence => ScorePerOccurrence(indicator, perOccurrence, profile.QuantityFor(indicator.Code)),
        _ => throw new InvalidOperationException($"No scorer for kind '{indicator.Scoring.Kind}'."),
    };

    private static Scored ScoreAge(AgeBandScoring scoring, int age)
    {
        var input = PointsText.Number(age);
        var band = scoring.BandFor(age);
        if (band is null)
            return new(input, 0, $"{input}周岁，不在计分年龄段，得0分", "age-outside-bands", [new("age", input)]);

        var points = band.PointsAt(age);
        var rule = band.PerYearYounger == 0
            ? $"{PointsText.Number(band.FromAge)}–{PointsText.Number(band.ToAge)}周岁段"
            : $"{PointsText.Number(band.ToAge)}周岁{PointsText.Number(band.Points)}分，每小1岁加{PointsText.Number(band.PerYearYounger)}分";
        return new(input, points, $"{input}周岁（{rule}），{PointsText.Earned(points)}", "age-band",
        [
            new("age", input),
            new("fromAge", PointsText.Number(band.FromAge)),
            new("toAge", PointsText.Number(band.ToAge)),
            new("points", PointsText.Number(band.Points)),
            new("perYearYounger", PointsText.Number(band.PerYearYounger)),
        ]);
    }

    private static Scored ScoreLevels(LevelTableScoring table, IReadOnlyCollection<string> held)
    {
        // Sorted so the same facts always produce the same text, whatever collection the caller used.
        var levels = held.Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToArray();
        var input = string.Join('+', levels);
        var recognised = levels.Select(table.Find).OfType<LevelPoints>().ToArray();
        var unrecognised = levels.Where(l => table.Find(l) is null).ToArray();
        var facts = new List<ExplanationFact> { new("held", input) };
        if (unrecognised.Length > 0)
            facts.Add(new("unrecognised", string.Join('+', unrecognised)));
        if (recognised.Length == 0)
            return new(input, 0, "未申报可计分的等级，得0分", "no-level", facts);

        // Highest only: a bachelor's degree and a college diploma score 10, not 18.
        var best = table.Levels.Where(recognised.Contains).MaxBy(l => l.Points)!;
        facts.Insert(0, new("level", best.Level));
        facts.Insert(1, new("points", PointsText.Number(best.Points)));
        var text = recognised.Length == 1
            ? $"{best.Label}，{PointsText.Earned(best.Points)}"
            : $"持有{PointsText.Number(recognised.Length)}项，按最高的{best.Label}计，{PointsText.Earned(best.Points)}";
        return new(input, best.Points, text, "highest-level", facts);
    }

    private static Scored ScorePerUnit(PerUnitScoring scoring, decimal quantity)
    {
        var input = PointsText.Number(quantity);
        var points = scoring.Score(quantity);
        var per = scoring.UnitSize == 1 ? $"每{scoring.Unit}" : $"每{PointsText.Number(scoring.UnitSize)}{scoring.Unit}";
        return new(input, points, $"{input}{scoring.Unit}，{per}{PointsText.Number(scoring.PointsPerUnit)}分，{PointsText.Earned(points)}", "per-unit",
        [
            new("quantity", input),
            new("unitSize", PointsText.Number(scoring.UnitSize)),
            new("pointsPerUnit", PointsText.Number(scoring.PointsPerUnit)),
        ]);
    }

    private static Scored ScorePerOccurrence(PointsIndicator indicator, PerOccurrenceScoring scoring, decimal occurrences)
    {
        if (occurrences != decimal.Truncate(occurrences))
            throw new DomainException(PointsProfile.InvalidCode, $"'{indicator.Code}' counts occurrences; {PointsText.Number(occurrences)} is not a whole number.");
        var input = PointsText.Number(occurrences);
        var points = occurrences * scoring.PointsEach;
        var facts = new List<ExplanationFact>
        {
            new("occurrences", input),
            new("pointsEach", PointsText.Number(scoring.PointsEach)),
            new("freezes", indicator.Freezes && occurrences > 0 ? "true" : "false"),
        };
        if (occurrences == 0)
            return new(input, 0, "无记录，得0分", "per-occurrence", facts);

        var each = scoring.PointsEach < 0 ? $"每次扣{PointsText.Number(-scoring.PointsEach)}分" : $"每次{PointsText.Number(scoring.PointsEach)}分";
        var total = points < 0 ? $"共扣{PointsText.Number(-points)}分" : $"共得{PointsText.Number(points)}分";
        var freeze = indicator.Freezes ? "，积分服务冻结" : "";
        return new(input, points, $"{input}次，{each}，{total}{freeze}", "per-occurrence", facts);
    }
}

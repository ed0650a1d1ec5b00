namespace Permit.Domain.Points;

/// <summary>
/// How an indicator turns its input into points. Closed set: the calculator and the JSON format know every kind,
/// so a rule set cannot name a kind nobody can evaluate.
/// </summary>
public abstract record IndicatorScoring
{
    private protected IndicatorScoring() { }

    /// <summary>The stable name of the kind in rule-set JSON and in machine-readable explanations.</summary>
    public abstract string Kind { get; }

    /// <summary>True when some input could earn a negative amount (only deductions may).</summary>
    internal abstract bool CanDeduct { get; }

    /// <summary>True when some input could earn a positive amount.</summary>
    internal abstract bool CanAward { get; }
}

/// <summary>
/// Points by age in full years. Inside a band the score is <see cref="AgeBand.Points"/> at the band's upper age plus
/// <see cref="AgeBand.PerYearYounger"/> for each year below it; an age outside every band scores nothing.
/// </summary>
public sealed record AgeBandScoring : IndicatorScoring
{
    public const string KindName = "age-bands";

    public AgeBandScoring(IEnumerable<AgeBand> bands)
    {
        var sorted = bands.OrderBy(b => b.FromAge).ToArray();
        if (sorted.Length == 0)
            throw RuleSetInvalid.Because("An age-bands scoring needs at least one band.");
        for (var i = 1; i < sorted.Length; i++)
        {
            if (sorted[i].FromAge <= sorted[i - 1].ToAge)
                throw RuleSetInvalid.Because($"Age bands {sorted[i - 1].FromAge}–{sorted[i - 1].ToAge} and {sorted[i].FromAge}–{sorted[i].ToAge} overlap.");
        }

        Bands = sorted;
    }

    public IReadOnlyList<AgeBand> Bands { get; }

    public override string Kind => KindName;

    internal override bool CanDeduct => Bands.Any(b => b.Points < 0 || b.PerYearYounger < 0);

    internal override bool CanAward => Bands.Any(b => b.Points > 0 || b.PerYearYounger > 0);

    public AgeBand? BandFor(int age) => Bands.FirstOrDefault(b => age >= b.FromAge && age <= b.ToAge);
}

/// <summary>One age band, inclusive at both ends.</summary>
public sealed record AgeBand
{
    public AgeBand(int fromAge, int toAge, decimal points, decimal perYearYounger = 0)
    {
        if (fromAge < 0 || toAge < fromAge)
            throw RuleSetInvalid.Because($"Age band {fromAge}–{toAge} is empty or negative.");
        FromAge = fromAge;
        ToAge = toAge;
        Points = points;
        PerYearYounger = perYearYounger;
    }

    public int FromAge { get; }

    public int ToAge { get; }

    /// <summary>Points at <see cref="ToAge"/>.</summary>
    public decimal Points { get; }

    /// <summary>Added for each full year below <see cref="ToAge"/>.</summary>
    public decimal PerYearYounger { get; }

    public decimal PointsAt(int age) => Points + ((ToAge - age) * PerYearYounger);
}

/// <summary>Points by level held; when several levels are held only the best-scoring one counts.</summary>
public sealed record LevelTableScoring : IndicatorScoring
{
    public const string KindName = "level-table";

    public LevelTableScoring(IEnumerable<LevelPoints> levels)
    {
        var list = levels.ToArray();
        if (list.Length == 0)
            throw RuleSetInvalid.Because("A level table needs at least one level.");
        var duplicate = list.GroupBy(l => l.Level, StringComparer.Ordinal).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null)
            throw RuleSetInvalid.Because($"Level '{duplicate.Key}' appears twice in one level table.");
        Levels = list;
    }

    public IReadOnlyList<LevelPoints> Levels { get; }

    public override string Kind => KindName;

    internal override bool CanDeduct => Levels.Any(l => l.Points < 0);

    internal override bool CanAward => Levels.Any(l => l.Points > 0);

    public LevelPoints? Find(string level) => Levels.FirstOrDefault(l => string.Equals(l.Level, level, StringComparison.Ordinal));
}

/// <summary>One row of a level table: a stable level code, its Chinese label and its points.</summary>
public sealed record LevelPoints
{
    public LevelPoints(string level, string label, decimal points)
    {
        if (!IndicatorCodes.IsWellFormedLevel(level))
            throw RuleSetInvalid.Because($"Level code '{level}' is not kebab-case.");
        if (string.IsNullOrWhiteSpace(label))
            throw RuleSetInvalid.Because($"Level '{level}' has no label.");
        Level = level;
        Label = label;
        Points = points;
    }

    public string Level { get; }

    public string Label { get; }

    public decimal Points { get; }
}

/// <summary>
/// <see cref="PointsPerUnit"/> for each whole <see cref="UnitSize"/> of the input (months, millilitres, events);
/// a part-unit earns nothing (250 ml of blood at 1 per 100 ml is 2 points).
/// </summary>
public sealed record PerUnitScoring : IndicatorScoring
{
    public const string KindName = "per-unit";

    public PerUnitScoring(decimal pointsPerUnit, decimal unitSize, string unit)
    {
        if (unitSize <= 0)
            throw RuleSetInvalid.Because($"A per-unit scoring needs a positive unit size, not {unitSize}.");
        if (string.IsNullOrWhiteSpace(unit))
            throw RuleSetInvalid.Because("A per-unit scoring needs a unit name (e.g. 个月).");
        PointsPerUnit = pointsPerUnit;
        UnitSize = unitSize;
        Unit = unit;
    }

    public decimal PointsPerUnit { get; }

    public decimal UnitSize { get; }

    /// <summary>The unit's Chinese name as used in explanations: 个月, 毫升, 次.</summary>
    public string Unit { get; }

    public override string Kind => KindName;

    internal override bool CanDeduct => PointsPerUnit < 0;

    internal override bool CanAward => PointsPerUnit > 0;

    public decimal Score(decimal quantity) => decimal.Floor(quantity / UnitSize) * PointsPerUnit;
}

/// <summary>A fixed amount for each recorded occurrence (deductions: −20 for each administrative detention).</summary>
public sealed record PerOccurrenceScoring : IndicatorScoring
{
    public const string KindName = "per-occurrence";

    public PerOccurrenceScoring(decimal pointsEach)
    {
        if (pointsEach == 0)
            throw RuleSetInvalid.Because("A per-occurrence scoring of 0 points does nothing.");
        PointsEach = pointsEach;
    }

    public decimal PointsEach { get; }

    public override string Kind => KindName;

    internal override bool CanDeduct => PointsEach < 0;

    internal override bool CanAward => PointsEach > 0;
}

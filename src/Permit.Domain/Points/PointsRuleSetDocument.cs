namespace Permit.Domain.Points;

// The JSON shape of a rule set. Kept apart from the domain types so the file format can stay stable while the
// model evolves, and so every field is checked by the domain constructors when a document is turned into a rule set.

internal sealed record PointsRuleSetDocument
{
    public required string Id { get; init; }

    public required int Version { get; init; }

    public required string Name { get; init; }

    public required DateOnly EffectiveFrom { get; init; }

    public DateOnly? EffectiveUntil { get; init; }

    public required bool Published { get; init; }

    /// <summary>Tier name (province, city, district, bonus, deduction) → cap.</summary>
    public required Dictionary<string, decimal> TierCaps { get; init; }

    public required List<IndicatorDocument> Indicators { get; init; }
}

internal sealed record IndicatorDocument
{
    public required string Code { get; init; }

    public required string Name { get; init; }

    public required string Tier { get; init; }

    public decimal? Cap { get; init; }

    public bool Freezes { get; init; }

    public required ScoringDocument Scoring { get; init; }
}

/// <summary>One shape for every kind; the fields a kind needs are checked when the kind is built.</summary>
internal sealed record ScoringDocument
{
    public required string Kind { get; init; }

    public List<AgeBandDocument>? Bands { get; init; }

    public List<LevelDocument>? Levels { get; init; }

    public decimal? PointsPerUnit { get; init; }

    public decimal? UnitSize { get; init; }

    public string? Unit { get; init; }

    public decimal? PointsEach { get; init; }
}

internal sealed record AgeBandDocument
{
    public required int FromAge { get; init; }

    public required int ToAge { get; init; }

    public required decimal Points { get; init; }

    public decimal PerYearYounger { get; init; }
}

internal sealed record LevelDocument
{
    public required string Level { get; init; }

    public required string Label { get; init; }

    public required decimal Points { get; init; }
}

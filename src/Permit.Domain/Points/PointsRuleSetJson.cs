using System.Text.Json;

namespace Permit.Domain.Points;

/// <summary>
/// Reads and writes rule sets as JSON (camelCase). Reading is strict: unknown fields, missing fields, an unknown tier
/// or scoring kind, duplicate codes or negative caps are all rejected with a <see cref="Common.DomainException"/>
/// (code <c>points-rule-set-invalid</c>) whose message names the problem.
/// </summary>
public static class PointsRuleSetJson
{
    private static JsonSerializerOptions Options => Common.PublishedJson.Options;

    public static PointsRuleSet Parse(string json)
    {
        ArgumentNullException.ThrowIfNull(json);
        return FromDocument(Deserialize(() => JsonSerializer.Deserialize<PointsRuleSetDocument>(json, Options)));
    }

    public static PointsRuleSet Read(Stream utf8Json)
    {
        ArgumentNullException.ThrowIfNull(utf8Json);
        return FromDocument(Deserialize(() => JsonSerializer.Deserialize<PointsRuleSetDocument>(utf8Json, Options)));
    }

    public static string Serialize(PointsRuleSet ruleSet)
    {
        ArgumentNullException.ThrowIfNull(ruleSet);
        return JsonSerializer.Serialize(ToDocument(ruleSet), Options);
    }

    private static PointsRuleSetDocument Deserialize(Func<PointsRuleSetDocument?> deserialize)
    {
        try
        {
            return deserialize() ?? throw RuleSetInvalid.Because("The rule-set document is empty (null).");
        }
        catch (JsonException ex)
        {
            throw RuleSetInvalid.Because($"The rule-set document is not valid: {ex.Message}");
        }
    }

    private static PointsRuleSet FromDocument(PointsRuleSetDocument document) =>
        new(
            document.Id,
            document.Version,
            document.Name,
            document.EffectiveFrom,
            document.EffectiveUntil,
            document.Published,
            document.TierCaps.ToDictionary(c => ParseTier(c.Key, "tierCaps"), c => c.Value),
            document.Indicators.Select(FromDocument));

    private static PointsIndicator FromDocument(IndicatorDocument document) =>
        new(
            document.Code,
            document.Name,
            ParseTier(document.Tier, document.Code),
            document.Cap,
            FromDocument(document.Code, document.Scoring),
            document.Freezes);

    private static IndicatorScoring FromDocument(string code, ScoringDocument scoring) => scoring.Kind switch
    {
        AgeBandScoring.KindName => new AgeBandScoring(
            Required(scoring.Bands, code, "bands").Select(b => new AgeBand(b.FromAge, b.ToAge, b.Points, b.PerYearYounger))),
        LevelTableScoring.KindName => new LevelTableScoring(
            Required(scoring.Levels, code, "levels").Select(l => new LevelPoints(l.Level, l.Label, l.Points))),
        PerUnitScoring.KindName => new PerUnitScoring(
            Required(scoring.PointsPerUnit, code, "pointsPerUnit"),
            scoring.UnitSize ?? 1,
            Required(scoring.Unit, code, "unit")),
        PerOccurrenceScoring.KindName => new PerOccurrenceScoring(Required(scoring.PointsEach, code, "pointsEach")),
        _ => throw RuleSetInvalid.Because(
            $"Indicator '{code}' has unknown scoring kind '{scoring.Kind}' (known: {AgeBandScoring.KindName}, {LevelTableScoring.KindName}, {PerUnitScoring.KindName}, {PerOccurrenceScoring.KindName})."),
    };

    private static T Required<T>(T? value, string code, string field)
        where T : class =>
        value ?? throw RuleSetInvalid.Because($"Indicator '{code}' needs '{field}' for its scoring kind.");

    private static T Required<T>(T? value, string code, string field)
        where T : struct =>
        value ?? throw RuleSetInvalid.Because($"Indicator '{code}' needs '{field}' for its scoring kind.");

    private static PointsTier ParseTier(string text, string where) => text switch
    {
        "province" => PointsTier.Province,
        "city" => PointsTier.City,
        "district" => PointsTier.District,
        "bonus" => PointsTier.Bonus,
        "deduction" => PointsTier.Deduction,
        _ => throw RuleSetInvalid.Because($"'{where}' names unknown tier '{text}' (known: province, city, district, bonus, deduction)."),
    };

    private static string TierName(PointsTier tier) => tier switch
    {
        PointsTier.Province => "province",
        PointsTier.City => "city",
        PointsTier.District => "district",
        PointsTier.Bonus => "bonus",
        PointsTier.Deduction => "deduction",
        _ => throw new ArgumentOutOfRangeException(nameof(tier), tier, "Unknown tier."),
    };

    private static PointsRuleSetDocument ToDocument(PointsRuleSet ruleSet) => new()
    {
        Id = ruleSet.Id,
        Version = ruleSet.Version,
        Name = ruleSet.Name,
        EffectiveFrom = ruleSet.EffectiveFrom,
        EffectiveUntil = ruleSet.EffectiveUntil,
        Published = ruleSet.IsPublished,
        TierCaps = ruleSet.TierCaps.ToDictionary(c => TierName(c.Key), c => c.Value),
        Indicators = [.. ruleSet.Indicators.Select(ToDocument)],
    };

    private static IndicatorDocument ToDocument(PointsIndicator indicator) => new()
    {
        Code = indicator.Code,
        Name = indicator.Name,
        Tier = TierName(indicator.Tier),
        Cap = indicator.Cap,
        Freezes = indicator.Freezes,
        Scoring = indicator.Scoring switch
        {
            AgeBandScoring ages => new()
            {
                Kind = ages.Kind,
                Bands = [.. ages.Bands.Select(b => new AgeBandDocument { FromAge = b.FromAge, ToAge = b.ToAge, Points = b.Points, PerYearYounger = b.PerYearYounger })],
            },
            LevelTableScoring table => new()
            {
                Kind = table.Kind,
                Levels = [.. table.Levels.Select(l => new LevelDocument { Level = l.Level, Label = l.Label, Points = l.Points })],
            },
            PerUnitScoring perUnit => new() { Kind = perUnit.Kind, PointsPerUnit = perUnit.PointsPerUnit, UnitSize = perUnit.UnitSize, Unit = perUnit.Unit },
            PerOccurrenceScoring perOccurrence => new() { Kind = perOccurrence.Kind, PointsEach = perOccurrence.PointsEach },
            _ => throw new InvalidOperationException($"No JSON shape for kind '{indicator.Scoring.Kind}'."),
        },
    };
}

using System.Text.Json;

namespace Permit.Domain.Settlement;

/// <summary>Where an index indicator's fact comes from (every source is something the register already holds).</summary>
public static class IndexSources
{
    public const string EducationLevel = "education-level";
    public const string SkillLevel = "skill-level";
    public const string ResidenceMonths = "residence-months";
    public const string WorkMonths = "work-months";
    public const string InsuranceMonths = "insurance-months";
    public const string ContributionPoints = "contribution-points";

    public static IReadOnlyList<string> All { get; } = [EducationLevel, SkillLevel, ResidenceMonths, WorkMonths, InsuranceMonths, ContributionPoints];
}

/// <summary>
/// An applicant's facts for the settlement index, as the register showed them when the applicant entered the round (or
/// as an upheld objection corrected them). Contribution is the applicant's blood-donation and volunteer points in hundredths.
/// </summary>
public sealed record IndexFacts(string? EducationLevel, string? SkillLevel, int ResidenceMonths, int WorkMonths, int InsuranceMonths, int ContributionHundredths);

/// <summary>One indicator's points for one applicant, with the fact used and the sentence that explains it.</summary>
public sealed record IndicatorScore(string Code, string Name, string Fact, int PointsHundredths, string Explanation);

/// <summary>One indicator of the index: its source, and its numbers (a level table, or points per whole year / per point, with a cap).</summary>
public sealed record IndexIndicator(
    string Code,
    string Name,
    string Source,
    string Explanation,
    IReadOnlyDictionary<string, decimal>? Levels = null,
    decimal? PerYear = null,
    decimal? PerPoint = null,
    decimal? Cap = null)
{
    public IndicatorScore Score(IndexFacts facts)
    {
        ArgumentNullException.ThrowIfNull(facts);
        var (fact, points) = Source switch
        {
            IndexSources.EducationLevel => Level(facts.EducationLevel),
            IndexSources.SkillLevel => Level(facts.SkillLevel),
            IndexSources.ResidenceMonths => Years(facts.ResidenceMonths),
            IndexSources.WorkMonths => Years(facts.WorkMonths),
            IndexSources.InsuranceMonths => Years(facts.InsuranceMonths),
            IndexSources.ContributionPoints => ($"{facts.ContributionHundredths / 100m:0.##}", facts.ContributionHundredths / 100m * (PerPoint ?? 0)),
            _ => ("", 0m),
        };
        if (Cap is { } cap && points > cap)
            points = cap;
        return new IndicatorScore(Code, Name, fact, (int)decimal.Floor(points * 100), Explanation);
    }

    private (string Fact, decimal Points) Level(string? level) =>
        (level ?? "none", level is not null && Levels is not null && Levels.TryGetValue(level, out var points) ? points : 0m);

    // Whole years only: a part year earns nothing yet, so a score never changes between two monthly statements.
    private (string Fact, decimal Points) Years(int months) => ($"{months} months", (months / 12) * (PerYear ?? 0));
}

/// <summary>
/// A versioned settlement index (积分落户指标): data, not code. The shipped version is embedded
/// (<c>Settlement/Defaults/zhenhai-settlement-index-2026.json</c>); each round names the version it ranks by.
/// </summary>
public sealed record SettlementIndex(string Id, int Version, string Name, DateOnly EffectiveFrom, IReadOnlyList<IndexIndicator> Indicators)
{
    public const string InvalidCode = "settlement-index-invalid";

    public string Label => $"{Id}@{Version}";

    /// <summary>Every indicator's score; the total is their sum.</summary>
    public IReadOnlyList<IndicatorScore> Score(IndexFacts facts) => [.. Indicators.Select(i => i.Score(facts))];

    public int TotalHundredths(IndexFacts facts) => Score(facts).Sum(s => s.PointsHundredths);

    public static SettlementIndex Parse(string json)
    {
        SettlementIndex? index;
        try
        {
            index = JsonSerializer.Deserialize<SettlementIndex>(json, PublishedJson.Options);
        }
        catch (JsonException e)
        {
            throw new DomainException(InvalidCode, $"The settlement index is not valid JSON of the expected shape: {e.Message}");
        }
        if (index is null || string.IsNullOrWhiteSpace(index.Id) || index.Version < 1 || index.Indicators.Count == 0)
            throw new DomainException(InvalidCode, "A settlement index needs an id, a version of 1 or more and indicators.");
        foreach (var i in index.Indicators)
        {
            var ok = i.Source switch
            {
                IndexSources.EducationLevel or IndexSources.SkillLevel => i.Levels is { Count: > 0 },
                IndexSources.ResidenceMonths or IndexSources.WorkMonths or IndexSources.InsuranceMonths => i.PerYear is > 0,
                IndexSources.ContributionPoints => i.PerPoint is > 0,
                _ => false,
            };
            if (!ok)
                throw new DomainException(InvalidCode, $"Indicator '{i.Code}' with source '{i.Source}' lacks what its source needs (sources: {string.Join(", ", IndexSources.All)}).");
        }
        return index;
    }
}

public static class SettlementIndexes
{
    private static readonly Lazy<SettlementIndex> Zhenhai2026Lazy = new(() => SettlementIndex.Parse(EmbeddedText.Read("zhenhai-settlement-index-2026.json")));

    /// <summary>镇海区积分落户指标（2026年版）, <c>zhenhai-settlement-index@1</c>.</summary>
    public static SettlementIndex Zhenhai2026 => Zhenhai2026Lazy.Value;
}

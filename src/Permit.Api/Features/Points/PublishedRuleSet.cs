namespace Permit.Api.Features.Points;

/// <summary>
/// A points rule-set version as published: the JSON exactly as accepted, so any old total can be explained and
/// recomputed under the rules that produced it. Never edited; a change is a new version.
/// </summary>
public sealed class PublishedRuleSet
{
    private PublishedRuleSet() { }

    internal PublishedRuleSet(string ruleSetId, int version, DateOnly effectiveFrom, string json, DateTimeOffset publishedAt, string publishedBy)
    {
        RuleSetId = ruleSetId;
        Version = version;
        EffectiveFrom = effectiveFrom;
        Json = json;
        PublishedAt = publishedAt;
        PublishedBy = publishedBy;
    }

    public string RuleSetId { get; private set; } = "";

    public int Version { get; private set; }

    public DateOnly EffectiveFrom { get; private set; }

    public string Json { get; private set; } = "";

    public DateTimeOffset PublishedAt { get; private set; }

    public string PublishedBy { get; private set; } = "";
}

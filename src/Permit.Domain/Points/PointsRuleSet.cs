namespace Permit.Domain.Points;

/// <summary>
/// A versioned, publishable set of points indicators. Every assessment records the id and version it was computed
/// under, so a total can be explained and recomputed later; a published version is therefore never edited, only
/// superseded by a new version.
/// </summary>
public sealed class PointsRuleSet
{
    private readonly Dictionary<string, PointsIndicator> _byCode;

    public PointsRuleSet(
        string id,
        int version,
        string name,
        DateOnly effectiveFrom,
        DateOnly? effectiveUntil,
        bool isPublished,
        IReadOnlyDictionary<PointsTier, decimal> tierCaps,
        IEnumerable<PointsIndicator> indicators)
    {
        ArgumentNullException.ThrowIfNull(tierCaps);
        ArgumentNullException.ThrowIfNull(indicators);
        if (!IndicatorCodes.IsWellFormedLevel(id))
            throw RuleSetInvalid.Because($"Rule-set id '{id}' is not kebab-case.");
        if (version < 1)
            throw RuleSetInvalid.Because($"Rule set '{id}' has version {version}; versions start at 1.");
        if (string.IsNullOrWhiteSpace(name))
            throw RuleSetInvalid.Because($"Rule set '{id}' has no name.");
        if (effectiveUntil < effectiveFrom)
            throw RuleSetInvalid.Because($"Rule set '{id}' ends ({effectiveUntil:yyyy-MM-dd}) before it starts ({effectiveFrom:yyyy-MM-dd}).");
        foreach (var (tier, cap) in tierCaps)
        {
            if (!Enum.IsDefined(tier))
                throw RuleSetInvalid.Because($"Rule set '{id}' caps an unknown tier.");
            if (cap < 0)
                throw RuleSetInvalid.Because($"Rule set '{id}' has a negative cap for the {tier} tier.");
        }

        var list = indicators.ToArray();
        if (list.Length == 0)
            throw RuleSetInvalid.Because($"Rule set '{id}' has no indicators.");
        _byCode = new Dictionary<string, PointsIndicator>(StringComparer.Ordinal);
        foreach (var indicator in list)
        {
            ArgumentNullException.ThrowIfNull(indicator);
            if (!_byCode.TryAdd(indicator.Code, indicator))
                throw RuleSetInvalid.Because($"Rule set '{id}' has indicator code '{indicator.Code}' more than once.");
        }

        Id = id;
        Version = version;
        Name = name;
        EffectiveFrom = effectiveFrom;
        EffectiveUntil = effectiveUntil;
        IsPublished = isPublished;
        TierCaps = tierCaps.OrderBy(c => c.Key).ToDictionary(c => c.Key, c => c.Value).AsReadOnly();
        Indicators = list;
    }

    public string Id { get; }

    public int Version { get; }

    public string Name { get; }

    public DateOnly EffectiveFrom { get; }

    /// <summary>Last day in force, inclusive; <c>null</c> while no successor is scheduled.</summary>
    public DateOnly? EffectiveUntil { get; }

    public bool IsPublished { get; }

    /// <summary>Cap on each tier's subtotal; a tier missing here is uncapped.</summary>
    public IReadOnlyDictionary<PointsTier, decimal> TierCaps { get; }

    /// <summary>Indicators in their published order, which is also the order of assessment lines.</summary>
    public IReadOnlyList<PointsIndicator> Indicators { get; }

    public PointsIndicator? FindIndicator(string code) => _byCode.GetValueOrDefault(code);

    public decimal? CapFor(PointsTier tier) => TierCaps.TryGetValue(tier, out var cap) ? cap : null;

    /// <summary>True when this version is published and <paramref name="date"/> lies in its effective period.</summary>
    public bool IsInForceOn(DateOnly date) =>
        IsPublished && date >= EffectiveFrom && (EffectiveUntil is null || date <= EffectiveUntil);

    /// <summary>The same rules, now published. Publishing is one-way: a published version is superseded, not edited.</summary>
    public PointsRuleSet Publish() =>
        IsPublished
            ? throw new Common.DomainException("points-rule-set-already-published", $"Rule set '{Id}' version {Version} is already published.")
            : new PointsRuleSet(Id, Version, Name, EffectiveFrom, EffectiveUntil, isPublished: true, TierCaps, Indicators);

    /// <summary>The published version in force on <paramref name="date"/>, the highest version winning if periods overlap.</summary>
    public static PointsRuleSet? InForceOn(IEnumerable<PointsRuleSet> ruleSets, DateOnly date) =>
        ruleSets.Where(r => r.IsInForceOn(date)).OrderByDescending(r => r.Version).FirstOrDefault();
}

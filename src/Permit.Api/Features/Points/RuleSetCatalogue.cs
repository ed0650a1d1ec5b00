using System.Collections.Concurrent;
using Permit.Domain.Points;

namespace Permit.Api.Features.Points;

/// <summary>
/// The rule-set versions the system knows: the one shipped with it (<see cref="PointsRuleSets.NingboZhenhai2026"/>,
/// always available so its entries stay explainable) and every version published since, stored as JSON.
/// </summary>
public static class RuleSetCatalogue
{
    // Published versions never change, so a parsed one can be kept for the life of the process.
    private static readonly ConcurrentDictionary<(string Id, int Version, int Hash), PointsRuleSet> Parsed = new();

    /// <summary><c>id@version</c>, the form stored on entries and balances.</summary>
    public static string Label(PointsRuleSet ruleSet)
    {
        ArgumentNullException.ThrowIfNull(ruleSet);
        return $"{ruleSet.Id}@{ruleSet.Version}";
    }

    public static async Task<IReadOnlyList<PointsRuleSet>> AllAsync(PermitDbContext db, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        var stored = await db.Set<PublishedRuleSet>().AsNoTracking().ToListAsync(ct);
        var all = new List<PointsRuleSet> { PointsRuleSets.NingboZhenhai2026 };
        foreach (var row in stored)
        {
            if (row.RuleSetId == PointsRuleSets.NingboZhenhai2026.Id && row.Version == PointsRuleSets.NingboZhenhai2026.Version)
                continue;
            all.Add(Parsed.GetOrAdd((row.RuleSetId, row.Version, StringComparer.Ordinal.GetHashCode(row.Json)), _ => PointsRuleSetJson.Parse(row.Json)));
        }

        return all;
    }

    /// <summary>The version in force on <paramref name="today"/> (the highest, if periods overlap); the shipped one before any other.</summary>
    public static async Task<PointsRuleSet> InForceAsync(PermitDbContext db, DateOnly today, CancellationToken ct)
    {
        var all = await AllAsync(db, ct);
        return PointsRuleSet.InForceOn(all, today)
            ?? all.Where(r => r.EffectiveFrom <= today).OrderByDescending(r => r.Version).FirstOrDefault()
            ?? PointsRuleSets.NingboZhenhai2026;
    }

    /// <summary>The version named <c>id@version</c>, or null when no such version was ever published.</summary>
    public static async Task<PointsRuleSet?> FindAsync(PermitDbContext db, string label, CancellationToken ct)
    {
        var all = await AllAsync(db, ct);
        return all.FirstOrDefault(r => string.Equals(Label(r), label, StringComparison.Ordinal));
    }
}

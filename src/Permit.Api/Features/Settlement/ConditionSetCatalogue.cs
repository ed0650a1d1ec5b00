using Permit.Domain.Settlement;

namespace Permit.Api.Features.Settlement;

/// <summary>The condition sets the system knows: the shipped one and every version a supervisor published since.</summary>
public static class ConditionSetCatalogue
{
    public static async Task<IReadOnlyList<SettlementConditionSet>> AllAsync(PermitDbContext db, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        var shipped = SettlementConditionSets.Zhenhai2026;
        var stored = await db.Set<PublishedSettlementDocument>().AsNoTracking()
            .Where(d => d.Kind == PublishedSettlementDocument.ConditionsKind).ToListAsync(ct);
        return [shipped, .. stored.Where(d => !(d.DocumentId == shipped.Id && d.Version == shipped.Version)).Select(d => SettlementConditionSet.Parse(d.Json))];
    }

    /// <summary>The highest version in force on <paramref name="today"/>.</summary>
    public static async Task<SettlementConditionSet> InForceAsync(PermitDbContext db, DateOnly today, CancellationToken ct) =>
        (await AllAsync(db, ct)).Where(s => s.EffectiveFrom <= today).OrderByDescending(s => s.EffectiveFrom).ThenByDescending(s => s.Version)
            .FirstOrDefault() ?? SettlementConditionSets.Zhenhai2026;

    public static async Task<SettlementConditionSet?> FindAsync(PermitDbContext db, string label, CancellationToken ct) =>
        (await AllAsync(db, ct)).FirstOrDefault(s => string.Equals(s.Label, label, StringComparison.Ordinal));
}

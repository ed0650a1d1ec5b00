using Microsoft.AspNetCore.Mvc.RazorPages;
using Permit.Api.Features.Permits;
using Permit.Api.Features.Points;
using Permit.Domain.Points;
using Permit.Domain.Common;

namespace Permit.Api.Web.Pages.Admin;

/// <summary>
/// The points rule sets for supervisors: the version in force (indicators, points, caps, who published it and when),
/// every version before and after it, and a form that publishes the next version through
/// <c>POST /api/points/rule-sets</c>. Rules only: no personal data, so nothing to audit here (publishing is audited).
/// </summary>
public sealed class PointsModel(PermitDbContext db, TimeProvider time) : PageModel
{
    public enum VersionState
    {
        InForce,
        Scheduled,
        Superseded,
    }

    /// <summary>One version as listed; <see cref="PublishedAt"/> is null for the version shipped with the system.</summary>
    public sealed record VersionRow(
        string Label, int Version, string Name, DateOnly EffectiveFrom, DateOnly? EffectiveUntil, DateTimeOffset? PublishedAt, string? PublishedBy,
        VersionState State);

    public DateOnly Today { get; private set; }

    public PointsRuleSet Current { get; private set; } = PointsRuleSets.NingboZhenhai2026;

    public VersionRow CurrentRow => History.First(v => v.State == VersionState.InForce);

    /// <summary>Newest first.</summary>
    public IReadOnlyList<VersionRow> History { get; private set; } = [];

    /// <summary>The version number a new publication takes: one past the highest ever published under this id.</summary>
    public int NextVersion { get; private set; }

    /// <summary>The indicators a district may set (city and district tiers); province rules and deductions come from above.</summary>
    public IEnumerable<PointsIndicator> Editable => Current.Indicators.Where(IsEditable);

    public static bool IsEditable(PointsIndicator indicator)
    {
        ArgumentNullException.ThrowIfNull(indicator);
        return indicator.Tier is PointsTier.City or PointsTier.District;
    }

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        Today = ChinaDate.Today(time);
        var all = await RuleSetCatalogue.AllAsync(db, cancellationToken);
        Current = await RuleSetCatalogue.InForceAsync(db, Today, cancellationToken);
        var published = await db.Set<PublishedRuleSet>().AsNoTracking()
            .Select(p => new { p.RuleSetId, p.Version, p.PublishedAt, p.PublishedBy }).ToListAsync(cancellationToken);
        History = [.. all.Where(r => r.Id == Current.Id).OrderByDescending(r => r.Version).Select(r =>
        {
            var row = published.FirstOrDefault(p => p.RuleSetId == r.Id && p.Version == r.Version);
            var state = RuleSetCatalogue.Label(r) == RuleSetCatalogue.Label(Current) ? VersionState.InForce : r.EffectiveFrom > Today ? VersionState.Scheduled : VersionState.Superseded;
            // An open-ended version ends where a later one took over (the highest version in force wins).
            var until = r.EffectiveUntil ?? (state == VersionState.Superseded
                ? all.Where(n => n.Id == r.Id && n.Version > r.Version && n.EffectiveFrom <= Today).Min(n => (DateOnly?)n.EffectiveFrom)?.AddDays(-1)
                : null);
            return new VersionRow(RuleSetCatalogue.Label(r), r.Version, r.Name, r.EffectiveFrom, until, row?.PublishedAt, row?.PublishedBy, state);
        })];
        NextVersion = History.Max(v => v.Version) + 1;
    }

    /// <summary>Points as the rule set writes them: 10, 0.5, 0.25 (no trailing zeros, whatever the page's language).</summary>
    public static string Number(decimal points) => points.ToString("0.############", System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>The version in force as rule-set JSON, the starting point the page's script edits into the next version.</summary>
    public string CurrentJson() => PointsRuleSetJson.Serialize(Current);
}

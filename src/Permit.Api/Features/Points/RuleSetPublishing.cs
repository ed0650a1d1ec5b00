using System.Security.Claims;
using System.Text;
using Permit.Api.Features.Residents;
using Permit.Domain.Common;
using Permit.Domain.Points;

namespace Permit.Api.Features.Points;

/// <summary>
/// Publishing a rule-set version: the JSON is checked by the domain (and by <see cref="AccrualRules"/>, so the SQL
/// accrual can score it), stored as sent, and every balance is recomputed under it in batches. Each resident gets
/// <see cref="PointsEntryKind.Recompute"/> entries for the indicators that moved, so the ledger still explains which
/// version produced which points; the old version stays available for old explanations.
/// </summary>
public static class RuleSetPublishing
{
    public const int BatchSize = 500;
    public const string VersionNotNewer = "points-rule-set-version-not-newer";

    public static async Task<Ok<List<RuleSetVersionResponse>>> List(PermitDbContext db, TimeProvider time, CancellationToken ct)
    {
        var today = ChinaDate.Today(time);
        var all = await RuleSetCatalogue.AllAsync(db, ct);
        var inForce = await RuleSetCatalogue.InForceAsync(db, today, ct);
        return TypedResults.Ok(all.OrderBy(r => r.Id, StringComparer.Ordinal).ThenBy(r => r.Version)
            .Select(r => new RuleSetVersionResponse(RuleSetCatalogue.Label(r), r.Name, r.EffectiveFrom, r.EffectiveUntil, ReferenceEquals(r, inForce)))
            .ToList());
    }

    public static async Task<Results<Ok<PublishResponse>, ProblemHttpResult>> Publish(
        HttpRequest request, ClaimsPrincipal user, PermitDbContext db, IAuditTrail audit, TimeProvider time, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(request);
        using var reader = new StreamReader(request.Body, Encoding.UTF8);
        var json = await reader.ReadToEndAsync(ct);
        PointsRuleSet ruleSet;
        ruleSet = PointsRuleSetJson.Parse(json);
        if (!ruleSet.IsPublished)
            ruleSet = ruleSet.Publish();
        AccrualRules.For(ruleSet);

        var all = await RuleSetCatalogue.AllAsync(db, ct);
        var latest = all.Where(r => r.Id == ruleSet.Id).Select(r => r.Version).DefaultIfEmpty(0).Max();
        if (ruleSet.Version <= latest)
            return Problems.Problem(VersionNotNewer, $"Rule set '{ruleSet.Id}' already has version {latest}: publish version {latest + 1} or later.");

        var now = time.GetUtcNow();
        var officer = PointsApi.OfficerName(user);
        db.Add(new PublishedRuleSet(ruleSet.Id, ruleSet.Version, ruleSet.EffectiveFrom, PointsRuleSetJson.Serialize(ruleSet), now, officer));
        audit.Record("points.rule-set.publish", null, RuleSetCatalogue.Label(ruleSet));
        await db.SaveChangesAsync(ct);

        var today = ChinaDate.Today(time);
        var (balances, entries) = ruleSet.IsInForceOn(today) ? await RecomputeAllAsync(db, ruleSet, today, officer, now, ct) : (0, 0);
        return TypedResults.Ok(new PublishResponse(RuleSetCatalogue.Label(ruleSet), balances, entries));
    }

    /// <summary>
    /// Moves every balance not yet on <paramref name="ruleSet"/> to it, batch by batch (each batch one SaveChanges, so a
    /// crash leaves whole residents done and a re-run picks up the rest).
    /// </summary>
    public static async Task<(int Balances, int Entries)> RecomputeAllAsync(
        PermitDbContext db, PointsRuleSet ruleSet, DateOnly today, string officer, DateTimeOffset now, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        var label = RuleSetCatalogue.Label(ruleSet);
        var balances = 0;
        var written = 0;
        var tracking = db.ChangeTracker.AutoDetectChangesEnabled;
        db.ChangeTracker.AutoDetectChangesEnabled = false;
        try
        {
            while (true)
            {
                // Each batch leaves the version behind, so the next query finds the next residents still to move.
                var moving = await db.PointsBalances.Where(b => b.RuleSetVersion != label).OrderBy(b => b.ResidentId).Take(BatchSize).ToListAsync(ct);
                if (moving.Count == 0)
                    break;
                var ids = moving.Select(b => b.ResidentId).ToList();
                var entries = (await db.PointsEntries.AsNoTracking().Where(e => ids.Contains(e.ResidentId)).OrderBy(e => e.Id).ToListAsync(ct))
                    .ToLookup(e => e.ResidentId);
                var births = await db.Residents.Where(r => ids.Contains(r.Id)).Select(r => new { r.Id, r.BirthDate }).ToDictionaryAsync(r => r.Id, r => r.BirthDate, ct);
                foreach (var balance in moving)
                {
                    var ledger = ResidentLedger.From(db, balance.ResidentId, births[balance.ResidentId], [.. entries[balance.ResidentId]], balance);
                    written += ledger.MoveTo(ruleSet, today, officer, now).Count;
                    balances++;
                }

                db.ChangeTracker.DetectChanges();
                await db.SaveChangesAsync(ct);
                db.ChangeTracker.Clear();
            }
        }
        finally
        {
            db.ChangeTracker.AutoDetectChangesEnabled = tracking;
        }

        return (balances, written);
    }
}

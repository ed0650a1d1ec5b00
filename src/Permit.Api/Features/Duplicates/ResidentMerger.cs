using Permit.Api.Security.Accounts;
using Permit.Domain.Common;
using Permit.Domain.Families;
using Permit.Domain.Residents;

namespace Permit.Api.Features.Duplicates;

/// <summary>
/// Merges one resident into another inside the caller's transaction: every row that names the merged resident
/// (<see cref="ResidentReference"/>) is moved to the survivor, the merged resident's record is replaced by a
/// <see cref="ResidentMerge"/>, and both ids are audited. What cannot be combined without a person's judgement is refused
/// before anything moves (<c>duplicate-merge-conflict</c>); any other collision a unique index finds rolls the whole
/// merge back (409).
/// </summary>
public sealed class ResidentMerger(PermitDbContext db, IAuditTrail audit)
{
    public async Task<ResidentMerge> MergeAsync(
        DuplicateSuspicion suspicion, Resident survivor, Resident merged, string officer, DateTimeOffset now, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(suspicion);
        ArgumentNullException.ThrowIfNull(survivor);
        ArgumentNullException.ThrowIfNull(merged);
        suspicion.Merge(survivor.Id, officer, now);
        await RefuseConflictsAsync(survivor.Id, merged.Id, ct);

        var moved = 0;
        foreach (var reference in ResidentReference.In(db.Model))
            moved += await reference.MoveAsync(db, merged.Id, survivor.Id, ct);

        var others = await db.Set<DuplicateSuspicion>()
            .Where(s => s.Id != suspicion.Id && s.Status == SuspicionStatus.Open
                && (s.FirstResidentId == merged.Id || s.SecondResidentId == merged.Id))
            .ToListAsync(ct);
        foreach (var other in others)
            other.Supersede(now);

        var record = ResidentMerge.Record(merged.Id, survivor.Id, suspicion.Id, merged.Name, merged.CitizenId, officer, now, moved);
        db.Add(record);
        db.Remove(merged);
        audit.Record("resident.merge", survivor.Id, $"kept {survivor.Id}, merged {merged.Id} into it ({moved} rows moved)");
        audit.Record("resident.merged-away", merged.Id, $"merged into {survivor.Id}");
        return record;
    }

    private async Task RefuseConflictsAsync(Guid survivor, Guid merged, CancellationToken ct)
    {
        var pair = new[] { survivor, merged };
        var live = await db.ResidencePermits.IgnoreQueryFilters()
            .Where(p => pair.Contains(p.ResidentId))
            .Select(p => new { p.ResidentId, p.Status })
            .ToListAsync(ct);
        if (live.Where(p => LivePermitHolder.IsLive(p.Status)).Select(p => p.ResidentId).Distinct().Count() > 1)
            throw Conflict("Both records hold a live residence permit: cancel or revoke one before merging.");
        if (await db.Set<MigrantAccount>().CountAsync(m => pair.Contains(m.ResidentId), ct) > 1)
            throw Conflict("Both records have a self-service account: close one before merging.");
        if (await db.PointsBalances.IgnoreQueryFilters().CountAsync(b => pair.Contains(b.ResidentId), ct) > 1)
            throw Conflict("Both records have a points ledger: the points must be reviewed before merging.");
        if (await db.Set<FamilyLink>().AnyAsync(l => pair.Contains(l.ResidentId) && pair.Contains(l.MemberId), ct))
            throw Conflict("The two records are linked as family of each other: they were recorded as two people.");
    }

    private static DomainException Conflict(string message) => new("duplicate-merge-conflict", message);
}

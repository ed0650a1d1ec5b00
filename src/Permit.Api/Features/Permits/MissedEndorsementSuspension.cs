using Permit.Domain.Permits;

namespace Permit.Api.Features.Permits;

/// <summary>
/// The daily job's work: every active permit whose validity ended before <c>date</c> without endorsement is suspended.
/// Safe to run again for the same date (already suspended permits are left alone).
/// </summary>
public static class MissedEndorsementSuspension
{
    private const int BatchSize = 200;

    /// <summary>Suspends the overdue permits in batches, each batch in one save with its audit entries; returns how many.</summary>
    public static async Task<int> RunAsync(PermitDbContext db, IAuditTrail audit, DateOnly date, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(audit);
        var suspended = 0;
        while (true)
        {
            var overdue = await db.ResidencePermits
                .Where(p => p.Status == PermitStatus.Active && p.ValidUntil < date)
                .OrderBy(p => p.ValidUntil).Take(BatchSize)
                .ToListAsync(cancellationToken);
            if (overdue.Count == 0)
                return suspended;
            foreach (var permit in overdue)
            {
                if (permit.SuspendForMissedEndorsement(date))
                {
                    audit.Record("permit.suspend", permit.ResidentId, "endorsement missed");
                    suspended++;
                }
            }

            await db.SaveChangesAsync(cancellationToken);
            db.ChangeTracker.Clear();
        }
    }
}

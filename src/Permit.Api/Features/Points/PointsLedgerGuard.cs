using Microsoft.EntityFrameworkCore.ChangeTracking;

namespace Permit.Api.Features.Points;

/// <summary>
/// Keeps the ledger append-only at the one door every write goes through (SaveChanges): a changed or deleted entry is
/// a bug, never a correction, so it stops the save before anything reaches the database.
/// </summary>
internal static class PointsLedgerGuard
{
    public static void Apply(ChangeTracker changes)
    {
        foreach (var entry in changes.Entries<PointsEntry>())
        {
            if (entry.State is EntityState.Modified or EntityState.Deleted)
                throw new InvalidOperationException(
                    $"Points entry {entry.Entity.Id} would be {(entry.State == EntityState.Deleted ? "deleted" : "changed")}: the points ledger is append-only; reverse the entry instead.");
        }
    }
}

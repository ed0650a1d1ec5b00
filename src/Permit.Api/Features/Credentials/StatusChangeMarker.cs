using Microsoft.EntityFrameworkCore.ChangeTracking;
using Permit.Api.Features.Permits;
using Permit.Domain.Permits;

namespace Permit.Api.Features.Credentials;

/// <summary>
/// One row counting the register's status changes that verifiers must hear of at once: a permit or card whose status
/// moves (issue, supersede, revoke, suspend, reinstate, end) or a chip abandoned at personalization. Every save that
/// makes such a change adds one to <see cref="Counter"/> in its own transaction (<see cref="SaveAsync"/>), and every
/// published list keeps the counter it read before reading the register; so "is the latest list behind?" is one
/// primary-key read compared with the counter the list keeps, on any API node sharing the database, instead of counting every
/// card on each download.
/// </summary>
public sealed class StatusChangeMarker
{
    /// <summary>The one row's key.</summary>
    public const int RowId = 1;

    /// <summary>
    /// The counter the migration starts at. Lists published before the marker existed carry 0, so the first download
    /// after the upgrade republishes once (nothing tells what those lists missed).
    /// </summary>
    public const long Initial = 1;

    private static readonly System.Runtime.CompilerServices.ConditionalWeakTable<DbContext, object> Unmoved = [];

    private StatusChangeMarker() { }

    /// <summary>
    /// For a context whose saves an interceptor takes over and writes nothing itself (a bulk seeder's): its saves neither
    /// begin a transaction nor move the marker; whoever writes its rows answers for the lists.
    /// </summary>
    public static void LeaveUnmoved(DbContext context) => Unmoved.AddOrUpdate(context, Unmoved);

    public StatusChangeMarker(int id, long counter)
    {
        Id = id;
        Counter = counter;
    }

    public int Id { get; private set; }

    public long Counter { get; private set; }

    /// <summary>
    /// The counter now. Read it before reading the register for a list: a change committed after this read has a
    /// higher counter (the list is behind), and one committed before it is in the register the list reads. A change
    /// committing in between may be on the list or not: the list counts as behind and is made again, never missed.
    /// </summary>
    public static async Task<long> CurrentAsync(PermitDbContext db, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        return await db.Set<StatusChangeMarker>().AsNoTracking().Where(m => m.Id == RowId)
            .Select(m => (long?)m.Counter).FirstOrDefaultAsync(cancellationToken).ConfigureAwait(false) ?? 0;
    }

    /// <summary>True when the tracked changes include one a status list shows (see the class remarks).</summary>
    public static bool Touches(ChangeTracker changes)
    {
        ArgumentNullException.ThrowIfNull(changes);
        // The context's save has just detected changes: another scan of every tracked entity would only cost.
        var detect = changes.AutoDetectChangesEnabled;
        changes.AutoDetectChangesEnabled = false;
        try
        {
            return TouchesDetected(changes);
        }
        finally
        {
            changes.AutoDetectChangesEnabled = detect;
        }
    }

    private static bool TouchesDetected(ChangeTracker changes)
    {
        foreach (var entry in changes.Entries())
        {
            if (entry.State is EntityState.Unchanged or EntityState.Detached)
                continue;
            var status = entry.Entity switch
            {
                ResidencePermit or PermitCard => nameof(ResidencePermit.Status),
                CardPersonalization => nameof(CardPersonalization.AbandonedAt),
                _ => null,
            };
            if (status is null)
                continue;
            if (entry.State is EntityState.Added or EntityState.Deleted || entry.Property(status).IsModified)
                return true;
        }

        return false;
    }

    /// <summary>
    /// Saves through <paramref name="save"/>; when the save changes a status, the counter moves in the same transaction
    /// (one is begun if the caller has none), by an atomic <c>Counter + 1</c> so concurrent writers on several nodes
    /// never both write the same value.
    /// </summary>
    public static async Task<int> SaveAsync(PermitDbContext db, Func<CancellationToken, Task<int>> save, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(save);
        if (Unmoved.TryGetValue(db, out _) || !Touches(db.ChangeTracker))
            return await save(cancellationToken).ConfigureAwait(false);
        await using var own = db.Database.CurrentTransaction is null
            ? await db.Database.BeginTransactionAsync(cancellationToken).ConfigureAwait(false)
            : null;
        var saved = await save(cancellationToken).ConfigureAwait(false);
        var moved = await db.Set<StatusChangeMarker>().Where(m => m.Id == RowId)
            .ExecuteUpdateAsync(s => s.SetProperty(m => m.Counter, m => m.Counter + 1), cancellationToken).ConfigureAwait(false);
        if (moved == 0)
            throw new InvalidOperationException("The status change marker row is missing: the database's migrations are incomplete.");
        if (own is not null)
            await own.CommitAsync(cancellationToken).ConfigureAwait(false);
        return saved;
    }

    /// <inheritdoc cref="SaveAsync"/>
    public static int Save(PermitDbContext db, Func<int> save)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(save);
        if (Unmoved.TryGetValue(db, out _) || !Touches(db.ChangeTracker))
            return save();
        using var own = db.Database.CurrentTransaction is null ? db.Database.BeginTransaction() : null;
        var saved = save();
        var moved = db.Set<StatusChangeMarker>().Where(m => m.Id == RowId)
            .ExecuteUpdate(s => s.SetProperty(m => m.Counter, m => m.Counter + 1));
        if (moved == 0)
            throw new InvalidOperationException("The status change marker row is missing: the database's migrations are incomplete.");
        own?.Commit();
        return saved;
    }
}

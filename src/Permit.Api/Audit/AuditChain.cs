using Microsoft.EntityFrameworkCore;

namespace Permit.Api.Audit;

/// <summary>
/// Links new audit entries onto the chain as part of the save that carries them, so an audited change and its audit
/// entry are written together or not at all.
/// <para>Appends are serialised: one lock per process is held from reading the chain's last link until the save
/// ends, and the unique sequence index stops a second process from appending the same link; when that happens the
/// save is re-linked onto the new end and retried (<see cref="SaveAsync"/>).</para>
/// </summary>
public static class AuditChain
{
    private const int MaxAttempts = 5;

    // One writer per process at a time; other processes are caught by the unique sequence index.
    private static readonly SemaphoreSlim Appending = new(1, 1);

    /// <summary>Saves <paramref name="context"/> through <paramref name="save"/>, linking any new audit entries first.</summary>
    public static async Task<int> SaveAsync(DbContext context, Func<CancellationToken, Task<int>> save, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(save);
        var pending = PendingEntries(context);
        if (pending.Count == 0)
            return await save(cancellationToken).ConfigureAwait(false);

        await Appending.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            for (var attempt = 1; ; attempt++)
            {
                var end = await LastLinkAsync(context, cancellationToken).ConfigureAwait(false);
                Link(pending, end);
                try
                {
                    return await save(cancellationToken).ConfigureAwait(false);
                }
                catch (DbUpdateException) when (attempt < MaxAttempts)
                {
                    // Another process appended meanwhile: link onto its entry and try again. Otherwise it is not ours.
                    if (await LastLinkAsync(context, cancellationToken).ConfigureAwait(false) == end)
                        throw;
                }
            }
        }
        finally
        {
            Appending.Release();
        }
    }

    /// <summary>The synchronous <see cref="SaveAsync"/>.</summary>
    public static int Save(DbContext context, Func<int> save)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(save);
        var pending = PendingEntries(context);
        if (pending.Count == 0)
            return save();

        Appending.Wait();
        try
        {
            for (var attempt = 1; ; attempt++)
            {
                var end = LastLink(context);
                Link(pending, end);
                try
                {
                    return save();
                }
                catch (DbUpdateException) when (attempt < MaxAttempts && LastLink(context) != end)
                {
                    // Another process appended meanwhile: link onto its entry and try again.
                }
            }
        }
        finally
        {
            Appending.Release();
        }
    }

    private static List<AuditEntry> PendingEntries(DbContext context)
    {
        context.ChangeTracker.DetectChanges();
        var pending = new List<AuditEntry>();
        foreach (var entry in context.ChangeTracker.Entries<AuditEntry>())
        {
            switch (entry.State)
            {
                case EntityState.Added:
                    pending.Add(entry.Entity);
                    break;
                case EntityState.Modified or EntityState.Deleted:
                    throw new InvalidOperationException("The audit trail is append-only: entries are never changed or deleted.");
            }
        }

        return pending;
    }

    private static void Link(List<AuditEntry> pending, (long Sequence, string Hash) end)
    {
        var (sequence, previous) = end;
        foreach (var entry in pending)
        {
            entry.Sequence = ++sequence;
            entry.PreviousHash = previous;
            entry.Hash = AuditCanonicalForm.HashOf(entry);
            previous = entry.Hash;
        }
    }

    private static async Task<(long Sequence, string Hash)> LastLinkAsync(DbContext context, CancellationToken cancellationToken)
    {
        var last = await LastLinkQuery(context).FirstOrDefaultAsync(cancellationToken).ConfigureAwait(false);
        return last is null ? (0, AuditCanonicalForm.GenesisHash) : (last.Sequence, last.Hash);
    }

    private static (long Sequence, string Hash) LastLink(DbContext context)
    {
        var last = LastLinkQuery(context).FirstOrDefault();
        return last is null ? (0, AuditCanonicalForm.GenesisHash) : (last.Sequence, last.Hash);
    }

    private static IQueryable<LinkRow> LastLinkQuery(DbContext context) =>
        context.Set<AuditEntry>().AsNoTracking()
            .OrderByDescending(e => e.Sequence)
            .Select(e => new LinkRow(e.Sequence, e.Hash));

    private sealed record LinkRow(long Sequence, string Hash);
}

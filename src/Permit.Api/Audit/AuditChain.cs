using System.Runtime.CompilerServices;

namespace Permit.Api.Audit;

/// <summary>
/// Links new audit entries onto the chain as part of the save that carries them, so an audited change and its audit
/// entry are written together or not at all.
/// <para>On PostgreSQL and SQL Server the database serialises appends from every node
/// (<see cref="AuditChainDatabaseLock"/>): the save takes a transaction-scoped lock before it reads the chain's last
/// link, in its own transaction or in the caller's, and keeps it until that transaction ends.</para>
/// <para>On SQLite appends are serialised by one append lock per process. A save on its own holds it from reading the chain's
/// last link until the save ends. A save inside a transaction holds it until that transaction commits or rolls back
/// (<see cref="AuditChainTransactions"/>): its links stay invisible to others until the commit, so letting go earlier
/// would let the next writer link onto a stale end and then wait on this transaction's rows. On SQLite, where the
/// database has one writer at a time anyway, a transaction takes the lock when it begins, so the two locks are always
/// taken in the same order. A second process is caught by the unique sequence index: the save is re-linked onto the
/// new end and retried.</para>
/// </summary>
public static class AuditChain
{
    private const int MaxAttempts = 5;

    // One writer per process at a time; other processes are caught by the unique sequence index.
    private static readonly SemaphoreSlim Appending = new(1, 1);

    // Which contexts hold the lock for their open transaction. A context is used by one flow at a time.
    private static readonly ConditionalWeakTable<DbContext, TransactionLease> Leases = [];

    /// <summary>How long a save waits for another transaction to finish appending before it gives up.</summary>
    public static TimeSpan AppendWait { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Saves <paramref name="context"/> through <paramref name="save"/>, linking any new audit entries first.</summary>
    public static async Task<int> SaveAsync(DbContext context, Func<CancellationToken, Task<int>> save, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(save);
        var pending = PendingEntries(context);
        if (pending.Count == 0)
            return await save(cancellationToken).ConfigureAwait(false);
        if (AuditChainDatabaseLock.Applies(context))
            return await SaveUnderDatabaseLockAsync(context, pending, save, cancellationToken).ConfigureAwait(false);

        var keepUntilTransactionEnds = await EnterAsync(context, cancellationToken).ConfigureAwait(false);
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
            if (!keepUntilTransactionEnds)
                ExitSave(context);
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
        if (AuditChainDatabaseLock.Applies(context))
            return SaveUnderDatabaseLock(context, pending, save);

        var keepUntilTransactionEnds = Enter(context);
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
            if (!keepUntilTransactionEnds)
                ExitSave(context);
        }
    }

    /// <summary>
    /// Appends <paramref name="entries"/>, written outside EF's change tracker by <paramref name="write"/>, in the
    /// context's current transaction (required): takes the append lock as a save in that transaction would (held until
    /// the transaction ends), links the entries onto the chain's end in their order, then lets <paramref name="write"/>
    /// store them. Save the context's tracked changes first, so that audit entries tracked there are linked before these.
    /// No retry as <see cref="SaveAsync"/> has: another process appending meanwhile fails the unique sequence index, and
    /// the caller's transaction, rolled back, leaves nothing.
    /// </summary>
    public static Task AppendAsync(
        DbContext context, IReadOnlyList<AuditEntry> entries, Func<IReadOnlyList<AuditEntry>, CancellationToken, Task> write,
        CancellationToken cancellationToken) =>
        AppendAsync(context, entries, write, meanwhile: null, cancellationToken);

    /// <summary>
    /// <see cref="AppendAsync(DbContext, IReadOnlyList{AuditEntry}, Func{IReadOnlyList{AuditEntry}, CancellationToken, Task}, CancellationToken)"/>,
    /// with <paramref name="meanwhile"/> (the caller's other writes in the same transaction) run while the entries are
    /// linked on another thread: hashing 50,000 entries one after the other is work a second core can do while the
    /// first writes the rows they record. The entries are written once both are done; <paramref name="meanwhile"/> runs
    /// even when there are no entries.
    /// </summary>
    public static async Task AppendAsync(
        DbContext context, IReadOnlyList<AuditEntry> entries, Func<IReadOnlyList<AuditEntry>, CancellationToken, Task> write,
        Func<CancellationToken, Task>? meanwhile, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(entries);
        ArgumentNullException.ThrowIfNull(write);
        if (context.Database.CurrentTransaction is null)
            throw new InvalidOperationException("Audit entries written outside a save are appended in the caller's transaction: begin one first.");
        if (entries.Count == 0)
        {
            if (meanwhile is not null)
                await meanwhile(cancellationToken).ConfigureAwait(false);
            return;
        }
        if (AuditChainDatabaseLock.Applies(context))
            await AuditChainDatabaseLock.TakeAsync(context, cancellationToken).ConfigureAwait(false);
        else
            await HoldForTransactionAsync(context, cancellationToken).ConfigureAwait(false);
        var end = await LastLinkAsync(context, cancellationToken).ConfigureAwait(false);
        if (meanwhile is null)
        {
            Link(entries, end);
        }
        else
        {
            var linking = Task.Run(() => Link(entries, end), cancellationToken);
            try
            {
                await meanwhile(cancellationToken).ConfigureAwait(false);
            }
            finally
            {
                // Nothing goes on touching the entries once this returns, whether meanwhile failed or not.
                await linking.ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
            }
            await linking.ConfigureAwait(false);
        }
        await write(entries, cancellationToken).ConfigureAwait(false);
    }

    // The lock is transaction-scoped: a save on its own gets a transaction of its own, committed when the save succeeds.
    private static async Task<int> SaveUnderDatabaseLockAsync(
        DbContext context, List<AuditEntry> pending, Func<CancellationToken, Task<int>> save, CancellationToken cancellationToken)
    {
        var own = context.Database.CurrentTransaction is null
            ? await context.Database.BeginTransactionAsync(cancellationToken).ConfigureAwait(false)
            : null;
        try
        {
            await AuditChainDatabaseLock.TakeAsync(context, cancellationToken).ConfigureAwait(false);
            Link(pending, await LastLinkAsync(context, cancellationToken).ConfigureAwait(false));
            var saved = await save(cancellationToken).ConfigureAwait(false);
            if (own is not null)
                await own.CommitAsync(cancellationToken).ConfigureAwait(false);
            return saved;
        }
        finally
        {
            if (own is not null)
                await own.DisposeAsync().ConfigureAwait(false);
        }
    }

    private static int SaveUnderDatabaseLock(DbContext context, List<AuditEntry> pending, Func<int> save)
    {
        using var own = context.Database.CurrentTransaction is null ? context.Database.BeginTransaction() : null;
        AuditChainDatabaseLock.Take(context);
        Link(pending, LastLink(context));
        var saved = save();
        own?.Commit();
        return saved;
    }

    /// <summary>
    /// Takes the append lock for <paramref name="context"/>'s transaction that is about to begin (SQLite), unless the
    /// context holds it already (for its transaction, or for the save that is starting this transaction).
    /// </summary>
    internal static async ValueTask HoldForTransactionAsync(DbContext context, CancellationToken cancellationToken)
    {
        var lease = Leases.GetOrCreateValue(context);
        if (lease.Hold != Hold.None)
            return;
        await WaitAsync(cancellationToken).ConfigureAwait(false);
        lease.Hold = Hold.Transaction;
    }

    /// <inheritdoc cref="HoldForTransactionAsync"/>
    internal static void HoldForTransaction(DbContext context)
    {
        var lease = Leases.GetOrCreateValue(context);
        if (lease.Hold != Hold.None)
            return;
        Wait();
        lease.Hold = Hold.Transaction;
    }

    /// <summary>Lets the append lock go when <paramref name="context"/>'s transaction has ended or the context is disposed.</summary>
    public static void ReleaseTransactionLease(DbContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (Leases.TryGetValue(context, out var lease) && lease.Hold == Hold.Transaction)
        {
            lease.Hold = Hold.None;
            Appending.Release();
        }
    }

    // True when the lock is to be kept until the context's transaction ends; otherwise ExitSave lets it go.
    private static async ValueTask<bool> EnterAsync(DbContext context, CancellationToken cancellationToken)
    {
        var lease = Leases.GetOrCreateValue(context);
        if (context.Database.CurrentTransaction is not null)
        {
            await HoldForTransactionAsync(context, cancellationToken).ConfigureAwait(false);
            return true;
        }

        // A transaction that ended without a commit or rollback event (disposed on an exception) left its lease.
        ReleaseTransactionLease(context);
        await WaitAsync(cancellationToken).ConfigureAwait(false);
        lease.Hold = Hold.Save;
        return false;
    }

    private static bool Enter(DbContext context)
    {
        var lease = Leases.GetOrCreateValue(context);
        if (context.Database.CurrentTransaction is not null)
        {
            HoldForTransaction(context);
            return true;
        }

        ReleaseTransactionLease(context);
        Wait();
        lease.Hold = Hold.Save;
        return false;
    }

    private static void ExitSave(DbContext context)
    {
        Leases.GetOrCreateValue(context).Hold = Hold.None;
        Appending.Release();
    }

    private static async ValueTask WaitAsync(CancellationToken cancellationToken)
    {
        if (!await Appending.WaitAsync(AppendWait, cancellationToken).ConfigureAwait(false))
            throw new AuditChainBusyException(AppendWait);
    }

    private static void Wait()
    {
        if (!Appending.Wait(AppendWait))
            throw new AuditChainBusyException(AppendWait);
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

    private static void Link(IReadOnlyList<AuditEntry> pending, (long Sequence, string Hash) end)
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

    private sealed class TransactionLease
    {
        public Hold Hold { get; set; }
    }

    // Save: held by one save on its own (its implicit transaction must not take it again).
    // Transaction: held until the context's explicit transaction ends.
    private enum Hold
    {
        None,
        Save,
        Transaction,
    }
}

using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Permit.Api.Audit;

/// <summary>
/// Ends a transaction's hold on the audit append lock when it commits, rolls back or fails, and on SQLite takes the
/// lock as the transaction begins (see <see cref="AuditChain"/>). A transaction disposed without either is let go at
/// the context's next save or disposal.
/// </summary>
public sealed class AuditChainTransactions : DbTransactionInterceptor
{
    public static AuditChainTransactions Instance { get; } = new();

    private AuditChainTransactions()
    {
    }

    public override InterceptionResult<DbTransaction> TransactionStarting(
        DbConnection connection, TransactionStartingEventData eventData, InterceptionResult<DbTransaction> result)
    {
        ArgumentNullException.ThrowIfNull(eventData);
        if (eventData.Context is { } context && context.Database.IsSqlite())
            AuditChain.HoldForTransaction(context);
        return result;
    }

    public override async ValueTask<InterceptionResult<DbTransaction>> TransactionStartingAsync(
        DbConnection connection, TransactionStartingEventData eventData, InterceptionResult<DbTransaction> result,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(eventData);
        if (eventData.Context is { } context && context.Database.IsSqlite())
            await AuditChain.HoldForTransactionAsync(context, cancellationToken).ConfigureAwait(false);
        return result;
    }

    public override void TransactionCommitted(DbTransaction transaction, TransactionEndEventData eventData) => Release(eventData);

    public override Task TransactionCommittedAsync(
        DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        Release(eventData);
        return Task.CompletedTask;
    }

    public override void TransactionRolledBack(DbTransaction transaction, TransactionEndEventData eventData) => Release(eventData);

    public override Task TransactionRolledBackAsync(
        DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        Release(eventData);
        return Task.CompletedTask;
    }

    public override void TransactionFailed(DbTransaction transaction, TransactionErrorEventData eventData)
    {
        ArgumentNullException.ThrowIfNull(eventData);
        // A failed start never held anything beyond what Starting took; a failed commit or rollback ends the transaction.
        if (eventData.Context is { } context)
            AuditChain.ReleaseTransactionLease(context);
    }

    public override Task TransactionFailedAsync(
        DbTransaction transaction, TransactionErrorEventData eventData, CancellationToken cancellationToken = default)
    {
        TransactionFailed(transaction, eventData);
        return Task.CompletedTask;
    }

    private static void Release(TransactionEndEventData eventData)
    {
        ArgumentNullException.ThrowIfNull(eventData);
        if (eventData.Context is { } context)
            AuditChain.ReleaseTransactionLease(context);
    }
}

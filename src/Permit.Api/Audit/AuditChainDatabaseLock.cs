using System.Data.Common;
using Microsoft.Data.SqlClient;
using Npgsql;

namespace Permit.Api.Audit;

/// <summary>
/// The audit chain's append lock held by the database itself, so every API node on one PostgreSQL or SQL Server
/// database appends in turn: a transaction-scoped advisory lock on PostgreSQL (<c>pg_advisory_xact_lock</c>), an
/// application lock owned by the transaction on SQL Server (<c>sp_getapplock</c>). Both end with the transaction, so
/// a node that dies mid-append lets go with its connection. SQLite needs none: its writer lock already serialises.
/// </summary>
internal static class AuditChainDatabaseLock
{
    // "permitau" as a 64-bit number: one fixed advisory lock key for the chain, unlikely to meet another program's.
    private const long PostgresKey = 0x7065726d69746175;
    private const string SqlServerResource = "permit.audit-chain";
    private const int SqlServerBusy = 51000;

    /// <summary>True when appends are serialised by the database rather than by this process.</summary>
    public static bool Applies(DbContext context) => context.Database.IsNpgsql() || context.Database.IsSqlServer();

    public static async Task TakeAsync(DbContext context, CancellationToken cancellationToken)
    {
        try
        {
            await context.Database.ExecuteSqlRawAsync(Sql(context), cancellationToken).ConfigureAwait(false);
        }
        catch (DbException exception) when (IsBusy(exception))
        {
            throw new AuditChainBusyException(AuditChain.AppendWait, exception);
        }
    }

    public static void Take(DbContext context)
    {
        try
        {
            context.Database.ExecuteSqlRaw(Sql(context));
        }
        catch (DbException exception) when (IsBusy(exception))
        {
            throw new AuditChainBusyException(AuditChain.AppendWait, exception);
        }
    }

    private static string Sql(DbContext context)
    {
        var waitMs = (long)AuditChain.AppendWait.TotalMilliseconds;
        // Parameters cannot set lock_timeout; both values are constants of this class, not input.
        return context.Database.IsNpgsql()
            ? $"SET LOCAL lock_timeout = {waitMs}; SELECT pg_advisory_xact_lock({PostgresKey}); SET LOCAL lock_timeout = 0;"
            : $"DECLARE @granted int; EXEC @granted = sp_getapplock @Resource = N'{SqlServerResource}', " +
              $"@LockMode = N'Exclusive', @LockOwner = N'Transaction', @LockTimeout = {waitMs}; " +
              $"IF @granted < 0 THROW {SqlServerBusy}, N'The audit chain is busy.', 1;";
    }

    // lock_not_available (lock_timeout) on PostgreSQL; our THROW on SQL Server.
    private static bool IsBusy(DbException exception) =>
        exception is PostgresException { SqlState: PostgresErrorCodes.LockNotAvailable }
        || exception is SqlException { Number: SqlServerBusy };
}

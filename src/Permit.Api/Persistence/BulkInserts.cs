using System.Data.Common;
using System.Runtime.CompilerServices;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;
using Npgsql;

namespace Permit.Api.Persistence;

/// <summary>
/// Writes the added rows of one large save the fast way, for a context that asks for it (<see cref="For"/>): on SQLite
/// one prepared INSERT per table reused row after row, on PostgreSQL binary COPY; elsewhere EF saves as usual.
/// <para>Why an interceptor: it runs inside <c>SaveChanges</c>, after the context's own rules (blind indexes, where
/// residents live, aggregate versions) and after the audit chain has linked the new entries under its lock, so the rows
/// are exactly what EF would have written, values converted (encrypted) by the model's own converters. EF then saves
/// what is left (updated and deleted rows, and added rows of types written here only when they are simple: one table,
/// no store-generated values, principals written here or already in the database).</para>
/// <para>The caller's transaction carries the rows (one is required), inside a savepoint, so a failure leaves nothing
/// and the save can be retried as EF's own would. EF's command per row costs more than the row itself: 50,000 arrivals
/// (150,000 rows with their audit lines) took a minute that way.</para>
/// </summary>
public sealed class BulkInserts : SaveChangesInterceptor
{
    private const string Savepoint = "permit_bulk_insert";

    private static readonly ConditionalWeakTable<DbContext, Marker> Enabled = [];

    public static BulkInserts Instance { get; } = new();

    private BulkInserts()
    {
    }

    /// <summary>Lets <paramref name="context"/>'s saves write their added rows in bulk until the scope is disposed.</summary>
    public static IDisposable For(DbContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        Enabled.AddOrUpdate(context, new Marker());
        return new Scope(context);
    }

    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        ArgumentNullException.ThrowIfNull(eventData);
        if (eventData.Context is { } context && Enabled.TryGetValue(context, out _))
            throw new NotSupportedException("Bulk inserts save asynchronously: call SaveChangesAsync.");
        return result;
    }

    public override async ValueTask<InterceptionResult<int>> SavingChangesAsync(
        DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(eventData);
        if (eventData.Context is not { } context || !Enabled.TryGetValue(context, out _))
            return result;
        var connection = context.Database.GetDbConnection();
        if (connection is not (SqliteConnection or NpgsqlConnection))
            return result;
        var transaction = context.Database.CurrentTransaction
            ?? throw new InvalidOperationException("Bulk inserts run in the caller's transaction: begin one before saving.");

        var tables = BulkTables.Of(context);
        if (tables.Count == 0)
            return result;
        await transaction.CreateSavepointAsync(Savepoint, cancellationToken).ConfigureAwait(false);
        try
        {
            foreach (var table in tables)
            {
                if (connection is SqliteConnection sqlite)
                    BulkTables.Insert(sqlite, table);
                else
                    await BulkTables.CopyAsync((NpgsqlConnection)connection, table, cancellationToken).ConfigureAwait(false);
            }
        }
        catch (DbException e)
        {
            await transaction.RollbackToSavepointAsync(Savepoint, cancellationToken).ConfigureAwait(false);
            // As EF reports a failed save, so DatabaseConflicts classifies a duplicate the same way.
            throw new DbUpdateException("A bulk insert failed; nothing of this save was written.", e);
        }
        await transaction.ReleaseSavepointAsync(Savepoint, cancellationToken).ConfigureAwait(false);

        // Written: EF must not insert them again.
        foreach (var table in tables)
        {
            foreach (var entry in table.Entries)
                entry.State = EntityState.Unchanged;
        }
        return result;
    }

    private sealed class Marker;

    private sealed class Scope(DbContext context) : IDisposable
    {
        public void Dispose() => Enabled.Remove(context);
    }
}

/// <summary>The added rows of one entity type, principals' tables before dependents'.</summary>
internal sealed record BulkTable(IEntityType Type, IReadOnlyList<IProperty> Columns, List<EntityEntry> Entries);

using System.Data.Common;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;
using Npgsql;

namespace Permit.Api.Features.LegacyImport;

/// <summary>
/// Writes one checked batch of the legacy import set-based, in the batch's transaction: on SQLite one prepared INSERT
/// per table reused row after row, on PostgreSQL binary COPY; EF sends only the updates (a resident placed by a new
/// registration, the checkpoint). The rows are what EF's own INSERTs would have carried: the context's save still runs
/// its rules (blind indexes, where residents live, one live permit per resident, aggregate versions) and links the
/// batch's audit lines onto the hash chain under its lock, then <see cref="BulkInserts"/> writes the added rows of plain
/// tables, and this writer the owned rows it leaves to EF (a permit's cards and endorsements, a registration's changes:
/// 7–9 rows per permits-file row, one EF command each before).
/// <para>Where it could meet the shared writer: the owned tables written here are the ones <c>BulkTables</c> declines
/// only for being owned; letting it take an owned type mapped alone to its own table would make this class a call to
/// <see cref="BulkInserts.For"/>.</para>
/// </summary>
internal static class LegacyBatchWriter
{
    public static async Task SaveAsync(PermitDbContext db, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        db.ChangeTracker.DetectChanges();
        var owned = db.Database.GetDbConnection() is SqliteConnection or NpgsqlConnection ? TakeOwnedRows(db) : [];
        using (BulkInserts.For(db))
            await db.SaveChangesAsync(cancellationToken);
        if (owned.Count == 0)
            return;
        if (db.Database.CurrentTransaction is null)
            throw new InvalidOperationException("The legacy import writes each batch in its own transaction.");
        try
        {
            foreach (var table in owned)
            {
                if (db.Database.GetDbConnection() is SqliteConnection sqlite)
                    BulkTables.Insert(sqlite, table);
                else
                    await BulkTables.CopyAsync((NpgsqlConnection)db.Database.GetDbConnection(), table, cancellationToken);
            }
        }
        catch (DbException e)
        {
            // As EF reports a failed save; the batch's transaction is never committed, so nothing of the batch lands.
            throw new DbUpdateException("Writing the batch's owned rows failed; nothing of the batch was written.", e);
        }
    }

    /// <summary>
    /// The added rows of owned types that have a table of their own, owners' tables first, marked unchanged so the
    /// save leaves them to this writer (their owners are written by the save, before them).
    /// </summary>
    private static List<BulkTable> TakeOwnedRows(DbContext db)
    {
        var added = db.ChangeTracker.Entries()
            .Where(e => e.State == EntityState.Added && IsOwnedTable(e.Metadata))
            .GroupBy(e => e.Metadata)
            .ToDictionary(g => g.Key, g => g.ToList());
        var ordered = new List<BulkTable>();
        foreach (var type in added.Keys.OrderBy(Depth))
        {
            var entries = added[type];
            ordered.Add(new BulkTable(type, [.. type.GetProperties()], entries));
            foreach (var entry in entries)
                entry.State = EntityState.Unchanged;
        }
        return ordered;
    }

    private static int Depth(IEntityType type)
    {
        var depth = 0;
        for (var owner = type.FindOwnership()?.PrincipalEntityType; owner is not null; owner = owner.FindOwnership()?.PrincipalEntityType)
            depth++;
        return depth;
    }

    private static bool IsOwnedTable(IEntityType type)
    {
        if (!type.IsOwned() || type.BaseType is not null || type.GetDirectlyDerivedTypes().Any() || type.GetTableName() is null)
            return false;
        // Only an owned type alone in its own table (a collection): one sharing its owner's row is part of the owner's INSERT.
        if (type.GetTableName() == type.FindOwnership()!.PrincipalEntityType.GetTableName())
            return false;
        var mappings = type.GetTableMappings().ToList();
        if (mappings.Count != 1 || mappings[0].Table.EntityTypeMappings.Count() != 1)
            return false;
        return type.GetProperties().All(p => p.ValueGenerated == ValueGenerated.Never && p.GetDefaultValueSql() is null && p.GetComputedColumnSql() is null)
            && type.GetForeignKeys().All(k => k.PrincipalEntityType != type);
    }
}

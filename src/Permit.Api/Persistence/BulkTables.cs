using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;
using Npgsql;

namespace Permit.Api.Persistence;

/// <summary>
/// Which added rows <see cref="BulkInserts"/> may write itself, and the writing: columns, names, store types and value
/// converters all come from the model, so a row is what EF's own INSERT would have carried.
/// </summary>
internal static class BulkTables
{
    /// <summary>
    /// The added entries of simple types, by table, principals first. A type is left to EF when it is owned, shares its
    /// table, inherits, has a store-generated or computed column, points at itself, or depends on an added row EF
    /// will write (which would come after it).
    /// </summary>
    public static List<BulkTable> Of(DbContext context)
    {
        var changeTracker = context.ChangeTracker;
        var detect = changeTracker.AutoDetectChangesEnabled;
        // The save has just detected changes; listing the entries must not scan the whole unit of work again.
        changeTracker.AutoDetectChangesEnabled = false;
        Dictionary<IEntityType, List<EntityEntry>> added;
        try
        {
            added = changeTracker.Entries().Where(e => e.State == EntityState.Added)
                .GroupBy(e => e.Metadata).ToDictionary(g => g.Key, g => g.ToList());
        }
        finally
        {
            changeTracker.AutoDetectChangesEnabled = detect;
        }

        var bulk = added.Keys.Where(IsSimple).ToHashSet();
        bool removed;
        do
        {
            var waiting = bulk.Where(t => t.GetForeignKeys().Any(k => added.ContainsKey(k.PrincipalEntityType) && !bulk.Contains(k.PrincipalEntityType))).ToList();
            bulk.ExceptWith(waiting);
            removed = waiting.Count > 0;
        }
        while (removed);

        var ordered = new List<BulkTable>();
        var visited = new HashSet<IEntityType>();
        foreach (var type in bulk)
            Visit(type);
        return ordered;

        void Visit(IEntityType type)
        {
            if (!visited.Add(type))
                return;
            foreach (var foreignKey in type.GetForeignKeys())
            {
                if (bulk.Contains(foreignKey.PrincipalEntityType))
                    Visit(foreignKey.PrincipalEntityType);
            }
            ordered.Add(new BulkTable(type, [.. type.GetProperties()], added[type]));
        }
    }

    /// <summary>SQLite: one prepared INSERT for the table, executed per row in the connection's (the caller's) transaction.</summary>
    public static void Insert(SqliteConnection connection, BulkTable table)
    {
        var (name, columns) = Names(table);
        var mappings = table.Columns.Select(c => c.GetRelationalTypeMapping()).ToArray();
        var converters = mappings.Select(Converter).ToArray();
        using var statement = SqliteInsertStatement.Prepare(connection, name, columns, mappings);
        var row = new object?[table.Columns.Count];
        foreach (var entry in table.Entries)
        {
            var values = entry.CurrentValues;
            for (var i = 0; i < row.Length; i++)
                row[i] = converters[i](values[table.Columns[i]]);
            statement.Execute(row);
        }
    }

    /// <summary>PostgreSQL: binary COPY of the table's rows, in the connection's transaction.</summary>
    public static async Task CopyAsync(NpgsqlConnection connection, BulkTable table, CancellationToken cancellationToken)
    {
        var (name, columns) = Names(table);
        var mappings = table.Columns.Select(c => c.GetRelationalTypeMapping()).ToArray();
        var storeTypes = mappings.Select(m => BaseStoreType(m.StoreType)).ToArray();
        var converters = mappings.Select(Converter).ToArray();
        await using var importer = await connection.BeginBinaryImportAsync(
            $"COPY {name} ({string.Join(", ", columns)}) FROM STDIN (FORMAT BINARY)", cancellationToken).ConfigureAwait(false);
        foreach (var entry in table.Entries)
        {
            var values = entry.CurrentValues;
            await importer.StartRowAsync(cancellationToken).ConfigureAwait(false);
            for (var i = 0; i < table.Columns.Count; i++)
            {
                // timestamptz takes UTC only, as EF's own parameters would send it.
                var value = converters[i](values[table.Columns[i]]);
                if (value is DateTimeOffset at)
                    value = at.ToUniversalTime();
                if (value is null)
                    await importer.WriteNullAsync(cancellationToken).ConfigureAwait(false);
                else
                    await importer.WriteAsync(value, storeTypes[i], cancellationToken).ConfigureAwait(false);
            }
        }
        await importer.CompleteAsync(cancellationToken).ConfigureAwait(false);
    }

    internal static bool IsSimple(IEntityType type)
    {
        if (type.IsOwned() || type.BaseType is not null || type.GetDirectlyDerivedTypes().Any() || type.GetTableName() is null)
            return false;
        var mappings = type.GetTableMappings().ToList();
        if (mappings.Count != 1 || mappings[0].Table.EntityTypeMappings.Count() != 1)
            return false;
        return type.GetProperties().All(p => p.ValueGenerated == ValueGenerated.Never && p.GetDefaultValueSql() is null && p.GetComputedColumnSql() is null)
            && type.GetForeignKeys().All(k => k.PrincipalEntityType != type);
    }

    private static (string Table, List<string> Columns) Names(BulkTable table) => Names(table.Type, table.Columns);

    internal static (string Table, List<string> Columns) Names(IEntityType type, IReadOnlyList<IProperty> columns)
    {
        var store = StoreObjectIdentifier.Table(type.GetTableName()!, type.GetSchema());
        var name = type.GetSchema() is { } schema ? $"\"{schema}\".\"{store.Name}\"" : $"\"{store.Name}\"";
        return (name, [.. columns.Select(c => $"\"{c.GetColumnName(store)}\"")]);
    }

    internal static Func<object?, object?> Converter(RelationalTypeMapping mapping) =>
        mapping.Converter is { } converter ? value => value is null ? null : converter.ConvertToProvider(value) : value => value;

    // "character varying(32)" is "character varying" to Npgsql's importer.
    internal static string BaseStoreType(string storeType) =>
        storeType.IndexOf('(', StringComparison.Ordinal) is var open and > 0 ? storeType[..open].Trim() : storeType;
}

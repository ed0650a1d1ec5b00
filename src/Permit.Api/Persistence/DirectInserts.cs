using System.Collections;
using System.Data.Common;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;
using Npgsql;
using Permit.Api.Security.Fields;

namespace Permit.Api.Persistence;

/// <summary>
/// Writes new rows of one entity type straight into its table, outside EF's change tracker: on SQLite one prepared
/// INSERT reused row after row, on PostgreSQL binary COPY, always in the context's current transaction.
/// <para>Why: a large set-based write (a bulk report's 50,000 arrivals) spent most of its time in EF's tracking of
/// every new entity (attach, fix-up, three change detections per save) rather than in the rows themselves. Here the
/// rows are read straight from the entities with the model's columns, names, store types and value converters
/// (encryption included), so a row is what EF's own INSERT would have carried.</para>
/// <para>The save rules of <see cref="PermitDbContext"/> that apply to a new row are applied here explicitly: a fresh
/// aggregate <see cref="AggregateVersions"/> version, the citizen-ID blind index. Any other shadow column (the live
/// permit holder, for one) is refused, as are rows that carry owned children: those types are saved through EF.
/// Placing a resident in their community (<see cref="Permit.Domain.Residents.Resident.PlaceIn"/>) is the caller's, before
/// writing. Other providers (SQL Server) are not supported (<see cref="Supports"/>): callers save through EF there.</para>
/// </summary>
public static class DirectInserts
{
    /// <summary>True when <paramref name="context"/>'s provider has a direct writer (SQLite, PostgreSQL).</summary>
    public static bool Supports(DbContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        return context.Database.GetDbConnection() is SqliteConnection or NpgsqlConnection;
    }

    /// <summary>
    /// Inserts <paramref name="rows"/> (new entities, never tracked) in the context's current transaction, which is
    /// required: a failure then leaves nothing once the caller rolls back. A database error comes back as
    /// <see cref="DbUpdateException"/>, as from a save, so <see cref="DatabaseConflicts"/> classifies it the same way.
    /// </summary>
    public static async Task InsertAsync<T>(DbContext context, IReadOnlyCollection<T> rows, CancellationToken cancellationToken)
        where T : class
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(rows);
        if (rows.Count == 0)
            return;
        if (context.Database.CurrentTransaction is null)
            throw new InvalidOperationException("Direct inserts run in the caller's transaction: begin one first.");
        var type = context.Model.FindEntityType(typeof(T))
            ?? throw new InvalidOperationException($"{typeof(T).Name} is not in the model.");
        if (!BulkTables.IsSimple(type))
            throw new NotSupportedException($"{type.DisplayName()} is not a simple table (owned, shared, inherited or store-generated): save it through EF.");
        var columns = Columns(context, type);
        try
        {
            switch (context.Database.GetDbConnection())
            {
                case SqliteConnection sqlite:
                    await InsertAsync(sqlite, type, columns, rows, cancellationToken).ConfigureAwait(false);
                    break;
                case NpgsqlConnection postgres:
                    await CopyAsync(postgres, type, columns, rows, cancellationToken).ConfigureAwait(false);
                    break;
                default:
                    throw new NotSupportedException("Direct inserts are written for SQLite and PostgreSQL; save through EF elsewhere.");
            }
        }
        catch (DbException e)
        {
            throw new DbUpdateException($"A direct insert into {type.GetTableName()} failed; the caller's transaction holds nothing of it once rolled back.", e);
        }
    }

    /// <summary>Each column with how its value is read from a new entity: the property, or the save rule of a shadow column.</summary>
    private static Column[] Columns(DbContext context, IEntityType type)
    {
        var protector = (context as PermitDbContext)?.CitizenIdProtector;
        var versions = new RandomGuids();
        return
        [
            .. type.GetProperties().Select(property =>
            {
                var mapping = property.GetRelationalTypeMapping();
                Func<object, object?> read;
                if (!property.IsShadowProperty())
                {
                    var getter = property.GetGetter();
                    read = getter.GetClrValueUsingContainingEntity;
                }
                else if (property.Name == AggregateVersions.PropertyName && property.IsConcurrencyToken)
                {
                    // A new aggregate gets a fresh version, as AggregateVersions.Bump gives an added root.
                    read = _ => versions.Next();
                }
                else if (CitizenIdBlindIndex.SourceOf(property) is { } source && protector is not null)
                {
                    var number = type.FindProperty(source)!.GetGetter();
                    read = entity => number.GetClrValueUsingContainingEntity(entity) is Permit.Domain.Identity.CitizenIdNumber value
                        ? protector.BlindIndex(value)
                        : null;
                }
                else
                {
                    throw new NotSupportedException($"{type.DisplayName()}.{property.Name} is filled by a save rule direct inserts do not apply: save it through EF.");
                }
                return new Column(property, mapping, read, BulkTables.Converter(mapping));
            }),
        ];
    }

    private static void CheckNoOwnedChildren(IEntityType type, object entity)
    {
        foreach (var navigation in type.GetNavigations().Where(n => n.TargetEntityType.IsOwned()))
        {
            var value = navigation.GetGetter().GetClrValueUsingContainingEntity(entity);
            if (value is IEnumerable children ? children.GetEnumerator().MoveNext() : value is not null)
                throw new NotSupportedException($"A new {type.DisplayName()} carries {navigation.Name}: save it through EF.");
        }
    }

    private static async Task InsertAsync<T>(
        SqliteConnection connection, IEntityType type, Column[] columns, IReadOnlyCollection<T> rows, CancellationToken cancellationToken)
        where T : class
    {
        var (name, names) = BulkTables.Names(type, [.. columns.Select(c => c.Property)]);
        using var statement = SqliteInsertStatement.Prepare(connection, name, names, [.. columns.Select(c => c.Mapping)]);
        await foreach (var chunk in RowsAhead.ValuesAsync(rows, row => Values(type, columns, row, statement.Stored), cancellationToken).ConfigureAwait(false))
        {
            foreach (var values in chunk)
                statement.Execute(values);
        }
    }

    private static async Task CopyAsync<T>(
        NpgsqlConnection connection, IEntityType type, Column[] columns, IReadOnlyCollection<T> rows, CancellationToken cancellationToken)
        where T : class
    {
        var (name, names) = BulkTables.Names(type, [.. columns.Select(c => c.Property)]);
        var storeTypes = columns.Select(c => BulkTables.BaseStoreType(c.Mapping.StoreType)).ToArray();
        await using var importer = await connection.BeginBinaryImportAsync(
            $"COPY {name} ({string.Join(", ", names)}) FROM STDIN (FORMAT BINARY)", cancellationToken).ConfigureAwait(false);
        // timestamptz takes UTC only, as EF's own parameters would send it.
        static object? Utc(int column, object? value) => value is DateTimeOffset at ? at.ToUniversalTime() : value;
        await foreach (var chunk in RowsAhead.ValuesAsync(rows, row => Values(type, columns, row, Utc), cancellationToken).ConfigureAwait(false))
        {
            foreach (var values in chunk)
            {
                // The importer buffers and sends whole buffers: writing each value synchronously saves an await per value.
                importer.StartRow();
                for (var i = 0; i < values.Length; i++)
                {
                    if (values[i] is { } value)
                        importer.Write(value, storeTypes[i]);
                    else
                        importer.WriteNull();
                }
            }
        }
        await importer.CompleteAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>One row's values as the provider stores them (read off the writer's thread: see <see cref="RowsAhead"/>).</summary>
    private static object?[] Values(IEntityType type, Column[] columns, object row, Func<int, object?, object?> store)
    {
        CheckNoOwnedChildren(type, row);
        var values = new object?[columns.Length];
        for (var i = 0; i < columns.Length; i++)
            values[i] = store(i, columns[i].Value(row));
        return values;
    }

    private sealed record Column(IProperty Property, RelationalTypeMapping Mapping, Func<object, object?> Read, Func<object?, object?> Convert)
    {
        public object? Value(object entity) => Convert(Read(entity));
    }
}

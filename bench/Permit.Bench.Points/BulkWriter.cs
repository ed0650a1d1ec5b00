using System.Runtime.CompilerServices;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;
using Npgsql;

namespace Permit.Bench.Points;

/// <summary>
/// Writes rows the EF model describes, fast: on SQLite one transaction of prepared INSERTs reused row after row, on
/// PostgreSQL binary COPY. Column names, provider types and value converters (the citizen ID encryption included) all
/// come from the model, so the rows are exactly what <c>SaveChanges</c> would have written and the API reads them.
/// As a save interceptor it takes over a context's save: the context's own rules run first (blind index, live-holder
/// column, aggregate versions), then the added entries are written here and EF's row-by-row commands are skipped.
/// </summary>
public sealed class BulkWriter : SaveChangesInterceptor, IAsyncDisposable
{
    private readonly DatabaseProvider _provider;
    private readonly DbConnection _connection;
    private readonly Dictionary<string, int> _order;
    private readonly Dictionary<string, SqliteCommand> _prepared = new(StringComparer.Ordinal);
    private readonly ConditionalWeakTable<DbContext, List<TableRows>> _captured = [];
    private SqliteTransaction? _sqliteTransaction;

    private BulkWriter(DatabaseProvider provider, DbConnection connection, IModel model)
    {
        _provider = provider;
        _connection = connection;
        _order = TopologicalOrder(model);
    }

    public long Rows { get; private set; }


    /// <summary>Opens the writer's own connection; on SQLite, one transaction for the whole load, with load-time pragmas.</summary>
    public static async Task<BulkWriter> OpenAsync(DatabaseProvider provider, string connectionString, IModel model)
    {
        DbConnection connection = provider == DatabaseProvider.Sqlite ? new SqliteConnection(connectionString) : new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        var writer = new BulkWriter(provider, connection, model);
        if (connection is SqliteConnection sqlite)
        {
            // A half-loaded seed is thrown away (it only becomes the seed when renamed at the end), so the load needs
            // neither a journal nor fsync; foreign keys are checked once at the end instead of per row.
            foreach (var pragma in new[] { "journal_mode = OFF", "synchronous = OFF", "cache_size = -400000", "temp_store = MEMORY", "foreign_keys = OFF", "locking_mode = EXCLUSIVE" })
            {
                await using var command = sqlite.CreateCommand();
                command.CommandText = $"PRAGMA {pragma}";
                await command.ExecuteNonQueryAsync();
            }

            writer._sqliteTransaction = sqlite.BeginTransaction();
        }

        return writer;
    }

    /// <summary>A context that only tracks: its saves are written by this writer.</summary>
    public PermitDbContext Context(string connectionString, Api.Security.Fields.CitizenIdProtector protector)
    {
        var context = _provider switch
        {
            DatabaseProvider.Sqlite => (PermitDbContext)new Api.Persistence.Sqlite.SqlitePermitDbContext(
                new DbContextOptionsBuilder<Api.Persistence.Sqlite.SqlitePermitDbContext>(PermitDatabase.Options<Api.Persistence.Sqlite.SqlitePermitDbContext>(_provider, connectionString))
                    .AddInterceptors(this).Options, protector),
            _ => new Api.Persistence.Postgres.PostgresPermitDbContext(
                new DbContextOptionsBuilder<Api.Persistence.Postgres.PostgresPermitDbContext>(PermitDatabase.Options<Api.Persistence.Postgres.PostgresPermitDbContext>(_provider, connectionString))
                    .AddInterceptors(this).Options, protector),
        };
        context.ChangeTracker.AutoDetectChangesEnabled = false;
        // Its saves write nothing (this writer takes the rows): no transaction, no status change marker to move. The
        // seed's status lists do not exist yet, so the first download makes one from the written rows.
        Api.Features.Credentials.StatusChangeMarker.LeaveUnmoved(context);
        return context;
    }

    /// <summary>
    /// Takes over a save: the added entries become provider rows (converted here, on the caller's thread: encryption is
    /// the costly part), kept for <see cref="TakeRows"/>; EF writes nothing.
    /// </summary>
    public override ValueTask<InterceptionResult<int>> SavingChangesAsync(
        DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(eventData);
        var context = eventData.Context!;
        var entries = context.ChangeTracker.Entries().Where(e => e.State == EntityState.Added).ToList();
        if (entries.Count != context.ChangeTracker.Entries().Count())
            throw new InvalidOperationException("The bulk writer only inserts: this save also updates or deletes.");
        var rows = entries.GroupBy(e => e.Metadata)
            .OrderBy(g => _order[g.Key.Name])
            .Select(g => new TableRows(g.Key, [.. g.Select(e => ProviderValues(g.Key, Values(e, g.Key)))]))
            .ToList();
        _captured.AddOrUpdate(context, rows);
        return ValueTask.FromResult(InterceptionResult<int>.SuppressWithResult(entries.Count));
    }

    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result) =>
        throw new NotSupportedException("Save asynchronously.");

    /// <summary>The rows the last save of <paramref name="context"/> produced, principals first.</summary>
    public IReadOnlyList<TableRows> TakeRows(DbContext context) =>
        _captured.TryGetValue(context, out var rows) && _captured.Remove(context) ? rows : [];

    /// <summary>Rows of <paramref name="type"/> given as model (CLR) values in the order of <see cref="Columns"/>.</summary>
    public static TableRows Convert(IEntityType type, IEnumerable<object?[]> rows) =>
        new(type, [.. rows.Select(r => ProviderValues(type, r))]);

    /// <summary>Writes rows already converted to provider values (<see cref="TakeRows"/>, <see cref="Convert"/>).</summary>
    public async Task WriteAsync(TableRows rows, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(rows);
        var type = rows.Type;
        var columns = Columns(type);
        var table = StoreObjectIdentifier.Table(type.GetTableName()!, type.GetSchema());
        var names = string.Join(", ", columns.Select(c => $"\"{c.GetColumnName(table)}\""));
        if (_connection is SqliteConnection sqlite)
        {
            if (!_prepared.TryGetValue(type.Name, out var command))
            {
                command = sqlite.CreateCommand();
                command.Transaction = _sqliteTransaction;
                command.CommandText = $"INSERT INTO \"{table.Name}\" ({names}) VALUES ({string.Join(", ", columns.Select((_, i) => $"$p{i}"))})";
                for (var i = 0; i < columns.Count; i++)
                    command.Parameters.Add(((RelationalTypeMapping)columns[i].GetTypeMapping()).CreateParameter(command, $"$p{i}", null, nullable: true));
                command.Prepare();
                _prepared[type.Name] = command;
            }

            foreach (var row in rows.Rows)
            {
                for (var i = 0; i < row.Length; i++)
                    command.Parameters[i].Value = row[i] ?? DBNull.Value;
                command.ExecuteNonQuery();
                Rows++;
            }

            return;
        }

        var npgsql = (NpgsqlConnection)_connection;
        var types = columns.Select(c => BaseStoreType(((RelationalTypeMapping)c.GetTypeMapping()).StoreType)).ToArray();
        await using var importer = await npgsql.BeginBinaryImportAsync($"COPY \"{table.Name}\" ({names}) FROM STDIN (FORMAT BINARY)", ct);
        foreach (var row in rows.Rows)
        {
            await importer.StartRowAsync(ct);
            for (var i = 0; i < row.Length; i++)
            {
                if (row[i] is { } value)
                    await importer.WriteAsync(value, types[i], ct);
                else
                    await importer.WriteNullAsync(ct);
            }

            Rows++;
        }

        await importer.CompleteAsync(ct);
    }

    /// <summary>The columns written for <paramref name="type"/>: all but store-generated keys (autoincrement ids).</summary>
    public static IReadOnlyList<IProperty> Columns(IEntityType type)
    {
        ArgumentNullException.ThrowIfNull(type);
        return ColumnsByType.GetOrAdd(type, t =>
            [.. t.GetProperties().Where(p => !(p.ValueGenerated == ValueGenerated.OnAdd && p.IsPrimaryKey() && p.ClrType == typeof(long)))]);
    }

    private static readonly System.Collections.Concurrent.ConcurrentDictionary<IEntityType, IProperty[]> ColumnsByType = new();

    /// <summary>Ends the load: on SQLite commits, checks foreign keys and leaves an ordinary rollback journal for copying.</summary>
    public async Task CompleteAsync()
    {
        if (_connection is not SqliteConnection sqlite)
            return;
        foreach (var command in _prepared.Values)
            await command.DisposeAsync();
        _prepared.Clear();
        await _sqliteTransaction!.CommitAsync();
        await _sqliteTransaction.DisposeAsync();
        _sqliteTransaction = null;
        await using var check = sqlite.CreateCommand();
        check.CommandText = "PRAGMA foreign_key_check";
        await using (var reader = await check.ExecuteReaderAsync())
        {
            if (await reader.ReadAsync())
                throw new InvalidOperationException($"The seed broke a foreign key in table {reader.GetString(0)}.");
        }

        check.CommandText = "PRAGMA journal_mode = DELETE";
        await check.ExecuteNonQueryAsync();
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var command in _prepared.Values)
            await command.DisposeAsync();
        if (_sqliteTransaction is not null)
            await _sqliteTransaction.DisposeAsync();
        await _connection.DisposeAsync();
    }

    private static object?[] Values(EntityEntry entry, IEntityType type) =>
        [.. Columns(type).Select(p => entry.Property(p.Name).CurrentValue)];

    private static object?[] ProviderValues(IEntityType type, object?[] values)
    {
        var columns = Columns(type);
        var converted = new object?[values.Length];
        for (var i = 0; i < values.Length; i++)
        {
            var value = values[i] is { } v && columns[i].GetTypeMapping().Converter is { } converter ? converter.ConvertToProvider(v) : values[i];
            // PostgreSQL's timestamptz takes UTC only; SQLite's converter already made ticks of it.
            converted[i] = value is DateTimeOffset at ? at.ToUniversalTime() : value;
        }

        return converted;
    }

    // "character varying(32)" names the type "character varying" to Npgsql's importer.
    private static string BaseStoreType(string storeType) =>
        storeType.IndexOf('(', StringComparison.Ordinal) is var open and > 0 ? storeType[..open].Trim() : storeType;

    // Principals before dependents, so PostgreSQL's foreign keys hold row by row within a save.
    private static Dictionary<string, int> TopologicalOrder(IModel model)
    {
        var order = new Dictionary<string, int>(StringComparer.Ordinal);
        var visiting = new HashSet<IEntityType>();
        foreach (var type in model.GetEntityTypes())
            Visit(type);
        return order;

        void Visit(IEntityType type)
        {
            if (order.ContainsKey(type.Name) || !visiting.Add(type))
                return;
            foreach (var foreignKey in type.GetForeignKeys())
            {
                if (foreignKey.PrincipalEntityType != type)
                    Visit(foreignKey.PrincipalEntityType);
            }

            order[type.Name] = order.Count;
        }
    }
}

/// <summary>Rows for one table, as provider values in the order of <see cref="BulkWriter.Columns"/>.</summary>
public sealed record TableRows(IEntityType Type, List<object?[]> Rows);

using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Permit.Api.Persistence.Postgres;
using Permit.Api.Persistence.Sqlite;
using Permit.Api.Persistence.SqlServer;
using Permit.Api.Security.Fields;

namespace Permit.Api.Persistence;

/// <summary>
/// One place that knows how each provider is switched on, used alike by the host, the design-time factories and the
/// tests, so the three never drift apart. Each provider has its own thin <see cref="PermitDbContext"/> subclass
/// carrying its own migrations.
/// </summary>
public static class PermitDatabase
{
    /// <summary>
    /// Creates a context of the provider's subclass (tests, tools, the seed). <paramref name="protector"/> holds the keys
    /// citizen ID numbers are encrypted and indexed with: use the host's own (one instance per key set, since each
    /// instance gets its own cached model).
    /// </summary>
    public static PermitDbContext CreateContext(DatabaseProvider provider, string connectionString, CitizenIdProtector protector)
    {
        ArgumentNullException.ThrowIfNull(protector);
        return provider switch
        {
            DatabaseProvider.Sqlite => new SqlitePermitDbContext(Options<SqlitePermitDbContext>(provider, connectionString), protector),
            DatabaseProvider.Postgres => new PostgresPermitDbContext(Options<PostgresPermitDbContext>(provider, connectionString), protector),
            DatabaseProvider.SqlServer => new SqlServerPermitDbContext(Options<SqlServerPermitDbContext>(provider, connectionString), protector),
            _ => throw new ArgumentOutOfRangeException(nameof(provider), provider, "Unknown database provider."),
        };
    }

    public static DbContextOptions<TContext> Options<TContext>(DatabaseProvider provider, string connectionString)
        where TContext : PermitDbContext
    {
        var builder = new DbContextOptionsBuilder<TContext>();
        builder.UseProvider(provider, connectionString);
        return builder.Options;
    }

    public static DbContextOptionsBuilder UseProvider(this DbContextOptionsBuilder options, DatabaseProvider provider, string connectionString)
    {
        ArgumentNullException.ThrowIfNull(options);
        _ = provider switch
        {
            DatabaseProvider.Sqlite => options.UseSqlite(connectionString),
            DatabaseProvider.Postgres => options.UseNpgsql(connectionString),
            // SQL Server's duplicate-key message quotes the duplicate value (a citizen ID number, say): EF would log it
            // with the failed command. The exception still reaches the caller; only EF's own error log is dropped.
            DatabaseProvider.SqlServer => options.UseSqlServer(connectionString)
                .ConfigureWarnings(w => w.Ignore(CoreEventId.SaveChangesFailed, RelationalEventId.CommandError)),
            _ => throw new ArgumentOutOfRangeException(nameof(provider), provider, "Unknown database provider."),
        };
        // An audit entry saved inside a transaction keeps the chain's append lock until that transaction ends.
        options.AddInterceptors(AuditChainTransactions.Instance);
        // Writes the added rows of a save in bulk, only for a context that asks (BulkInserts.For: a bulk report's real run).
        options.AddInterceptors(BulkInserts.Instance);
        // The model holds the encrypting converter, so it is cached per key set rather than per context type.
        options.ReplaceService<IModelCacheKeyFactory, CitizenIdProtectedModelCacheKeyFactory>();
        return options;
    }

    /// <summary>
    /// Makes a relative SQLite <c>Data Source</c> relative to <paramref name="contentRoot"/> (not the working directory)
    /// and creates its folder, so a fresh clone starts without any set-up.
    /// </summary>
    public static string ResolveSqliteFile(string connectionString, string contentRoot)
    {
        var builder = new SqliteConnectionStringBuilder(connectionString);
        var inMemory = builder.Mode == SqliteOpenMode.Memory
            || builder.DataSource.Length == 0
            || string.Equals(builder.DataSource, ":memory:", StringComparison.Ordinal);
        if (inMemory)
            return connectionString;

        builder.DataSource = Path.GetFullPath(builder.DataSource, contentRoot);
        Directory.CreateDirectory(Path.GetDirectoryName(builder.DataSource)!);
        return builder.ToString();
    }
}

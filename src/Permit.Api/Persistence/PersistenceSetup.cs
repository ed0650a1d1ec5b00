using Microsoft.Extensions.Options;
using Permit.Api.Persistence.Postgres;
using Permit.Api.Persistence.Sqlite;
using Permit.Api.Persistence.SqlServer;

namespace Permit.Api.Persistence;

/// <summary>Registers <see cref="PermitDbContext"/> for the configured provider and migrates at start.</summary>
public static partial class PersistenceSetup
{
    public const string ConnectionStringName = "Permit";

    public static WebApplicationBuilder AddPermitPersistence(this WebApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var services = builder.Services;
        services.AddOptions<DatabaseOptions>().BindConfiguration(DatabaseOptions.Section);

        var database = builder.Configuration.GetSection(DatabaseOptions.Section).Get<DatabaseOptions>() ?? new DatabaseOptions();
        var connectionString = builder.Configuration.GetConnectionString(ConnectionStringName);
        if (database.Provider == DatabaseProvider.Sqlite)
        {
            connectionString = PermitDatabase.ResolveSqliteFile(
                connectionString ?? DatabaseOptions.DefaultSqliteConnectionString, builder.Environment.ContentRootPath);
        }
        else if (string.IsNullOrWhiteSpace(connectionString))
        {
            throw new InvalidOperationException(
                $"Database:Provider is {database.Provider}: set ConnectionStrings:{ConnectionStringName}.");
        }

        // The options depend on nothing of a request: built once (optionsLifetime Singleton), not for every request's
        // context — the per-scope build was ~5% of a lookup's CPU in the 1M profile (bench/Permit.Bench.Points).
        _ = database.Provider switch
        {
            DatabaseProvider.Sqlite => services.AddDbContext<PermitDbContext, SqlitePermitDbContext>(
                o => o.UseProvider(DatabaseProvider.Sqlite, connectionString), optionsLifetime: ServiceLifetime.Singleton),
            DatabaseProvider.Postgres => services.AddDbContext<PermitDbContext, PostgresPermitDbContext>(
                o => o.UseProvider(DatabaseProvider.Postgres, connectionString), optionsLifetime: ServiceLifetime.Singleton),
            DatabaseProvider.SqlServer => services.AddDbContext<PermitDbContext, SqlServerPermitDbContext>(
                o => o.UseProvider(DatabaseProvider.SqlServer, connectionString), optionsLifetime: ServiceLifetime.Singleton),
            _ => throw new InvalidOperationException($"Unknown Database:Provider {database.Provider}."),
        };
        return builder;
    }

    /// <summary>
    /// Applies pending migrations when <c>Database:MigrateOnStartup</c> is true (the default); on SQLite, first switches
    /// the file to write-ahead logging.
    /// </summary>
    public static async Task MigratePermitDatabaseAsync(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        var options = app.Services.GetRequiredService<IOptions<DatabaseOptions>>().Value;
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PermitDbContext>();
        // In the default rollback-journal mode every commit (each group of lookup audit lines, say) locks readers out,
        // and a locked-out reader sleeps in Microsoft.Data.Sqlite's busy loop before it retries: lookups queue behind writes. With
        // WAL readers never wait for the writer. Persistent in the file (so once is enough); an in-memory database
        // keeps its own mode. Synchronous stays FULL: a commit is durable when it returns, as the audit requires.
        if (options.Provider == DatabaseProvider.Sqlite)
            await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode = WAL", app.Lifetime.ApplicationStopping).ConfigureAwait(false);
        if (!options.MigrateOnStartup)
            return;

        var pending = (await db.Database.GetPendingMigrationsAsync(app.Lifetime.ApplicationStopping).ConfigureAwait(false)).Count();
        if (pending > 0)
        {
            LogMigrating(app.Logger, pending, options.Provider);
            await db.Database.MigrateAsync(app.Lifetime.ApplicationStopping).ConfigureAwait(false);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Applying {Count} migration(s) to the {Provider} database")]
    private static partial void LogMigrating(ILogger logger, int count, DatabaseProvider provider);
}

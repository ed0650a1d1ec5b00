using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Permit.Api.Persistence;
using Permit.Api.Persistence.Sqlite;
using Permit.Api.Security.Fields;

namespace Permit.Api.Tests.Infrastructure;

/// <summary>
/// The API host in process, on its own temporary SQLite file (migrated at start like production), without the demo
/// seed or log files. Dispose it to delete the file.
/// </summary>
public sealed class PermitApiApplication : WebApplicationFactory<Program>
{
    private readonly DirectoryInfo _directory = Directory.CreateTempSubdirectory("permit-api-tests-");

    public string ConnectionString => $"Data Source={Path.Combine(_directory.FullName, "permit.db")}";

    /// <summary>A context on the host's database, for arranging and checking data behind the API's back.</summary>
    public PermitDbContext CreateDbContext() => CreateDbContext(Services);

    /// <summary>A context on the host's database with the keys of <paramref name="services"/> (a host derived from this one).</summary>
    public PermitDbContext CreateDbContext(IServiceProvider services) => PermitDatabase.CreateContext(
        DatabaseProvider.Sqlite, ConnectionString, services.GetRequiredService<CitizenIdProtector>());

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        builder.UseSetting("Database:Provider", nameof(DatabaseProvider.Sqlite));
        builder.UseSetting($"ConnectionStrings:{PersistenceSetup.ConnectionStringName}", ConnectionString);
        builder.UseSetting("Database:MigrateOnStartup", "true");
        builder.UseSetting("Seed:Demo", "false");
        builder.UseSetting("Jobs:SchedulerEnabled", "false");
        builder.UseSetting("Logging:File:Directory", "");
        // Tests sign in hundreds of times from one address; the rate-limit tests turn the limits back on.
        builder.UseSetting("RateLimits:Enabled", "false");
        // TEST KEYS ONLY: created in the test's own folder, never in the source tree.
        builder.UseSetting("Keys:Directory", Path.Combine(_directory.FullName, "keys"));
        // Each host its own checkpoint log: hosts sharing one would read each other's chains as cut or rewritten.
        builder.UseSetting("Audit:CheckpointLog", Path.Combine(_directory.FullName, "audit-checkpoints.log"));
        // Whatever Program read before these settings applied, the context ends up on the test file.
        builder.ConfigureServices(services =>
            services.ConfigureDbContext<SqlitePermitDbContext>(options => options.UseSqlite(ConnectionString)));
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        // Pooled connections keep the file open; release them before deleting it.
        SqliteConnection.ClearAllPools();
        _directory.Delete(recursive: true);
    }
}

using System.Net.Http.Headers;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Npgsql;
using Permit.Api.Persistence;
using Permit.Api.Security.Accounts;
using Permit.Api.Security.Fields;
using Permit.Api.Security.Tokens;
using Permit.Api.Tests.Persistence;

namespace Permit.Api.Tests.Features.Permits;

/// <summary>
/// The API in process on a database of its own (a temporary SQLite file, or a fresh PostgreSQL database on the server
/// named by <c>PERMIT_TEST_POSTGRES</c>), with a fake clock (10:00 in Ningbo on 10 March 2026), TEST issuer keys in a
/// temporary key directory, and bearer tokens minted for officers and migrants.
/// </summary>
public sealed class PermitsHost : WebApplicationFactory<Program>
{
    public static readonly DateTimeOffset Start = new(2026, 3, 10, 2, 0, 0, TimeSpan.Zero);

    private readonly DirectoryInfo _directory = Directory.CreateTempSubdirectory("permit-permits-tests-");
    private readonly string? _postgresServer;
    private readonly string _postgresName = $"permit_f2_{Guid.NewGuid():N}";

    private PermitsHost(DatabaseProvider provider, string? postgresServer)
    {
        Provider = provider;
        _postgresServer = postgresServer;
    }

    public DatabaseProvider Provider { get; }

    public FakeTimeProvider Time { get; } = new(Start);

    /// <summary>More services (a log sink, say); set before the host is first used.</summary>
    public Action<IServiceCollection>? ExtraServices { get; set; }

    public string ConnectionString => Provider == DatabaseProvider.Sqlite
        ? $"Data Source={Path.Combine(_directory.FullName, "permit.db")}"
        : new NpgsqlConnectionStringBuilder(_postgresServer) { Database = _postgresName, MaxPoolSize = 60 }.ConnectionString;

    /// <summary>A host on <paramref name="provider"/> ("Sqlite" or "Postgres"); PostgreSQL skips (CI: fails) when not configured.</summary>
    public static PermitsHost On(string provider)
    {
        if (provider == nameof(DatabaseProvider.Sqlite))
            return new PermitsHost(DatabaseProvider.Sqlite, null);
        var server = Environment.GetEnvironmentVariable(PostgresTestDatabase.ConnectionVariable);
        if (string.IsNullOrWhiteSpace(server))
            Requirement.Unmet($"PostgreSQL tests need {PostgresTestDatabase.ConnectionVariable}, e.g. Host=127.0.0.1;Username=permit;Password=…;Database=postgres");
        return new PermitsHost(DatabaseProvider.Postgres, server);
    }

    /// <summary>A context on the host's database (the host is started first, so the database is migrated).</summary>
    public PermitDbContext NewContext()
    {
        return PermitDatabase.CreateContext(Provider, ConnectionString, Services.GetRequiredService<CitizenIdProtector>());
    }

    /// <summary>A client signed in as an officer of <paramref name="role"/> (recorded in the register: tokens are checked against it).</summary>
    public HttpClient Officer(OfficerRole role = OfficerRole.Registrar)
    {
        using var db = NewContext();
        var userName = OfficerAccount.NormalizeUserName($"{role}-officer");
        var officer = db.Set<OfficerAccount>().SingleOrDefault(o => o.UserName == userName);
        if (officer is null)
        {
            officer = OfficerAccount.Create(userName, $"Test {role}", role, "not-a-real-hash", Time.GetUtcNow());
            db.Add(officer);
            db.SaveChanges();
        }

        return WithToken(Services.GetRequiredService<TokenIssuer>().ForOfficer(officer));
    }

    /// <summary>A client signed in to self-service as the holder <paramref name="residentId"/>.</summary>
    public HttpClient Migrant(Guid residentId)
    {
        var (account, _) = MigrantAccount.Open(residentId, Time.GetUtcNow(), TimeSpan.FromDays(1));
        return WithToken(Services.GetRequiredService<TokenIssuer>().ForMigrant(account));
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        builder.UseSetting("Database:Provider", Provider.ToString());
        builder.UseSetting($"ConnectionStrings:{PersistenceSetup.ConnectionStringName}", ConnectionString);
        builder.UseSetting("Database:MigrateOnStartup", "true");
        builder.UseSetting("Seed:Demo", "false");
        builder.UseSetting("Jobs:SchedulerEnabled", "false");
        builder.UseSetting("Logging:File:Directory", "");
        builder.UseSetting("RateLimits:Enabled", "false");
        // TEST KEYS ONLY: a fresh issuer key created in a temporary directory.
        builder.UseSetting("Keys:Directory", Path.Combine(_directory.FullName, "keys"));
        builder.UseSetting("Audit:CheckpointLog", Path.Combine(_directory.FullName, "audit-checkpoints.log"));
        builder.ConfigureServices(services =>
        {
            services.AddSingleton<TimeProvider>(Time);
            ExtraServices?.Invoke(services);
        });
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        if (Provider == DatabaseProvider.Sqlite)
        {
            SqliteConnection.ClearAllPools();
        }
        else
        {
            await PostgresTestDrop.DropDatabaseAsync(_postgresServer!, _postgresName!);
        }

        _directory.Delete(recursive: true);
    }

    private HttpClient WithToken(IssuedToken token)
    {
        var client = CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token.AccessToken);
        return client;
    }
}

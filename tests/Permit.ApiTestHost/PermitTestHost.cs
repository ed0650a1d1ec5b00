using System.Globalization;
using System.Net;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Time.Testing;
using Npgsql;
using Permit.Api.Persistence.Sqlite;
using Permit.Api.Security.Fields;

namespace Permit.ApiTestHost;

/// <summary>
/// The permit API for a test: on SQLite or PostgreSQL (a database of its own, migrated at start like production and
/// deleted afterwards), on a fake clock or the system's, in memory or on real Kestrel, with TEST keys in a temporary
/// directory, no demo seed, no scheduler, no log files, rate limits off and cheap password hashing. Clients are signed in
/// as officers of a role or as a migrant (<see cref="Officer"/>, <see cref="Migrant"/>); the sign-in tests sign in with a
/// password (<see cref="SignedInClientAsync"/>).
/// </summary>
public partial class PermitTestHost : WebApplicationFactory<Program>
{
    /// <summary>10:00 in Ningbo on 10 March 2026: where the fake clock starts unless told otherwise.</summary>
    public static readonly DateTimeOffset Start = new(2026, 3, 10, 2, 0, 0, TimeSpan.Zero);

    private readonly TestHostOptions _options;
    private readonly DirectoryInfo _directory = Directory.CreateTempSubdirectory("permit-test-host-");
    private readonly string? _postgresServer;
    private readonly string? _ownPostgresDatabase;
    private readonly FakeTimeProvider? _time;

    public PermitTestHost(DatabaseProvider provider = DatabaseProvider.Sqlite)
        : this(new TestHostOptions { Provider = provider })
    {
    }

    public PermitTestHost(DatabaseProvider provider, DateTimeOffset clock)
        : this(new TestHostOptions { Provider = provider, Clock = clock })
    {
    }

    public PermitTestHost(TestHostOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        _options = options;
        _time = options.Clock is { } start ? new FakeTimeProvider(start) : null;
        KeyDirectory = options.SharedKeyDirectory ?? Path.Combine(_directory.FullName, "keys");
        ConnectionString = options.SharedConnectionString ?? OwnConnectionString(options.Provider, out _postgresServer, out _ownPostgresDatabase);
        if (!options.Kestrel)
            return;
        UseKestrel(listen => listen.Listen(IPAddress.Loopback, 0));
        StartServer();
        var address = Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.First();
        BaseAddress = new Uri(address.Replace("[::]", "127.0.0.1", StringComparison.Ordinal)
            .Replace("0.0.0.0", "127.0.0.1", StringComparison.Ordinal).Replace("localhost", "127.0.0.1", StringComparison.Ordinal).TrimEnd('/') + "/");
    }

    public DatabaseProvider Provider => _options.Provider;

    public string ConnectionString { get; }

    /// <summary>The TEST key directory the API makes its keys in.</summary>
    public string KeyDirectory { get; }

    /// <summary>The fake clock (the host was made with <see cref="TestHostOptions.Clock"/> <see langword="null"/>: it has none).</summary>
    public FakeTimeProvider Time => _time ?? throw new InvalidOperationException("This host runs on the system clock.");

    /// <summary>On Kestrel, where a browser or the agent reaches the API, e.g. <c>http://127.0.0.1:41234/</c>.</summary>
    public Uri BaseAddress { get => field ?? throw new InvalidOperationException("This host runs in memory; ask for Kestrel."); private set; }

    /// <summary><see cref="BaseAddress"/> without the closing slash, as pages and the agent's options write it.</summary>
    public string BaseUrl => BaseAddress.ToString().TrimEnd('/');

    /// <summary>A context on the host's database, for arranging and checking data behind the API's back (starts the host).</summary>
    public PermitDbContext NewContext() => NewContext(Services);

    /// <summary>A context with the keys of <paramref name="services"/>: a host derived with <c>WithWebHostBuilder</c>.</summary>
    public PermitDbContext NewContext(IServiceProvider services) =>
        PermitDatabase.CreateContext(Provider, ConnectionString, services.GetRequiredService<CitizenIdProtector>());

    /// <summary>A client of the host: over the loopback network on Kestrel (cookies kept when a container is given), else in memory.</summary>
    public HttpClient NetworkClient(CookieContainer? cookies = null) =>
        new(new SocketsHttpHandler { CookieContainer = cookies ?? new CookieContainer(), UseCookies = cookies is not null, AllowAutoRedirect = false, MaxConnectionsPerServer = 256 })
        {
            BaseAddress = BaseAddress,
            Timeout = TimeSpan.FromSeconds(60),
        };

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        builder.UseSetting("Database:Provider", Provider.ToString());
        builder.UseSetting($"ConnectionStrings:{PersistenceSetup.ConnectionStringName}", ConnectionString);
        builder.UseSetting("Database:MigrateOnStartup", "true");
        builder.UseSetting("Seed:Demo", "false");
        // Scheduled jobs catch up at start and write in their own transactions; the job tests run them by hand.
        builder.UseSetting("Jobs:SchedulerEnabled", "false");
        builder.UseSetting("Logging:File:Directory", "");
        // Tests sign in hundreds of times from one address; the rate-limit tests turn the limits back on.
        builder.UseSetting("RateLimits:Enabled", "false");
        // TEST KEYS ONLY: created in the test's own folder, never in the source tree.
        builder.UseSetting("Keys:Directory", KeyDirectory);
        // One checkpoint log per chain: hosts on one database share it, hosts on their own would read each other's as cut.
        builder.UseSetting("Audit:CheckpointLog", KeyDirectory + "-audit-checkpoints.log");
        builder.UseSetting("Security:Passwords:Iterations", PasswordIterations.ToString(CultureInfo.InvariantCulture));
        foreach (var (key, value) in _options.Settings)
            builder.UseSetting(key, value);
        builder.ConfigureServices(services =>
        {
            // Whatever Program read before these settings applied, the context ends up on the test file.
            if (Provider == DatabaseProvider.Sqlite)
                services.ConfigureDbContext<SqlitePermitDbContext>(options => options.UseSqlite(ConnectionString));
            _options.Services?.Invoke(services);
        });
        if (_time is not null)
            builder.ConfigureTestServices(services => services.AddSingleton<TimeProvider>(_time));
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        // Pooled connections keep the file open; release them before deleting it.
        SqliteConnection.ClearAllPools();
        if (_ownPostgresDatabase is not null)
            await TestProviders.DropPostgresDatabaseAsync(_postgresServer!, _ownPostgresDatabase);
        try
        {
            _directory.Delete(recursive: true);
        }
        catch (IOException)
        {
            // A leftover temporary folder is harmless.
        }

        GC.SuppressFinalize(this);
    }

    private string OwnConnectionString(DatabaseProvider provider, out string? postgresServer, out string? postgresDatabase)
    {
        postgresServer = null;
        postgresDatabase = null;
        switch (provider)
        {
            case DatabaseProvider.Sqlite:
                return $"Data Source={Path.Combine(_directory.FullName, "permit.db")}";
            case DatabaseProvider.Postgres:
                postgresServer = TestProviders.PostgresServer();
                postgresDatabase = $"permit_host_{Guid.NewGuid():N}";
                return new NpgsqlConnectionStringBuilder(postgresServer) { Database = postgresDatabase, MaxPoolSize = 60 }.ConnectionString;
            default:
                throw new ArgumentOutOfRangeException(nameof(provider), provider, "The test host runs on SQLite or PostgreSQL.");
        }
    }
}

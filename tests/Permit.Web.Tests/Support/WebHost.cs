using System.Net.Http.Headers;
using System.Net.Http.Json;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Permit.Api.Persistence;
using Permit.Api.Persistence.Sqlite;
using Permit.Api.Security.Accounts;
using Permit.Api.Security.Fields;
using Permit.Api.Security.Passwords;
using Permit.Api.Security.Terminals;
using Permit.Domain.Entitlements;
using Permit.Logging;
using Serilog.Core;

namespace Permit.Web.Tests.Support;

/// <summary>
/// The API and its pages on a real Kestrel port (a browser cannot reach an in-memory test server), on its own SQLite
/// file and TEST-ONLY key directory, with a controllable clock and cheap password hashing. Dispose it to delete both.
/// </summary>
public sealed class WebHost : WebApplicationFactory<Program>
{
    public const string Password = "correct horse battery staple";
    private const int Iterations = 1000;
    private readonly DirectoryInfo _directory = Directory.CreateTempSubdirectory("permit-web-tests-");
    private readonly string _agentUrl;

    public WebHost(string agentUrl = "http://127.0.0.1:9")
    {
        _agentUrl = agentUrl;
        UseKestrel(0);
        StartServer();
        var addresses = Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses;
        BaseUrl = addresses.First().Replace("[::]", "127.0.0.1", StringComparison.Ordinal).Replace("localhost", "127.0.0.1", StringComparison.Ordinal);
    }

    public FakeTimeProvider Time { get; } = new(new DateTimeOffset(2026, 3, 2, 2, 0, 0, TimeSpan.Zero));

    /// <summary>Every line the API logged, masked as its file and console have it (the file itself is off here).</summary>
    public CapturedLog Log { get; } = new();

    /// <summary>http://127.0.0.1:port, as the browser and the agent reach it.</summary>
    public string BaseUrl { get; }

    public string KeyDirectory => Path.Combine(_directory.FullName, "keys");

    private string ConnectionString => $"Data Source={Path.Combine(_directory.FullName, "permit.db")}";

    public PermitDbContext NewContext() =>
        PermitDatabase.CreateContext(DatabaseProvider.Sqlite, ConnectionString, Services.GetRequiredService<CitizenIdProtector>());

    public async Task<OfficerAccount> AddOfficerAsync(string userName, OfficerRole role, string displayName)
    {
        var officer = OfficerAccount.Create(userName, displayName, role, PasswordHasher.Hash(Password, Iterations), Time.GetUtcNow());
        await using var db = NewContext();
        db.Add(officer);
        await db.SaveChangesAsync(TestContext.Current.CancellationToken);
        return officer;
    }

    /// <summary>Registers a counter terminal and returns its API key (shown once, as to the admin).</summary>
    public async Task<string> AddTerminalAsync(string name, ServiceCategory category)
    {
        var key = ApiKey.Generate();
        await using var db = NewContext();
        db.Add(VerifierTerminal.Register(name, [category], key, Time.GetUtcNow()));
        await db.SaveChangesAsync(TestContext.Current.CancellationToken);
        return key.Value;
    }

    /// <summary>An HTTP client on the real port signed in with a bearer token, for arranging through the API.</summary>
    public async Task<HttpClient> BearerClientAsync(string userName)
    {
        var client = new HttpClient { BaseAddress = new Uri(BaseUrl) };
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", await TokenAsync(userName));
        return client;
    }

    /// <summary>An officer's bearer token, as the officer's page hands it to the agent.</summary>
    public async Task<string> TokenAsync(string userName)
    {
        using var client = new HttpClient { BaseAddress = new Uri(BaseUrl) };
        using var response = await client.PostAsJsonAsync("/api/auth/token", new { userName, password = Password }, TestContext.Current.CancellationToken);
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<TokenView>(TestContext.Current.CancellationToken))!.AccessToken;
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        builder.UseSetting("Database:Provider", nameof(DatabaseProvider.Sqlite));
        builder.UseSetting($"ConnectionStrings:{PersistenceSetup.ConnectionStringName}", ConnectionString);
        builder.UseSetting("Database:MigrateOnStartup", "true");
        builder.UseSetting("Seed:Demo", "false");
        // Scheduled jobs catch up at start and write in their own transactions; the page tests drive the desk alone.
        builder.UseSetting("Jobs:SchedulerEnabled", "false");
        builder.UseSetting("Logging:File:Directory", "");
        // Browser stories sign in many times from loopback within a minute.
        builder.UseSetting("RateLimits:Enabled", "false");
        builder.UseSetting("Keys:Directory", KeyDirectory);
        // Each host its own checkpoint log: hosts sharing one would read each other's chains as cut or rewritten.
        builder.UseSetting("Audit:CheckpointLog", KeyDirectory + "-audit-checkpoints.log");
        builder.UseSetting("Security:Passwords:Iterations", Iterations.ToString(System.Globalization.CultureInfo.InvariantCulture));
        builder.UseSetting("Web:AgentUrl", _agentUrl);
        builder.ConfigureServices(services =>
            services.ConfigureDbContext<SqlitePermitDbContext>(options => options.UseSqlite(ConnectionString)));
        builder.ConfigureTestServices(services =>
        {
            services.AddSingleton<TimeProvider>(Time);
            services.AddSingleton<ILogEventSink>(new MaskingSink(Log));
        });
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        SqliteConnection.ClearAllPools();
        try
        {
            _directory.Delete(recursive: true);
        }
        catch (IOException)
        {
            // A leftover temporary folder is harmless.
        }
    }

    private sealed record TokenView(string AccessToken);
}

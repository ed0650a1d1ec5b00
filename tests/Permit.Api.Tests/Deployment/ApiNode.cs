using System.Net;
using System.Net.Sockets;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Permit.Api.Persistence;

namespace Permit.Api.Tests.Deployment;

/// <summary>
/// One API node on real Kestrel, bound to a free loopback port, on a shared PostgreSQL database and a shared key
/// directory (TEST KEYS ONLY): what a second machine behind the proxy would be, minus the machine.
/// </summary>
public sealed class ApiNode : WebApplicationFactory<Program>
{
    private readonly string _connectionString;
    private readonly string _keyDirectory;

    public ApiNode(string connectionString, string keyDirectory)
    {
        _connectionString = connectionString;
        _keyDirectory = keyDirectory;
        Port = FreeLoopbackPort();
        UseKestrel(options => options.Listen(IPAddress.Loopback, Port));
    }

    public int Port { get; }

    public Uri Address => new($"http://127.0.0.1:{Port}");

    /// <summary>A client of this node over the loopback network (cookies kept when a container is given).</summary>
    public HttpClient NetworkClient(CookieContainer? cookies = null) =>
        new(new SocketsHttpHandler { CookieContainer = cookies ?? new CookieContainer(), UseCookies = cookies is not null, AllowAutoRedirect = false, MaxConnectionsPerServer = 256 })
        {
            BaseAddress = Address,
            Timeout = TimeSpan.FromSeconds(60),
        };

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        builder.UseSetting("Database:Provider", nameof(DatabaseProvider.Postgres));
        builder.UseSetting($"ConnectionStrings:{PersistenceSetup.ConnectionStringName}", _connectionString);
        builder.UseSetting("Database:MigrateOnStartup", "true");
        builder.UseSetting("Seed:Demo", "false");
        builder.UseSetting("Jobs:SchedulerEnabled", "false");
        builder.UseSetting("Logging:File:Directory", "");
        builder.UseSetting("Serilog:MinimumLevel:Default", "Warning");
        builder.UseSetting("Keys:Directory", _keyDirectory);
        builder.UseSetting("Audit:CheckpointLog", _keyDirectory + "-audit-checkpoints.log");
        builder.UseSetting("Security:Passwords:Iterations", "1000");
        // The limits stay on (a designed 429 is an allowed answer), raised so most sign-ins get through from one address.
        builder.UseSetting("RateLimits:Enabled", "true");
        builder.UseSetting("RateLimits:SignInPerAddress:PermitLimit", "300");
        builder.UseSetting("RateLimits:SignInPerUserName:PermitLimit", "120");
    }

    private static int FreeLoopbackPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}

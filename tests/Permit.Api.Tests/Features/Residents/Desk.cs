using System.Net.Http.Json;
using System.Security.Claims;
using System.Text.Encodings.Web;
using System.Text.Json;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using Npgsql;
using Permit.Api.Persistence;
using Permit.Api.Security.Authorization;
using Permit.Api.Security.Fields;
using Permit.Api.Tests.Infrastructure;
using Permit.Api.Tests.Persistence;
using Permit.Domain.Common;

namespace Permit.Api.Tests.Features.Residents;

/// <summary>
/// The registration desk on the test host: the API on its own database, a settable clock, and clients signed in as a
/// registrar, a supervisor or nobody (a test authentication scheme reads the role from a header).
/// </summary>
public sealed class Desk : IAsyncDisposable
{
    public static readonly DateOnly Today = new(2026, 3, 2);

    private readonly WebApplicationFactory<Program> _factory;
    private readonly string? _postgres;

    /// <summary>The desk on SQLite, or on a database of its own on the PostgreSQL server of <c>PERMIT_TEST_POSTGRES</c>.</summary>
    public Desk(DatabaseProvider provider = DatabaseProvider.Sqlite)
    {
        Provider = provider;
        if (provider == DatabaseProvider.Postgres)
        {
            var server = Environment.GetEnvironmentVariable(PostgresTestDatabase.ConnectionVariable);
            if (string.IsNullOrWhiteSpace(server))
                Requirement.Unmet($"PostgreSQL desk tests need {PostgresTestDatabase.ConnectionVariable}.");
            _postgres = new NpgsqlConnectionStringBuilder(server) { Database = $"permit_desk_{Guid.NewGuid():N}" }.ConnectionString;
        }
        _factory = App.WithWebHostBuilder(builder =>
        {
            if (_postgres is not null)
            {
                builder.UseSetting("Database:Provider", nameof(DatabaseProvider.Postgres));
                builder.UseSetting($"ConnectionStrings:{PersistenceSetup.ConnectionStringName}", _postgres);
            }
            builder.ConfigureTestServices(services =>
            {
                services.AddSingleton<TimeProvider>(Clock);
                DeskAuthentication.Add(services);
            });
        });
    }

    /// <summary>Both providers, for the acceptance tests (PostgreSQL skips outside CI when not configured).</summary>
    public static TheoryData<DatabaseProvider> Providers => [DatabaseProvider.Sqlite, DatabaseProvider.Postgres];

    public DatabaseProvider Provider { get; }

    public PermitApiApplication App { get; } = new();

    /// <summary>Starts at <see cref="Today"/>, 09:00 UTC.</summary>
    public FakeTimeProvider Clock { get; } = new(new DateTimeOffset(Today.ToDateTime(new TimeOnly(9, 0)), TimeSpan.Zero));

    public HttpClient Registrar() => Client(Roles.Registrar);

    public HttpClient Supervisor() => Client(Roles.Supervisor);

    public HttpClient Admin() => Client(Roles.Admin);

    public HttpClient Anonymous() => _factory.CreateClient();

    public PermitDbContext Db() => _postgres is null
        ? App.CreateDbContext(_factory.Services)
        : PermitDatabase.CreateContext(DatabaseProvider.Postgres, _postgres, _factory.Services.GetRequiredService<CitizenIdProtector>());

    /// <summary>Row counts of the desk's tables, to show that refused input wrote nothing.</summary>
    public async Task<(int Residents, int Registrations, int Applications)> CountsAsync()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var db = Db();
        return (await Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.CountAsync(db.Residents, ct),
            await Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.CountAsync(db.ResidenceRegistrations, ct),
            await Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.CountAsync(db.PermitApplications, ct));
    }

    public async ValueTask DisposeAsync()
    {
        await _factory.DisposeAsync();
        await App.DisposeAsync();
        if (_postgres is not null)
        {
            await PostgresTestDrop.DropDatabaseAsync(
                Environment.GetEnvironmentVariable(PostgresTestDatabase.ConnectionVariable)!,
                new NpgsqlConnectionStringBuilder(_postgres).Database!);
        }
    }

    private HttpClient Client(string role)
    {
        var client = _factory.CreateClient();
        client.DefaultRequestHeaders.Add(DeskAuthentication.RoleHeader, role);
        return client;
    }
}

/// <summary>Test data: valid ID numbers and ID card JSON as <c>permit-agent read-id --json</c> prints it.</summary>
public static class DeskData
{
    /// <summary>A valid ID number: the 17 digits given, then the MOD 11-2 check character.</summary>
    public static string IdNumber(string seventeen) => seventeen + Mod11Check.Compute(seventeen);

    /// <summary>The same number with another check character.</summary>
    public static string WrongCheck(string idNumber) => idNumber[..17] + (idNumber[17] == '0' ? '1' : '0');

    /// <summary>Born 1990-01-01, male (sequence 123).</summary>
    public static readonly string ZhangSan = IdNumber("33021119900101123");

    public static readonly string LiSi = IdNumber("41010219950612204");

    public static Dictionary<string, object?> IdCard(string idNumber, string name = "张三", string birthDate = "19900101", string sex = "1") => new()
    {
        ["name"] = name,
        ["sex"] = sex,
        ["ethnicGroup"] = "01",
        ["birthDate"] = birthDate,
        ["address"] = "浙江省宁波市镇海区骆驼街道中街1号",
        ["idNumber"] = idNumber,
        ["issuingAuthority"] = "宁波市公安局镇海分局",
        ["validFrom"] = "20200101",
        ["validTo"] = "20400101",
        ["cardType"] = "resident",
        ["photoFormat"] = "none",
    };

    public static async Task<JsonElement> JsonAsync(this HttpResponseMessage response)
    {
        ArgumentNullException.ThrowIfNull(response);
        return await response.Content.ReadFromJsonAsync<JsonElement>(TestContext.Current.CancellationToken);
    }

    public static Task<HttpResponseMessage> PostJsonAsync(this HttpClient client, string path, object body) =>
        client.PostAsJsonAsync(new Uri(path, UriKind.Relative), body, TestContext.Current.CancellationToken);

    public static Task<HttpResponseMessage> GetPathAsync(this HttpClient client, string path) =>
        client.GetAsync(new Uri(path, UriKind.Relative), TestContext.Current.CancellationToken);
}

/// <summary>Signs a request in with the role named in <see cref="RoleHeader"/>; no header, no identity (401).</summary>
public sealed class DeskAuthentication(IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger, UrlEncoder encoder)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string SchemeName = "DeskTest";
    public const string RoleHeader = "X-Test-Role";

    public static void Add(IServiceCollection services)
    {
        services.AddAuthentication().AddScheme<AuthenticationSchemeOptions, DeskAuthentication>(SchemeName, null);
        services.PostConfigure<AuthenticationOptions>(o =>
        {
            o.DefaultScheme = SchemeName;
            o.DefaultAuthenticateScheme = SchemeName;
            o.DefaultChallengeScheme = SchemeName;
            o.DefaultForbidScheme = SchemeName;
        });
        services.AddAuthorization(Policies.Configure);
    }

    protected override Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        if (!Request.Headers.TryGetValue(RoleHeader, out var role))
            return Task.FromResult(AuthenticateResult.NoResult());
        var identity = new ClaimsIdentity(
            [new(PermitClaims.Subject, $"officer-{role}"), new(PermitClaims.Name, $"Test {role}"), new(PermitClaims.Role, role.ToString())],
            SchemeName, PermitClaims.Name, PermitClaims.Role);
        return Task.FromResult(AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(identity), SchemeName)));
    }
}


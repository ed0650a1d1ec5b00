using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Permit.Api.Persistence;
using Permit.Api.Security.Accounts;
using Permit.Api.Security.Fields;
using Permit.Api.Security.Passwords;
using Permit.Api.Security.Tokens;
using Permit.Domain.Applications;
using Permit.Domain.Common;
using Permit.Domain.Credentials;
using Permit.Domain.Identity;
using Permit.Domain.Regions;
using Permit.Domain.Registrations;
using Permit.Domain.Residents;

namespace Permit.CardAgent.Tests.Support;

/// <summary>
/// The permit API for real on a loopback port (Kestrel, port 0), on its own temporary SQLite file, TEST issuer keys in
/// a temporary key directory and a fake clock (10:00 in Ningbo on 10 March 2026). permit-agent talks to it over HTTP
/// exactly as it talks to a deployed API. (Any public type of Permit.Api names the assembly to start.)
/// </summary>
public sealed class PermitApiServer : WebApplicationFactory<PermitDbContext>
{
    public static readonly DateTimeOffset Start = new(2026, 3, 10, 2, 0, 0, TimeSpan.Zero);
    private static readonly DateOnly ApprovedOn = new(2026, 3, 2);
    private readonly DirectoryInfo _directory = Directory.CreateTempSubdirectory("permit-agent-api-");
    private int _residents;

    public PermitApiServer()
    {
        UseKestrel(0);
        StartServer();
        var address = Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.First();
        Url = new Uri(address.Replace("[::]", "127.0.0.1", StringComparison.Ordinal).Replace("0.0.0.0", "127.0.0.1", StringComparison.Ordinal)) + "";
    }

    /// <summary>The API's root, e.g. <c>http://127.0.0.1:41234/</c>.</summary>
    public string Url { get; }

    public FakeTimeProvider Time { get; } = new(Start);

    /// <summary>The public key of the development trust root the API made in its key directory (TEST material), to pin.</summary>
    public string TrustRootFile => Services.GetRequiredService<Permit.Api.Keys.KeyDirectory>().PathOf(Permit.Api.Keys.Trust.TrustListSource.DevelopmentRootPublicFile);

    private string ConnectionString => $"Data Source={Path.Combine(_directory.FullName, "permit.db")}";

    /// <summary>A bearer token of a registrar (minted by the API's own token issuer, no password involved).</summary>
    public string OfficerToken(OfficerRole role = OfficerRole.Registrar)
    {
        // Tokens name an officer the register knows (its security stamp is checked on every use): saved once per role.
        using var db = NewContext();
        var userName = OfficerAccount.NormalizeUserName($"{role}-officer");
        var officer = db.Set<OfficerAccount>().SingleOrDefault(o => o.UserName == userName);
        if (officer is null)
        {
            officer = OfficerAccount.Create(userName, $"Test {role}", role, "not-a-real-hash", Time.GetUtcNow());
            db.Add(officer);
            db.SaveChanges();
        }

        return Services.GetRequiredService<TokenIssuer>().ForOfficer(officer).AccessToken;
    }

    /// <summary>An officer account that signs in with <paramref name="password"/> (TEST password).</summary>
    public async Task AddOfficerAsync(string userName, string password)
    {
        var hash = Services.GetRequiredService<PasswordHasher>().Hash(password);
        await using var db = NewContext();
        db.Add(OfficerAccount.Create(userName, "Test Registrar", OfficerRole.Registrar, hash, Time.GetUtcNow()));
        await db.SaveChangesAsync(TestContext.Current.CancellationToken);
    }

    /// <summary>
    /// A resident registered since August 2025 whose application was approved on 2 March 2026 (arranged in the database),
    /// and the permit issued for it through HTTP, as the officer's page does: the permit is "pending card".
    /// </summary>
    public async Task<string> IssuePendingPermitAsync()
    {
        var n = Interlocked.Increment(ref _residents);
        var applicationId = await ApprovedApplicationAsync(n);
        using var officer = Officer();
        using var response = await officer.PostAsJsonAsync("api/permits", new { applicationId }, TestContext.Current.CancellationToken);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>(TestContext.Current.CancellationToken);
        Assert.True(response.IsSuccessStatusCode, body.ToString());
        return body.GetProperty("permit").GetProperty("permitNumber").GetString()!;
    }

    /// <summary>GET /api/permits/{number} as an officer.</summary>
    public async Task<JsonElement> GetPermitAsync(string number)
    {
        using var officer = Officer();
        return await officer.GetFromJsonAsync<JsonElement>($"api/permits/{number}", TestContext.Current.CancellationToken);
    }

    /// <summary>The officer gives up on the chip bound to the permit's card 1 (as the desk page's button does).</summary>
    public async Task AbandonChipAsync(string number, int sequence = 1, string reason = "card pulled out before activation")
    {
        using var officer = Officer();
        using var response = await officer.PostAsJsonAsync($"api/permits/{number}/cards/{sequence}/personalization/abandon", new { reason }, TestContext.Current.CancellationToken);
        Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
    }

    public HttpClient Officer()
    {
        var client = CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", OfficerToken());
        return client;
    }

    public PermitDbContext NewContext() =>
        PermitDatabase.CreateContext(DatabaseProvider.Sqlite, ConnectionString, Services.GetRequiredService<CitizenIdProtector>());

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        builder.UseSetting("Database:Provider", nameof(DatabaseProvider.Sqlite));
        builder.UseSetting($"ConnectionStrings:{PersistenceSetup.ConnectionStringName}", ConnectionString);
        builder.UseSetting("Database:MigrateOnStartup", "true");
        builder.UseSetting("Seed:Demo", "false");
        builder.UseSetting("Jobs:SchedulerEnabled", "false");
        builder.UseSetting("Logging:File:Directory", "");
        // TEST KEYS ONLY: a fresh issuer key created in a temporary directory.
        builder.UseSetting("Keys:Directory", Path.Combine(_directory.FullName, "keys"));
        builder.UseSetting("Audit:CheckpointLog", Path.Combine(_directory.FullName, "audit-checkpoints.log"));
        builder.ConfigureServices(services => services.AddSingleton<TimeProvider>(Time));
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        SqliteConnection.ClearAllPools();
        _directory.Delete(recursive: true);
    }

    private async Task<Guid> ApprovedApplicationAsync(int n)
    {
        var seventeen = $"53010219900508{(2 * n) + 1:000}";
        var registeredOn = new DateOnly(2025, 8, 1);
        var resident = Resident.FromIdCard(new IdentityDetails(
            CitizenIdNumber.Parse(seventeen + PermitFormats.Mod112CheckCharacter(seventeen)), "李小龙", Sex.Male, EthnicGroup.Han,
            new DateOnly(1990, 5, 8), "云南省昆明市五华区护国路1号"));
        var registration = ResidenceRegistration.Declare(
            resident.Id, "浙江省宁波市镇海区骆驼街道民和路88号", CommunityCode.Parse("330211003001"), registeredOn, registeredOn,
            ResidenceBasis.Employment, "劳动合同 LC-1", "宁波镇海某公司");
        var application = PermitApplication.Submit(resident.Id, registration, DistrictExemption.None, ApprovedOn.AddDays(-1));
        application.AddDocument(DocumentKind.IdCard, "ID", ApprovedOn.AddDays(-1));
        application.AddDocument(DocumentKind.Photo, "PHOTO", ApprovedOn.AddDays(-1));
        application.AddDocument(DocumentKind.LabourContract, "LC-1", ApprovedOn.AddDays(-1));
        application.Accept(ApprovedOn.AddDays(-1));
        application.Approve(new Official("supervisor-1", OfficialRole.Supervisor), ApprovedOn);
        await using var db = NewContext();
        db.AddRange(resident, registration, application);
        await db.SaveChangesAsync(TestContext.Current.CancellationToken);
        return application.Id;
    }
}

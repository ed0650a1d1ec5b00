using System.Net.Http.Headers;
using Permit.Api.Security.Admin;
using Permit.Api.Security.Terminals;
using Permit.Api.Security.Tokens;
using Permit.Domain.Applications;
using Permit.Domain.Common;
using Permit.Domain.Identity;
using Permit.Domain.Regions;
using Permit.Domain.Registrations;
using Permit.Domain.Residents;

namespace Permit.Api.Tests.Security;

/// <summary>The columns of the authorization matrix: who calls.</summary>
public enum Caller
{
    Anonymous,
    Registrar,
    Supervisor,
    Admin,
    SchoolTerminal,
    ClinicTerminal,
    Migrant,
    AnotherMigrant,

    /// <summary>A supervisor of another district (鄞州区 330212): every door of <see cref="Supervisor"/>, none of his records.</summary>
    OtherDistrictSupervisor,
}

/// <summary>
/// One signed-in client per <see cref="Caller"/>, each with REAL credentials through the real handlers: the first admin
/// from the <c>officers add</c> CLI, the other officers and both terminals created by that admin over HTTP, and two
/// permit holders (different residents) whose permits the registrar issues over HTTP, who activate the receipt codes
/// and sign in over HTTP. No test sign-in scheme.
/// </summary>
public sealed class AuthorizationMatrixCallers : IDisposable
{
    public const string RegistrarUserName = "matrix.registrar";
    public const string MigrantUserName = "matrix.migrant";
    public const string HomeJurisdiction = "330211";
    public const string OtherJurisdiction = "330212";

    private readonly Dictionary<Caller, HttpClient> _clients = [];

    private AuthorizationMatrixCallers()
    {
    }

    public HttpClient this[Caller caller] => _clients[caller];

    /// <summary>The permit issued to <see cref="Caller.Migrant"/>.</summary>
    public string MigrantPermitNumber { get; private set; } = "";

    /// <summary>The permit issued to <see cref="Caller.AnotherMigrant"/>, a different resident.</summary>
    public string AnotherMigrantPermitNumber { get; private set; } = "";

    public static async Task<AuthorizationMatrixCallers> SignInAllAsync(PermitTestHost api, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(api);
        var callers = new AuthorizationMatrixCallers();
        try
        {
            callers._clients[Caller.Anonymous] = api.CreateClient();

            _ = api.Server; // start the host so the database exists before the CLI writes to it
            var cliOutput = new StringWriter();
            var exit = await OfficersCli.AddAsync(api.Services, "matrix.admin", "Matrix Admin", "Admin",
                new StringReader(PermitTestHost.Password), cliOutput, cancellationToken);
            Assert.True(exit == 0, cliOutput.ToString());
            var admin = await SignInOfficerAsync(api, "matrix.admin", cancellationToken);
            callers._clients[Caller.Admin] = admin;

            // The holders below live in Zhenhai (330211003001), the desk's jurisdiction; the other district's supervisor
            // passes the same doors as the desk's but holds Yinzhou.
            await CreateOfficerAsync(admin, RegistrarUserName, OfficerRole.Registrar, HomeJurisdiction, cancellationToken);
            await CreateOfficerAsync(admin, "matrix.supervisor", OfficerRole.Supervisor, HomeJurisdiction, cancellationToken);
            await CreateOfficerAsync(admin, "matrix.yinzhou", OfficerRole.Supervisor, OtherJurisdiction, cancellationToken);
            callers._clients[Caller.Registrar] = await SignInOfficerAsync(api, RegistrarUserName, cancellationToken);
            callers._clients[Caller.Supervisor] = await SignInOfficerAsync(api, "matrix.supervisor", cancellationToken);
            callers._clients[Caller.OtherDistrictSupervisor] = await SignInOfficerAsync(api, "matrix.yinzhou", cancellationToken);

            callers._clients[Caller.SchoolTerminal] = await CreateTerminalAsync(api, admin, "No. 3 Primary School", "Education", cancellationToken);
            callers._clients[Caller.ClinicTerminal] = await CreateTerminalAsync(api, admin, "Town Clinic", "Health", cancellationToken);

            var registrar = callers._clients[Caller.Registrar];
            (callers._clients[Caller.Migrant], callers.MigrantPermitNumber) =
                await SignInMigrantAsync(api, registrar, MigrantUserName, 300, cancellationToken);
            (callers._clients[Caller.AnotherMigrant], callers.AnotherMigrantPermitNumber) =
                await SignInMigrantAsync(api, registrar, "matrix.other.migrant", 301, cancellationToken);
            return callers;
        }
        catch
        {
            callers.Dispose();
            throw;
        }
    }

    public void Dispose()
    {
        foreach (var client in _clients.Values)
            client.Dispose();
    }

    private static async Task CreateOfficerAsync(
        HttpClient admin, string userName, OfficerRole role, string jurisdiction, CancellationToken cancellationToken)
    {
        using var created = await admin.PostAsJsonAsync("/api/admin/officers",
            new CreateOfficerRequest(userName, $"Officer {userName}", role, PermitTestHost.Password, jurisdiction), cancellationToken);
        created.EnsureSuccessStatusCode();
    }

    private static async Task<HttpClient> SignInOfficerAsync(PermitTestHost api, string userName, CancellationToken cancellationToken)
    {
        var client = api.CreateClient();
        using var response = await client.PostAsJsonAsync("/api/auth/token", new { userName, password = PermitTestHost.Password }, cancellationToken);
        return await WithBearerAsync(client, response, cancellationToken);
    }

    private static async Task<HttpClient> CreateTerminalAsync(
        PermitTestHost api, HttpClient admin, string name, string category, CancellationToken cancellationToken)
    {
        using var created = await admin.PostAsJsonAsync("/api/admin/terminals", new { name, categories = new[] { category } }, cancellationToken);
        created.EnsureSuccessStatusCode();
        var terminal = (await created.Content.ReadFromJsonAsync<TerminalCreated>(cancellationToken))!;
        var client = api.CreateClient();
        client.DefaultRequestHeaders.Add(ApiKey.HeaderName, terminal.ApiKey);
        return client;
    }

    /// <summary>
    /// A holder as the desk makes one: an approved application (arranged behind the API's back), the permit issued by the
    /// registrar over HTTP, whose answer carries the receipt's activation code; the holder activates and signs in.
    /// </summary>
    private static async Task<(HttpClient Client, string PermitNumber)> SignInMigrantAsync(
        PermitTestHost api, HttpClient registrar, string userName, int person, CancellationToken cancellationToken)
    {
        var applicationId = await ApprovedApplicationAsync(api, person, cancellationToken);
        IssuedView issued;
        using (var response = await registrar.PostAsJsonAsync("/api/permits", new { applicationId }, cancellationToken))
        {
            response.EnsureSuccessStatusCode();
            issued = (await response.Content.ReadFromJsonAsync<IssuedView>(cancellationToken))!;
        }

        var client = api.CreateClient();
        using (var activated = await client.PostAsJsonAsync("/api/self-service/activate",
            new { activationCode = issued.ActivationCode, userName, password = PermitTestHost.Password }, cancellationToken))
        {
            activated.EnsureSuccessStatusCode();
        }

        using var signedIn = await client.PostAsJsonAsync("/api/self-service/token", new { userName, password = PermitTestHost.Password }, cancellationToken);
        return (await WithBearerAsync(client, signedIn, cancellationToken), issued.Permit.PermitNumber);
    }

    /// <summary>Resident <paramref name="person"/>, registered for eight months, with an application approved yesterday.</summary>
    private static async Task<Guid> ApprovedApplicationAsync(PermitTestHost api, int person, CancellationToken cancellationToken)
    {
        var today = DateOnly.FromDateTime(api.Time.GetUtcNow().UtcDateTime);
        var registeredOn = today.AddMonths(-8);
        var approvedOn = today.AddDays(-1);
        var resident = Resident.FromIdCard(new IdentityDetails(
            CitizenIdNumber.Parse(PermitArrange.IdNumber(person)), "张伟", Sex.Male, EthnicGroup.Han, new DateOnly(1990, 1, 1),
            "北京市东城区东华门街道1号"));
        var registration = ResidenceRegistration.Declare(
            resident.Id, "浙江省宁波市镇海区骆驼街道中街1号", CommunityCode.Parse("330211003001"), registeredOn, registeredOn,
            ResidenceBasis.Employment, "劳动合同 LC-1", "宁波镇海某公司");
        var application = PermitApplication.Submit(resident.Id, registration, DistrictExemption.None, approvedOn.AddDays(-1));
        application.AddDocument(DocumentKind.IdCard, "ID", approvedOn.AddDays(-1));
        application.AddDocument(DocumentKind.Photo, "PHOTO", approvedOn.AddDays(-1));
        application.AddDocument(DocumentKind.LabourContract, "LC-1", approvedOn.AddDays(-1));
        application.Accept(approvedOn.AddDays(-1));
        application.Approve(new Official("matrix.supervisor", OfficialRole.Supervisor), approvedOn);
        // The host's own context, so the ID number is protected with the host's keys.
        await using var scope = api.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PermitDbContext>();
        db.AddRange(resident, registration, application);
        await db.SaveChangesAsync(cancellationToken);
        return application.Id;
    }

    private static async Task<HttpClient> WithBearerAsync(HttpClient client, HttpResponseMessage response, CancellationToken cancellationToken)
    {
        response.EnsureSuccessStatusCode();
        var token = (await response.Content.ReadFromJsonAsync<IssuedToken>(cancellationToken))!;
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token.AccessToken);
        return client;
    }
}

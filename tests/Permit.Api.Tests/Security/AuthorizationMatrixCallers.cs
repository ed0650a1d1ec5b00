using System.Net.Http.Headers;
using System.Net.Http.Json;
using Permit.Api.Security.Accounts;
using Permit.Api.Security.Admin;
using Permit.Api.Security.Terminals;
using Permit.Api.Security.Tokens;

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
}

/// <summary>
/// One signed-in client per <see cref="Caller"/>, each with REAL credentials through the real handlers: the first admin
/// from the <c>officers add</c> CLI, the other officers and both terminals created by that admin over HTTP, and two
/// migrants (different residents) who activate their receipt codes and sign in over HTTP. No test sign-in scheme.
/// </summary>
public sealed class AuthorizationMatrixCallers : IDisposable
{
    public const string RegistrarUserName = "matrix.registrar";
    public const string MigrantUserName = "matrix.migrant";

    private readonly Dictionary<Caller, HttpClient> _clients = [];

    private AuthorizationMatrixCallers()
    {
    }

    public HttpClient this[Caller caller] => _clients[caller];

    public static async Task<AuthorizationMatrixCallers> SignInAllAsync(SecuredApi api, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(api);
        var callers = new AuthorizationMatrixCallers();
        try
        {
            callers._clients[Caller.Anonymous] = api.CreateClient();

            _ = api.Factory.Server; // start the host so the database exists before the CLI writes to it
            var cliOutput = new StringWriter();
            var exit = await OfficersCli.AddAsync(api.Factory.Services, "matrix.admin", "Matrix Admin", "Admin",
                new StringReader(SecuredApi.Password), cliOutput, cancellationToken);
            Assert.True(exit == 0, cliOutput.ToString());
            var admin = await SignInOfficerAsync(api, "matrix.admin", cancellationToken);
            callers._clients[Caller.Admin] = admin;

            await CreateOfficerAsync(admin, RegistrarUserName, OfficerRole.Registrar, cancellationToken);
            await CreateOfficerAsync(admin, "matrix.supervisor", OfficerRole.Supervisor, cancellationToken);
            callers._clients[Caller.Registrar] = await SignInOfficerAsync(api, RegistrarUserName, cancellationToken);
            callers._clients[Caller.Supervisor] = await SignInOfficerAsync(api, "matrix.supervisor", cancellationToken);

            callers._clients[Caller.SchoolTerminal] = await CreateTerminalAsync(api, admin, "No. 3 Primary School", "Education", cancellationToken);
            callers._clients[Caller.ClinicTerminal] = await CreateTerminalAsync(api, admin, "Town Clinic", "Health", cancellationToken);

            callers._clients[Caller.Migrant] = await SignInMigrantAsync(api, MigrantUserName, cancellationToken);
            callers._clients[Caller.AnotherMigrant] = await SignInMigrantAsync(api, "matrix.other.migrant", cancellationToken);
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

    private static async Task CreateOfficerAsync(HttpClient admin, string userName, OfficerRole role, CancellationToken cancellationToken)
    {
        using var created = await admin.PostAsJsonAsync("/api/admin/officers",
            new CreateOfficerRequest(userName, $"Officer {userName}", role, SecuredApi.Password), cancellationToken);
        created.EnsureSuccessStatusCode();
    }

    private static async Task<HttpClient> SignInOfficerAsync(SecuredApi api, string userName, CancellationToken cancellationToken)
    {
        var client = api.CreateClient();
        using var response = await client.PostAsJsonAsync("/api/auth/token", new { userName, password = SecuredApi.Password }, cancellationToken);
        return await WithBearerAsync(client, response, cancellationToken);
    }

    private static async Task<HttpClient> CreateTerminalAsync(
        SecuredApi api, HttpClient admin, string name, string category, CancellationToken cancellationToken)
    {
        using var created = await admin.PostAsJsonAsync("/api/admin/terminals", new { name, categories = new[] { category } }, cancellationToken);
        created.EnsureSuccessStatusCode();
        var terminal = (await created.Content.ReadFromJsonAsync<TerminalCreated>(cancellationToken))!;
        var client = api.CreateClient();
        client.DefaultRequestHeaders.Add(ApiKey.HeaderName, terminal.ApiKey);
        return client;
    }

    /// <summary>A resident's account opened as issuance opens it, then activated and signed in over HTTP.</summary>
    private static async Task<HttpClient> SignInMigrantAsync(SecuredApi api, string userName, CancellationToken cancellationToken)
    {
        string code;
        await using (var db = api.CreateDbContext())
        {
            code = await MigrantAccounts.IssueActivationCodeAsync(db, Guid.CreateVersion7(), api.Time.GetUtcNow(), cancellationToken);
            await db.SaveChangesAsync(cancellationToken);
        }

        var client = api.CreateClient();
        using (var activated = await client.PostAsJsonAsync("/api/self-service/activate",
            new { activationCode = code, userName, password = SecuredApi.Password }, cancellationToken))
        {
            activated.EnsureSuccessStatusCode();
        }

        using var response = await client.PostAsJsonAsync("/api/self-service/token", new { userName, password = SecuredApi.Password }, cancellationToken);
        return await WithBearerAsync(client, response, cancellationToken);
    }

    private static async Task<HttpClient> WithBearerAsync(HttpClient client, HttpResponseMessage response, CancellationToken cancellationToken)
    {
        response.EnsureSuccessStatusCode();
        var token = (await response.Content.ReadFromJsonAsync<IssuedToken>(cancellationToken))!;
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token.AccessToken);
        return client;
    }
}

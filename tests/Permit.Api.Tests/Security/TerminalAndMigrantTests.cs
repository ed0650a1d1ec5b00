using System.Net.Http.Headers;
using Permit.Api.Security.Admin;
using Permit.Api.Security.SignIn;
using Permit.Api.Security.Terminals;
using Permit.Api.Security.Tokens;

namespace Permit.Api.Tests.Security;

public sealed class TerminalAndMigrantTests
{
    private static readonly string[] Education = ["Education"];
    private static readonly string[] Health = ["Health"];

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task An_admin_registers_a_school_terminal_whose_key_is_shown_once_and_stored_only_as_a_hash()
    {
        await using var api = new PermitTestHost(new TestHostOptions { Clock = DateTimeOffset.UtcNow });
        using var admin = await api.SignedInClientAsync("root", OfficerRole.Admin);

        using var created = await admin.PostAsJsonAsync("/api/admin/terminals",
            new { name = "No. 3 Primary School", categories = Education }, Ct);

        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var terminal = (await created.Content.ReadFromJsonAsync<TerminalCreated>(Ct))!;
        Assert.Matches("^pvk_[0-9a-f]{16}_[A-Za-z0-9_-]{43}$", terminal.ApiKey);
        await using var db = api.NewContext();
        var stored = await db.Set<VerifierTerminal>().SingleAsync(Ct);
        Assert.NotEqual(terminal.ApiKey, stored.ApiKeyHash);
        Assert.DoesNotContain(terminal.ApiKey[21..], stored.ApiKeyHash + stored.ApiKeyPrefix, StringComparison.Ordinal);

        using var terminalClient = TerminalClient(api, terminal.ApiKey);
        var me = await terminalClient.GetFromJsonAsync<SignedInUser>("/api/terminals/me", Ct);
        Assert.Equal(terminal.Id.ToString(), me!.Id);
        Assert.Equal(["Education"], me.ServiceCategories);
    }

    [Fact]
    public async Task A_wrong_or_malformed_api_key_is_refused_with_401()
    {
        await using var api = new PermitTestHost(new TestHostOptions { Clock = DateTimeOffset.UtcNow });
        var key = (await RegisterClinicAsync(api)).ApiKey;

        foreach (var presented in new[] { key[..^1] + (key[^1] == 'A' ? 'B' : 'A'), "not-a-key" })
        {
            using var client = TerminalClient(api, presented);
            using var response = await client.GetAsync(new Uri("/api/terminals/me", UriKind.Relative), Ct);
            Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        }
    }

    [Fact]
    public async Task A_terminal_revoked_in_the_register_is_refused_once_the_remembered_sign_in_expires()
    {
        await using var api = new PermitTestHost(new TestHostOptions { Clock = DateTimeOffset.UtcNow });
        using var client = TerminalClient(api, (await RegisterClinicAsync(api)).ApiKey);
        using (var first = await client.GetAsync(new Uri("/api/terminals/me", UriKind.Relative), Ct))
            Assert.Equal(HttpStatusCode.OK, first.StatusCode);

        await RevokeInRegisterAsync(api);

        api.Time.Advance(TerminalKeyCache.TimeToLive);
        using var afterwards = await client.GetAsync(new Uri("/api/terminals/me", UriKind.Relative), Ct);

        Assert.Equal(HttpStatusCode.Unauthorized, afterwards.StatusCode);
    }

    [Fact]
    public async Task A_terminal_forgotten_on_revocation_is_refused_at_once()
    {
        await using var api = new PermitTestHost(new TestHostOptions { Clock = DateTimeOffset.UtcNow });
        var answer = await RegisterClinicAsync(api);
        using var client = TerminalClient(api, answer.ApiKey);
        using (var first = await client.GetAsync(new Uri("/api/terminals/me", UriKind.Relative), Ct))
            Assert.Equal(HttpStatusCode.OK, first.StatusCode);

        await RevokeInRegisterAsync(api);

        api.Services.GetRequiredService<TerminalKeyCache>().Forget(answer.Id);
        using var afterwards = await client.GetAsync(new Uri("/api/terminals/me", UriKind.Relative), Ct);

        Assert.Equal(HttpStatusCode.Unauthorized, afterwards.StatusCode);
    }

    [Fact]
    public async Task A_terminal_key_does_not_open_officer_endpoints()
    {
        await using var api = new PermitTestHost(new TestHostOptions { Clock = DateTimeOffset.UtcNow });
        using var client = TerminalClient(api, (await RegisterClinicAsync(api)).ApiKey);

        using var response = await client.GetAsync(new Uri("/api/officers/me", UriKind.Relative), Ct);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    [Fact]
    public async Task A_migrant_activates_once_with_the_receipt_code_then_signs_in_and_sees_only_their_resident_id()
    {
        await using var api = new PermitTestHost(new TestHostOptions { Clock = DateTimeOffset.UtcNow });
        _ = api.Server;
        var residentId = Guid.CreateVersion7();
        string code;
        await using (var db = api.NewContext())
        {
            code = await MigrantAccounts.IssueActivationCodeAsync(db, residentId, api.Time.GetUtcNow(), Ct);
            await db.SaveChangesAsync(Ct);
        }

        using var client = api.CreateClient();
        using var activated = await client.PostAsJsonAsync("/api/self-service/activate",
            new { activationCode = code.ToLowerInvariant(), userName = "zhang.wei", password = PermitTestHost.Password }, Ct);
        using var again = await client.PostAsJsonAsync("/api/self-service/activate",
            new { activationCode = code, userName = "someone.else", password = PermitTestHost.Password }, Ct);
        using var signIn = await client.PostAsJsonAsync("/api/self-service/token",
            new { userName = "zhang.wei", password = PermitTestHost.Password }, Ct);

        Assert.Equal(HttpStatusCode.NoContent, activated.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, again.StatusCode);
        Assert.Equal(HttpStatusCode.OK, signIn.StatusCode);
        var token = (await signIn.Content.ReadFromJsonAsync<IssuedToken>(Ct))!;
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token.AccessToken);
        var me = await client.GetFromJsonAsync<SignedInUser>("/api/self-service/me", Ct);
        Assert.Equal(residentId.ToString(), me!.ResidentId);
        using var officerEndpoint = await client.GetAsync(new Uri("/api/officers/me", UriKind.Relative), Ct);
        Assert.Equal(HttpStatusCode.Forbidden, officerEndpoint.StatusCode);
    }

    [Fact]
    public async Task An_expired_activation_code_is_refused()
    {
        await using var api = new PermitTestHost(new TestHostOptions { Clock = DateTimeOffset.UtcNow });
        _ = api.Server;
        string code;
        await using (var db = api.NewContext())
        {
            code = await MigrantAccounts.IssueActivationCodeAsync(db, Guid.CreateVersion7(), api.Time.GetUtcNow(), Ct);
            await db.SaveChangesAsync(Ct);
        }

        api.Time.Advance(MigrantAccounts.ActivationValidFor);
        using var client = api.CreateClient();
        using var response = await client.PostAsJsonAsync("/api/self-service/activate",
            new { activationCode = code, userName = "zhang.wei", password = PermitTestHost.Password }, Ct);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    /// <summary>The admin registers the Town Clinic's terminal through the API; its answer, with the key shown once.</summary>
    private static async Task<TerminalCreated> RegisterClinicAsync(PermitTestHost api)
    {
        using var admin = await api.SignedInClientAsync("root", OfficerRole.Admin);
        using var created = await admin.PostAsJsonAsync("/api/admin/terminals", new { name = "Town Clinic", categories = Health }, Ct);
        return (await created.Content.ReadFromJsonAsync<TerminalCreated>(Ct))!;
    }

    /// <summary>A client presenting <paramref name="apiKey"/>, as a counter's page does.</summary>
    private static HttpClient TerminalClient(PermitTestHost api, string apiKey)
    {
        var client = api.CreateClient();
        client.DefaultRequestHeaders.Add("X-Api-Key", apiKey);
        return client;
    }

    /// <summary>Revokes the one terminal in the register, behind the API's back (its key cache still remembers it).</summary>
    private static async Task RevokeInRegisterAsync(PermitTestHost api)
    {
        await using var db = api.NewContext();
        var terminal = await db.Set<VerifierTerminal>().SingleAsync(Ct);
        terminal.Revoke(api.Time.GetUtcNow());
        await db.SaveChangesAsync(Ct);
    }
}

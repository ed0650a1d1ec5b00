using Permit.Api.Infrastructure.Problems;
using System.Net.Http.Headers;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Testing;
using Permit.Api.Infrastructure.Tasks;
using Permit.Api.Security;
using Permit.Api.Security.Admin;
using Permit.Api.Security.Tokens;

namespace Permit.Api.Tests.Security.Sessions;

/// <summary>Revoking a terminal key, disabling an officer, resetting a password and changing a role end what they should, at once.</summary>
public sealed class RevocationTests
{
    private static readonly string[] Health = ["Health"];

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_token_from_before_a_password_reset_is_refused()
    {
        await using var api = new PermitTestHost(new TestHostOptions { Clock = DateTimeOffset.UtcNow });
        using var admin = await api.SignedInClientAsync("root", OfficerRole.Admin);
        var officer = await api.AddOfficerAsync("wang.fang", OfficerRole.Registrar);
        using var stolen = await TokenClientAsync(api, "wang.fang", PermitTestHost.Password);

        using var reset = await admin.PostAsJsonAsync($"/api/admin/officers/{officer.Id}/password", new { password = "a brand new passphrase" }, Ct);
        using var afterwards = await stolen.GetAsync(new Uri("/api/officers/me", UriKind.Relative), Ct);
        using var oldPassword = await api.CreateClient().PostAsJsonAsync("/api/auth/token", new { userName = "wang.fang", password = PermitTestHost.Password }, Ct);
        using var newPassword = await api.CreateClient().PostAsJsonAsync("/api/auth/token", new { userName = "wang.fang", password = "a brand new passphrase" }, Ct);

        Assert.Equal(HttpStatusCode.NoContent, reset.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, afterwards.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, oldPassword.StatusCode);
        Assert.Equal(HttpStatusCode.OK, newPassword.StatusCode);
    }

    [Fact]
    public async Task A_cookie_from_before_a_password_reset_is_refused()
    {
        await using var api = new PermitTestHost(new TestHostOptions { Clock = DateTimeOffset.UtcNow });
        using var admin = await api.SignedInClientAsync("root", OfficerRole.Admin);
        var officer = await api.AddOfficerAsync("wang.fang", OfficerRole.Registrar);
        using var browser = api.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        await PageSignIn.SignInAsync(browser, "wang.fang", PermitTestHost.Password, Ct);
        using (var before = await browser.GetAsync(new Uri("/api/officers/me", UriKind.Relative), Ct))
            Assert.Equal(HttpStatusCode.OK, before.StatusCode);

        using var reset = await admin.PostAsJsonAsync($"/api/admin/officers/{officer.Id}/password", new { password = "a brand new passphrase" }, Ct);
        using var afterwards = await browser.GetAsync(new Uri("/api/officers/me", UriKind.Relative), Ct);
        using var page = await browser.GetAsync(new Uri("/desk", UriKind.Relative), Ct);

        Assert.Equal(HttpStatusCode.NoContent, reset.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, afterwards.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, page.StatusCode);
        Assert.StartsWith("/signin", page.Headers.Location!.OriginalString, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_disabled_officer_is_signed_out_everywhere_and_cannot_sign_in_until_enabled_again()
    {
        await using var api = new PermitTestHost(new TestHostOptions { Clock = DateTimeOffset.UtcNow });
        using var admin = await api.SignedInClientAsync("root", OfficerRole.Admin);
        var officer = await api.AddOfficerAsync("wang.fang", OfficerRole.Registrar);
        using var session = await TokenClientAsync(api, "wang.fang", PermitTestHost.Password);

        using var disable = await admin.PostAsync(new Uri($"/api/admin/officers/{officer.Id}/disable", UriKind.Relative), null, Ct);
        using var withOldToken = await session.GetAsync(new Uri("/api/officers/me", UriKind.Relative), Ct);
        using var signInWhileDisabled = await api.CreateClient().PostAsJsonAsync("/api/auth/token", new { userName = "wang.fang", password = PermitTestHost.Password }, Ct);
        using var enable = await admin.PostAsync(new Uri($"/api/admin/officers/{officer.Id}/enable", UriKind.Relative), null, Ct);
        using var signInAgain = await api.CreateClient().PostAsJsonAsync("/api/auth/token", new { userName = "wang.fang", password = PermitTestHost.Password }, Ct);

        Assert.Equal(HttpStatusCode.NoContent, disable.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, withOldToken.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, signInWhileDisabled.StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, enable.StatusCode);
        Assert.Equal(HttpStatusCode.OK, signInAgain.StatusCode);
    }

    [Fact]
    public async Task A_demoted_admin_loses_admin_endpoints_at_once_not_when_the_token_expires()
    {
        await using var api = new PermitTestHost(new TestHostOptions { Clock = DateTimeOffset.UtcNow });
        using var root = await api.SignedInClientAsync("root", OfficerRole.Admin);
        using var second = await api.SignedInClientAsync("li.na", OfficerRole.Admin);
        var liNa = await OfficerAsync(api, "li.na");

        using var change = await root.PutAsJsonAsync($"/api/admin/officers/{liNa.Id}/role", new { role = "Registrar" }, Ct);
        using var withOldToken = await second.GetAsync(new Uri("/api/audit/verify", UriKind.Relative), Ct);
        using var fresh = await TokenClientAsync(api, "li.na", PermitTestHost.Password);
        using var withNewToken = await fresh.GetAsync(new Uri("/api/audit/verify", UriKind.Relative), Ct);

        Assert.Equal(HttpStatusCode.NoContent, change.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, withOldToken.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, withNewToken.StatusCode);
        Assert.Equal(OfficerRole.Registrar, (await OfficerAsync(api, "li.na")).Role);
    }

    [Fact]
    public async Task The_last_active_admin_cannot_be_disabled_or_demoted()
    {
        await using var api = new PermitTestHost(new TestHostOptions { Clock = DateTimeOffset.UtcNow });
        using var root = await api.SignedInClientAsync("root", OfficerRole.Admin);
        var self = await OfficerAsync(api, "root");

        using var disable = await root.PostAsync(new Uri($"/api/admin/officers/{self.Id}/disable", UriKind.Relative), null, Ct);
        using var demote = await root.PutAsJsonAsync($"/api/admin/officers/{self.Id}/role", new { role = "Supervisor" }, Ct);

        Assert.Equal(HttpStatusCode.Conflict, disable.StatusCode);
        Assert.Equal(ProblemCatalogue.TypeOf("last-admin"), (await disable.Content.ReadFromJsonAsync<ProblemDetails>(Ct))!.Type);
        Assert.Equal(HttpStatusCode.Conflict, demote.StatusCode);
        Assert.True((await OfficerAsync(api, "root")).IsActive);
    }

    [Fact]
    public async Task A_registrar_cannot_revoke_terminals_or_disable_officers()
    {
        await using var api = new PermitTestHost(new TestHostOptions { Clock = DateTimeOffset.UtcNow });
        using var registrar = await api.SignedInClientAsync("wang.fang", OfficerRole.Registrar);
        var self = await OfficerAsync(api, "wang.fang");

        using var disable = await registrar.PostAsync(new Uri($"/api/admin/officers/{self.Id}/disable", UriKind.Relative), null, Ct);
        using var promote = await registrar.PutAsJsonAsync($"/api/admin/officers/{self.Id}/role", new { role = "Admin" }, Ct);
        using var revoke = await registrar.PostAsync(new Uri($"/api/admin/terminals/{Guid.NewGuid()}/revocation", UriKind.Relative), null, Ct);

        Assert.Equal(HttpStatusCode.Forbidden, disable.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, promote.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, revoke.StatusCode);
    }

    [Fact]
    public async Task A_revoked_terminal_key_is_refused_at_once_by_the_node_that_revoked_it()
    {
        await using var api = new PermitTestHost(new TestHostOptions { Clock = DateTimeOffset.UtcNow });
        using var admin = await api.SignedInClientAsync("root", OfficerRole.Admin);
        using var created = await admin.PostAsJsonAsync("/api/admin/terminals", new { name = "Town Clinic", categories = Health }, Ct);
        var terminal = (await created.Content.ReadFromJsonAsync<TerminalCreated>(Ct))!;
        using var counter = api.CreateClient();
        counter.DefaultRequestHeaders.Add("X-Api-Key", terminal.ApiKey);
        using (var first = await counter.GetAsync(new Uri("/api/terminals/me", UriKind.Relative), Ct))
            Assert.Equal(HttpStatusCode.OK, first.StatusCode);

        using var revoke = await admin.PostAsync(new Uri($"/api/admin/terminals/{terminal.Id}/revocation", UriKind.Relative), null, Ct);
        using var afterwards = await counter.GetAsync(new Uri("/api/terminals/me", UriKind.Relative), Ct);
        using var unknown = await admin.PostAsync(new Uri($"/api/admin/terminals/{Guid.NewGuid()}/revocation", UriKind.Relative), null, Ct);

        Assert.Equal(HttpStatusCode.NoContent, revoke.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, afterwards.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
    }

    [Fact]
    public async Task A_disable_made_on_another_node_is_honoured_here_within_five_seconds()
    {
        await using var api = new PermitTestHost(new TestHostOptions { Clock = DateTimeOffset.UtcNow });
        await api.AddOfficerAsync("wang.fang", OfficerRole.Registrar);
        using var session = await TokenClientAsync(api, "wang.fang", PermitTestHost.Password);
        using (var first = await session.GetAsync(new Uri("/api/officers/me", UriKind.Relative), Ct))
            Assert.Equal(HttpStatusCode.OK, first.StatusCode);

        // Another node's disable: the database changes, this node's memory does not hear of it.
        await using (var db = api.NewContext())
        {
            var officer = await db.Set<OfficerAccount>().SingleAsync(o => o.UserName == "wang.fang", Ct);
            officer.Disable(api.Time.GetUtcNow());
            await db.SaveChangesAsync(Ct);
        }

        api.Time.Advance(TimeSpan.FromSeconds(5));
        using var afterwards = await session.GetAsync(new Uri("/api/officers/me", UriKind.Relative), Ct);

        Assert.Equal(HttpStatusCode.Unauthorized, afterwards.StatusCode);
    }

    [Fact]
    public async Task Every_revocation_step_is_in_the_audit_trail_with_who_did_it()
    {
        await using var api = new PermitTestHost(new TestHostOptions { Clock = DateTimeOffset.UtcNow });
        using var admin = await api.SignedInClientAsync("root", OfficerRole.Admin);
        var officer = await api.AddOfficerAsync("wang.fang", OfficerRole.Registrar);
        using var created = await admin.PostAsJsonAsync("/api/admin/terminals", new { name = "Town Clinic", categories = Health }, Ct);
        var terminal = (await created.Content.ReadFromJsonAsync<TerminalCreated>(Ct))!;

        (await admin.PostAsync(new Uri($"/api/admin/officers/{officer.Id}/disable", UriKind.Relative), null, Ct)).Dispose();
        (await admin.PostAsync(new Uri($"/api/admin/officers/{officer.Id}/enable", UriKind.Relative), null, Ct)).Dispose();
        (await admin.PostAsJsonAsync($"/api/admin/officers/{officer.Id}/password", new { password = "a brand new passphrase" }, Ct)).Dispose();
        (await admin.PutAsJsonAsync($"/api/admin/officers/{officer.Id}/role", new { role = "Supervisor" }, Ct)).Dispose();
        (await admin.PostAsync(new Uri($"/api/admin/terminals/{terminal.Id}/revocation", UriKind.Relative), null, Ct)).Dispose();

        await using var db = api.NewContext();
        var entries = await db.Set<AuditEntry>().AsNoTracking().Where(e => e.Action.StartsWith("officer.") || e.Action.StartsWith("terminal."))
            .OrderBy(e => e.Sequence).ToListAsync(Ct);
        Assert.Equal(
            ["officer.disable", "officer.enable", "officer.password-reset", "officer.role-change", "terminal.revoke"],
            entries.Select(e => e.Action).Where(a => a is not ("officer.create" or "terminal.create")));
        Assert.All(entries.Where(e => e.Action != "officer.create"), e => Assert.Equal("admin", e.ActorRole));
        var verification = await admin.GetFromJsonAsync<AuditVerification>("/api/audit/verify", Ct);
        Assert.Null(verification!.FirstBroken);
    }

    [Fact]
    public async Task Officers_are_disabled_enabled_reset_and_given_a_role_from_the_command_line_and_it_is_audited()
    {
        await using var api = new PermitTestHost(new TestHostOptions { Clock = DateTimeOffset.UtcNow });
        await api.AddOfficerAsync("root", OfficerRole.Admin);
        await api.AddOfficerAsync("wang.fang", OfficerRole.Registrar);
        using var session = await TokenClientAsync(api, "wang.fang", PermitTestHost.Password);
        using var output = new StringWriter();

        var disabled = await ApiCommandLine.RunAsync(api.Services, ["officers", "disable", "Wang.Fang"], TextReader.Null, output, Ct);
        using var afterDisable = await session.GetAsync(new Uri("/api/officers/me", UriKind.Relative), Ct);
        var enabled = await ApiCommandLine.RunAsync(api.Services, ["officers", "enable", "wang.fang"], TextReader.Null, output, Ct);
        var reset = await ApiCommandLine.RunAsync(api.Services, ["officers", "reset-password", "wang.fang"],
            new StringReader("a brand new passphrase\n"), output, Ct);
        var role = await ApiCommandLine.RunAsync(api.Services, ["officers", "set-role", "wang.fang", "supervisor"], TextReader.Null, output, Ct);
        var badRole = await ApiCommandLine.RunAsync(api.Services, ["officers", "set-role", "wang.fang", "2"], TextReader.Null, output, Ct);
        var unknown = await ApiCommandLine.RunAsync(api.Services, ["officers", "disable", "nobody"], TextReader.Null, output, Ct);
        var lastAdmin = await ApiCommandLine.RunAsync(api.Services, ["officers", "disable", "root"], TextReader.Null, output, Ct);
        using var signIn = await api.CreateClient().PostAsJsonAsync("/api/auth/token", new { userName = "wang.fang", password = "a brand new passphrase" }, Ct);

        Assert.Equal((0, 0, 0, 0, 2, 1, 3), (disabled, enabled, reset, role, badRole, unknown, lastAdmin));
        Assert.Equal(HttpStatusCode.Unauthorized, afterDisable.StatusCode);
        Assert.Equal(HttpStatusCode.OK, signIn.StatusCode);
        Assert.Equal(OfficerRole.Supervisor, (await OfficerAsync(api, "wang.fang")).Role);
        await using var db = api.NewContext();
        var cli = await db.Set<AuditEntry>().AsNoTracking().Where(e => e.Terminal == "cli").Select(e => e.Action).ToListAsync(Ct);
        Assert.Equal(["officer.disable", "officer.enable", "officer.password-reset", "officer.role-change"], cli.Order());
    }

    [Fact]
    public async Task A_terminal_is_revoked_from_the_command_line()
    {
        await using var api = new PermitTestHost(new TestHostOptions { Clock = DateTimeOffset.UtcNow });
        using var admin = await api.SignedInClientAsync("root", OfficerRole.Admin);
        using var created = await admin.PostAsJsonAsync("/api/admin/terminals", new { name = "Town Clinic", categories = Health }, Ct);
        var terminal = (await created.Content.ReadFromJsonAsync<TerminalCreated>(Ct))!;
        using var counter = api.CreateClient();
        counter.DefaultRequestHeaders.Add("X-Api-Key", terminal.ApiKey);
        (await counter.GetAsync(new Uri("/api/terminals/me", UriKind.Relative), Ct)).Dispose();
        using var output = new StringWriter();

        var exit = await ApiCommandLine.RunAsync(api.Services, ["terminals", "revoke", terminal.Id.ToString()], TextReader.Null, output, Ct);
        using var afterwards = await counter.GetAsync(new Uri("/api/terminals/me", UriKind.Relative), Ct);

        Assert.Equal(0, exit);
        Assert.Equal(HttpStatusCode.Unauthorized, afterwards.StatusCode);
    }

    internal static async Task<HttpClient> TokenClientAsync(PermitTestHost api, string userName, string password)
    {
        var client = api.CreateClient();
        using var response = await client.PostAsJsonAsync("/api/auth/token", new { userName, password }, Ct);
        response.EnsureSuccessStatusCode();
        var token = (await response.Content.ReadFromJsonAsync<IssuedToken>(Ct))!;
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token.AccessToken);
        return client;
    }

    private static async Task<OfficerAccount> OfficerAsync(PermitTestHost api, string userName)
    {
        await using var db = api.NewContext();
        return await db.Set<OfficerAccount>().AsNoTracking().SingleAsync(o => o.UserName == userName, Ct);
    }
}

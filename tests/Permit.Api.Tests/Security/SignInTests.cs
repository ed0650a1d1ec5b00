using Permit.Api.Infrastructure.Problems;
using System.Net.Http.Headers;
using Microsoft.AspNetCore.Mvc;
using Permit.Api.Security;
using Permit.Api.Security.SignIn;
using Permit.Api.Security.Tokens;

namespace Permit.Api.Tests.Security;

public sealed class SignInTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task The_right_password_gives_a_fifteen_minute_token_that_opens_a_registrar_endpoint()
    {
        await using var api = new PermitTestHost(new TestHostOptions { Clock = DateTimeOffset.UtcNow });
        var officer = await api.AddOfficerAsync("wang.fang", OfficerRole.Registrar);
        using var client = api.CreateClient();

        using var response = await client.PostAsJsonAsync("/api/auth/token", new { userName = "Wang.Fang", password = PermitTestHost.Password }, Ct);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var token = (await response.Content.ReadFromJsonAsync<IssuedToken>(Ct))!;
        Assert.Equal(api.Time.GetUtcNow().AddMinutes(15), token.ExpiresAt, TimeSpan.FromSeconds(1));
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token.AccessToken);
        var me = await client.GetFromJsonAsync<SignedInUser>("/api/officers/me", Ct);
        Assert.Equal(officer.Id.ToString(), me!.Id);
        Assert.Equal(["registrar"], me.Roles);
    }

    [Fact]
    public async Task A_wrong_password_and_an_unknown_user_get_the_same_401_problem()
    {
        await using var api = new PermitTestHost(new TestHostOptions { Clock = DateTimeOffset.UtcNow });
        await api.AddOfficerAsync("wang.fang", OfficerRole.Registrar);
        using var client = api.CreateClient();

        using var wrongPassword = await client.PostAsJsonAsync("/api/auth/token", new { userName = "wang.fang", password = "not the password" }, Ct);
        using var unknownUser = await client.PostAsJsonAsync("/api/auth/token", new { userName = "nobody", password = PermitTestHost.Password }, Ct);

        Assert.Equal(HttpStatusCode.Unauthorized, wrongPassword.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, unknownUser.StatusCode);
        var first = await wrongPassword.Content.ReadFromJsonAsync<ProblemDetails>(Ct);
        var second = await unknownUser.Content.ReadFromJsonAsync<ProblemDetails>(Ct);
        Assert.Equal(ProblemCatalogue.TypeOf("invalid-credentials"), first!.Type);
        Assert.Equal((first.Type, first.Title, first.Status), (second!.Type, second.Title, second.Status));
    }

    [Fact]
    public async Task Five_wrong_passwords_lock_the_account_for_fifteen_minutes_even_against_the_right_one()
    {
        await using var api = new PermitTestHost(new TestHostOptions { Clock = DateTimeOffset.UtcNow });
        await api.AddOfficerAsync("wang.fang", OfficerRole.Registrar);
        using var client = api.CreateClient();

        for (var i = 0; i < 5; i++)
        {
            using var wrong = await client.PostAsJsonAsync("/api/auth/token", new { userName = "wang.fang", password = $"guess {i}" }, Ct);
            Assert.Equal(HttpStatusCode.Unauthorized, wrong.StatusCode);
        }

        using var whileLocked = await client.PostAsJsonAsync("/api/auth/token", new { userName = "wang.fang", password = PermitTestHost.Password }, Ct);
        api.Time.Advance(TimeSpan.FromMinutes(15));
        using var afterwards = await client.PostAsJsonAsync("/api/auth/token", new { userName = "wang.fang", password = PermitTestHost.Password }, Ct);

        Assert.Equal(HttpStatusCode.Unauthorized, whileLocked.StatusCode);
        Assert.Equal(HttpStatusCode.OK, afterwards.StatusCode);
    }

    [Fact]
    public async Task An_endpoint_without_a_token_answers_401_and_one_with_a_forged_token_too()
    {
        await using var api = new PermitTestHost(new TestHostOptions { Clock = DateTimeOffset.UtcNow });
        using var client = api.CreateClient();

        using var anonymous = await client.GetAsync(new Uri("/api/officers/me", UriKind.Relative), Ct);
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer",
            "eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiIxIiwicm9sZSI6ImFkbWluIn0.c2lnbmF0dXJl");
        using var forged = await client.GetAsync(new Uri("/api/officers/me", UriKind.Relative), Ct);

        Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, forged.StatusCode);
    }

    [Fact]
    public async Task A_registrar_cannot_reach_admin_endpoints()
    {
        await using var api = new PermitTestHost(new TestHostOptions { Clock = DateTimeOffset.UtcNow });
        using var client = await api.SignedInClientAsync("li.na", OfficerRole.Registrar);

        using var response = await client.GetAsync(new Uri("/api/audit/verify", UriKind.Relative), Ct);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    [Fact]
    public async Task The_trust_list_and_health_are_public()
    {
        await using var api = new PermitTestHost(new TestHostOptions { Clock = DateTimeOffset.UtcNow });
        using var client = api.CreateClient();

        using var trustList = await client.GetAsync(new Uri("/api/trust-list", UriKind.Relative), Ct);
        using var health = await client.GetAsync(new Uri("/health", UriKind.Relative), Ct);

        Assert.Equal(HttpStatusCode.OK, trustList.StatusCode);
        Assert.StartsWith("application/cose", trustList.Content.Headers.ContentType?.ToString(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, health.StatusCode);
    }
}

using Permit.Api.Infrastructure.Problems;
using System.Net.Http.Headers;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Testing;
using Permit.Api.Features.Credentials;
using Permit.Api.Security;
using Permit.Api.Security.Admin;

namespace Permit.Api.Tests.Security.Limits;

/// <summary>Rate limits on anonymous doors, sign-in per address and per user name, terminal keys; the lock-out counter under load.</summary>
public sealed class RateLimitTests
{
    private static readonly string[] Health = ["Health"];

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Password_guessing_from_one_address_is_stopped_with_a_429_problem_and_Retry_After()
    {
        await using var api = new PermitTestHost(new TestHostOptions { Clock = DateTimeOffset.UtcNow });
        await api.AddOfficerAsync("wang.fang", OfficerRole.Registrar);
        await using var limited = Limited(api, ("SignInPerAddress:PermitLimit", "3"));
        using var client = limited.CreateClient();

        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 4; i++)
        {
            using var attempt = await client.PostAsJsonAsync("/api/auth/token", new { userName = $"user{i}", password = "guess" }, Ct);
            statuses.Add(attempt.StatusCode);
            if (attempt.StatusCode == HttpStatusCode.TooManyRequests)
            {
                Assert.True(attempt.Headers.RetryAfter?.Delta > TimeSpan.Zero);
                var problem = await attempt.Content.ReadFromJsonAsync<ProblemDetails>(Ct);
                Assert.Equal(ProblemCatalogue.TypeOf("too-many-requests"), problem!.Type);
            }
        }

        Assert.Equal([HttpStatusCode.Unauthorized, HttpStatusCode.Unauthorized, HttpStatusCode.Unauthorized, HttpStatusCode.TooManyRequests], statuses);
    }

    [Fact]
    public async Task Guesses_at_one_user_name_run_out_while_other_users_still_sign_in()
    {
        await using var api = new PermitTestHost(new TestHostOptions { Clock = DateTimeOffset.UtcNow });
        await api.AddOfficerAsync("wang.fang", OfficerRole.Registrar);
        await api.AddOfficerAsync("li.na", OfficerRole.Registrar);
        await using var limited = Limited(api, ("SignInPerUserName:PermitLimit", "3"), ("SignInPerAddress:PermitLimit", "100"));
        using var client = limited.CreateClient();

        for (var i = 0; i < 3; i++)
            (await client.PostAsJsonAsync("/api/auth/token", new { userName = "wang.fang", password = $"guess {i}" }, Ct)).Dispose();
        using var fourth = await client.PostAsJsonAsync("/api/auth/token", new { userName = "Wang.Fang", password = "guess 4" }, Ct);
        using var other = await client.PostAsJsonAsync("/api/auth/token", new { userName = "li.na", password = PermitTestHost.Password }, Ct);

        Assert.Equal(HttpStatusCode.TooManyRequests, fourth.StatusCode);
        Assert.NotNull(fourth.Headers.RetryAfter);
        Assert.Equal(HttpStatusCode.OK, other.StatusCode);
    }

    [Fact]
    public async Task Parallel_wrong_passwords_are_all_counted()
    {
        await using var api = new PermitTestHost(new TestHostOptions { Clock = DateTimeOffset.UtcNow });
        var officer = await api.AddOfficerAsync("wang.fang", OfficerRole.Registrar);
        await using var many = api.WithWebHostBuilder(b => b.UseSetting("Security:Passwords:MaxFailedAttempts", "50"));
        using var client = many.CreateClient();

        await Task.WhenAll(Enumerable.Range(0, 20).Select(async i =>
        {
            using var wrong = await client.PostAsJsonAsync("/api/auth/token", new { userName = "wang.fang", password = $"guess {i}" }, Ct);
            Assert.Equal(HttpStatusCode.Unauthorized, wrong.StatusCode);
        }));

        await using var db = api.NewContext();
        var failed = await db.Set<OfficerAccount>().Where(o => o.Id == officer.Id).Select(o => o.FailedSignIns).SingleAsync(Ct);
        Assert.Equal(20, failed);
    }

    [Fact]
    public async Task Parallel_wrong_passwords_lock_the_account_as_five_in_a_row_do()
    {
        await using var api = new PermitTestHost(new TestHostOptions { Clock = DateTimeOffset.UtcNow });
        await api.AddOfficerAsync("wang.fang", OfficerRole.Registrar);
        using var client = api.CreateClient();

        await Task.WhenAll(Enumerable.Range(0, 20).Select(async i =>
            (await client.PostAsJsonAsync("/api/auth/token", new { userName = "wang.fang", password = $"guess {i}" }, Ct)).Dispose()));
        using var right = await client.PostAsJsonAsync("/api/auth/token", new { userName = "wang.fang", password = PermitTestHost.Password }, Ct);

        Assert.Equal(HttpStatusCode.Unauthorized, right.StatusCode);
    }

    [Fact]
    public async Task A_terminal_key_hammering_lookups_is_limited_without_slowing_another_terminal()
    {
        await using var api = new PermitTestHost(new TestHostOptions { Clock = DateTimeOffset.UtcNow });
        using var admin = await api.SignedInClientAsync("root", OfficerRole.Admin);
        var busy = await TerminalAsync(admin, "Busy Clinic");
        var quiet = await TerminalAsync(admin, "Quiet School");
        await using var limited = Limited(api, ("TerminalPerKey:PermitLimit", "2"));
        using var busyClient = limited.CreateClient();
        busyClient.DefaultRequestHeaders.Add("X-Api-Key", busy.ApiKey);
        using var quietClient = limited.CreateClient();
        quietClient.DefaultRequestHeaders.Add("X-Api-Key", quiet.ApiKey);

        for (var i = 0; i < 2; i++)
            (await busyClient.GetAsync(new Uri("/api/terminals/me", UriKind.Relative), Ct)).Dispose();
        using var third = await busyClient.GetAsync(new Uri("/api/terminals/me", UriKind.Relative), Ct);
        using var other = await quietClient.GetAsync(new Uri("/api/terminals/me", UriKind.Relative), Ct);

        Assert.Equal(HttpStatusCode.TooManyRequests, third.StatusCode);
        Assert.Equal(HttpStatusCode.OK, other.StatusCode);
    }

    [Fact]
    public async Task A_counter_page_signed_in_with_the_terminal_key_is_limited_like_the_key_itself()
    {
        await using var api = new PermitTestHost(new TestHostOptions { Clock = DateTimeOffset.UtcNow });
        using var admin = await api.SignedInClientAsync("root", OfficerRole.Admin);
        var clinic = await TerminalAsync(admin, "Clinic Counter");
        await using var limited = Limited(api, ("TerminalPerKey:PermitLimit", "3"));
        using var page = limited.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });
        var form = await page.GetStringAsync(new Uri("/counter/signin", UriKind.Relative), Ct);
        var token = System.Text.RegularExpressions.Regex.Match(form, "name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"").Groups[1].Value;
        using (var signIn = await page.PostAsync(new Uri("/counter/signin", UriKind.Relative),
            new FormUrlEncodedContent(new Dictionary<string, string> { ["ApiKey"] = clinic.ApiKey, ["__RequestVerificationToken"] = token }), Ct))
            Assert.Equal(HttpStatusCode.Redirect, signIn.StatusCode);
        page.DefaultRequestHeaders.Add("X-Permit-Page", "1");

        // A page enumerating permit (or ID card) lookups on the terminal's cookie: the terminal's budget applies.
        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 6; i++)
        {
            using var call = await page.GetAsync(new Uri("/api/terminals/me", UriKind.Relative), Ct);
            statuses.Add(call.StatusCode);
        }

        Assert.Contains(HttpStatusCode.OK, statuses);
        Assert.Equal(HttpStatusCode.TooManyRequests, statuses[^1]);
    }

    [Fact]
    public async Task Anonymous_calls_from_one_address_are_limited_but_a_signed_in_officer_is_not()
    {
        await using var api = new PermitTestHost(new TestHostOptions { Clock = DateTimeOffset.UtcNow });
        var token = await TokenAsync(api);
        await using var limited = Limited(api, ("AnonymousPerAddress:PermitLimit", "2"));
        using var anonymous = limited.CreateClient();
        using var officer = limited.CreateClient();
        officer.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);

        for (var i = 0; i < 2; i++)
            (await anonymous.GetAsync(new Uri("/api/trust-list", UriKind.Relative), Ct)).Dispose();
        using var third = await anonymous.GetAsync(new Uri("/api/trust-list", UriKind.Relative), Ct);
        var officerStatuses = new List<HttpStatusCode>();
        for (var i = 0; i < 4; i++)
        {
            using var call = await officer.GetAsync(new Uri("/api/officers/me", UriKind.Relative), Ct);
            officerStatuses.Add(call.StatusCode);
        }

        Assert.Equal(HttpStatusCode.TooManyRequests, third.StatusCode);
        Assert.All(officerStatuses, s => Assert.Equal(HttpStatusCode.OK, s));
    }

    [Fact]
    public async Task A_verifier_holding_the_current_revocation_list_gets_304_and_a_burst_publishes_one_version()
    {
        await using var api = new PermitTestHost(new TestHostOptions { Clock = DateTimeOffset.UtcNow });
        using var anonymous = api.CreateClient();

        var burst = await Task.WhenAll(Enumerable.Range(0, 10).Select(_ => anonymous.GetAsync(new Uri("/api/revocation-list", UriKind.Relative), Ct)));
        var etag = burst[0].Headers.ETag;
        using var again = new HttpRequestMessage(HttpMethod.Get, "/api/revocation-list");
        again.Headers.IfNoneMatch.Add(etag!);
        using var conditional = await anonymous.SendAsync(again, Ct);

        Assert.All(burst, r => Assert.Equal(HttpStatusCode.OK, r.StatusCode));
        Assert.Single(burst.Select(r => r.Headers.ETag!.Tag).Distinct());
        Assert.Equal(HttpStatusCode.NotModified, conditional.StatusCode);
        Assert.Empty(await conditional.Content.ReadAsByteArrayAsync(Ct));
        await using var db = api.NewContext();
        Assert.Equal(1, await db.Set<PublishedRevocationList>().CountAsync(Ct));
        foreach (var response in burst)
            response.Dispose();
    }

    private static WebApplicationFactory<Program> Limited(PermitTestHost api, params (string Key, string Value)[] settings) =>
        api.WithWebHostBuilder(builder =>
        {
            builder.UseSetting("RateLimits:Enabled", "true");
            foreach (var (key, value) in settings)
                builder.UseSetting($"RateLimits:{key}", value);
        });

    private static async Task<TerminalCreated> TerminalAsync(HttpClient admin, string name)
    {
        using var created = await admin.PostAsJsonAsync("/api/admin/terminals", new { name, categories = Health }, Ct);
        return (await created.Content.ReadFromJsonAsync<TerminalCreated>(Ct))!;
    }

    private static async Task<string> TokenAsync(PermitTestHost api)
    {
        using var client = await api.SignedInClientAsync("wang.fang", OfficerRole.Registrar);
        return client.DefaultRequestHeaders.Authorization!.Parameter!;
    }
}

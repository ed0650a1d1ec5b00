using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Mvc.Testing;

namespace Permit.Api.Tests.Security.Sessions;

/// <summary>Cookie sessions: a fixed end, and a key ring every node shares without a readable copy in the database.</summary>
public sealed class CookieSessionTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_busy_cookie_session_still_ends_eight_hours_after_sign_in()
    {
        await using var api = new PermitTestHost(new TestHostOptions { Clock = DateTimeOffset.UtcNow });
        await api.AddOfficerAsync("wang.fang", OfficerRole.Registrar);
        using var browser = api.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        await PageSignIn.SignInAsync(browser, "wang.fang", PermitTestHost.Password, Ct);

        // Active all day: a request every 20 minutes keeps the 30-minute idle timeout from ever running out.
        for (var elapsed = TimeSpan.Zero; elapsed < TimeSpan.FromHours(7.5); elapsed += TimeSpan.FromMinutes(20))
        {
            api.Time.Advance(TimeSpan.FromMinutes(20));
            using var during = await browser.GetAsync(new Uri("/api/officers/me", UriKind.Relative), Ct);
            Assert.Equal(HttpStatusCode.OK, during.StatusCode);
        }

        api.Time.Advance(TimeSpan.FromMinutes(20));
        using var afterEightHours = await browser.GetAsync(new Uri("/api/officers/me", UriKind.Relative), Ct);

        Assert.Equal(HttpStatusCode.Unauthorized, afterEightHours.StatusCode);
    }

    [Fact]
    public async Task The_session_key_ring_is_kept_in_the_database_and_holds_no_readable_key()
    {
        await using var api = new PermitTestHost(new TestHostOptions { Clock = DateTimeOffset.UtcNow });
        _ = api.Server;
        // Protecting something makes sure a key exists (the node also does so as it starts).
        api.Services.GetRequiredService<IDataProtectionProvider>().CreateProtector("test").Protect("x");

        await using var db = api.NewContext();
        var keys = await db.DataProtectionKeys.AsNoTracking().ToListAsync(Ct);

        Assert.NotEmpty(keys);
        Assert.All(keys, k =>
        {
            Assert.Contains("<encryptedKey", k.Xml, StringComparison.Ordinal);
            Assert.DoesNotContain("<masterKey", k.Xml, StringComparison.Ordinal);
            Assert.DoesNotContain("<value>", k.Xml, StringComparison.Ordinal);
        });
    }

    [Fact]
    public async Task A_cookie_issued_by_one_node_opens_another_node_on_the_same_database()
    {
        await using var api = new PermitTestHost(new TestHostOptions { Clock = DateTimeOffset.UtcNow });
        await api.AddOfficerAsync("wang.fang", OfficerRole.Registrar);
        var cookie = await PageCookieAsync(api);

        // A second host on the same database and key directory, with its own (empty) in-memory state.
        await using var secondNode = api.WithWebHostBuilder(_ => { });
        using var second = secondNode.CreateClient();
        second.DefaultRequestHeaders.Add("Cookie", cookie);
        using var response = await second.GetAsync(new Uri("/api/officers/me", UriKind.Relative), Ct);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    // The factory's client keeps cookies in a handler we cannot read: sign in by hand to see the Set-Cookie header.
    private static async Task<string> PageCookieAsync(PermitTestHost api)
    {
        using var handlerless = api.CreateDefaultClient();
        var page = await handlerless.GetAsync(new Uri("/signin", UriKind.Relative), Ct);
        var antiforgery = page.Headers.GetValues("Set-Cookie").First().Split(';')[0];
        var html = await page.Content.ReadAsStringAsync(Ct);
        var token = System.Text.RegularExpressions.Regex.Match(html, "name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"").Groups[1].Value;
        using var request = new HttpRequestMessage(HttpMethod.Post, "/signin")
        {
            Content = new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["UserName"] = "wang.fang", ["Password"] = PermitTestHost.Password, ["__RequestVerificationToken"] = token,
            }),
        };
        request.Headers.Add("Cookie", antiforgery);
        using var answer = await handlerless.SendAsync(request, Ct);
        return answer.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith("permit.session=", StringComparison.Ordinal)).Split(';')[0];
    }
}

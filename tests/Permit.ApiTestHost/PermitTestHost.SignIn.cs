using System.Net.Http.Headers;
using Microsoft.AspNetCore.Mvc.Testing.Handlers;
using Permit.Api.Security.Accounts;
using Permit.Api.Security.Passwords;
using Permit.Api.Security.Terminals;
using Permit.Api.Security.Tokens;
using Permit.Domain.Entitlements;
using Permit.Domain.Regions;

namespace Permit.ApiTestHost;

/// <summary>
/// Signing in, the one way: tests of something else sign in with <see cref="Officer"/> or <see cref="Migrant"/>, bearer
/// tokens the API's own issuer mints for an account in the register (the API checks every token against it); a counter
/// terminal with the API key <see cref="AddTerminalAsync"/> returns. Tests of signing in itself, and the browser stories,
/// go through <c>/api/auth/token</c> with <see cref="Password"/>.
/// </summary>
public partial class PermitTestHost
{
    /// <summary>The TEST password of every account made by <see cref="AddOfficerAsync"/>.</summary>
    public const string Password = "correct horse battery staple";

    /// <summary>Hashing rounds for test passwords: cheap, since the hasher's own tests check the real count.</summary>
    public const int PasswordIterations = 1000;

    /// <summary>
    /// A client signed in as an officer of <paramref name="role"/> (saved once per role, no password involved). Each request
    /// carries a token minted at the fake clock's now, so the client stays signed in while a test moves the clock on.
    /// </summary>
    public HttpClient Officer(OfficerRole role = OfficerRole.Registrar)
    {
        var officer = OfficerAccountOf(role);
        var issuer = Services.GetRequiredService<TokenIssuer>();
        return WithFreshTokens(() => issuer.ForOfficer(officer).AccessToken);
    }

    /// <summary>A bearer token of an officer of <paramref name="role"/>, as an officer's page hands it to the agent.</summary>
    public string OfficerToken(OfficerRole role = OfficerRole.Registrar) =>
        Services.GetRequiredService<TokenIssuer>().ForOfficer(OfficerAccountOf(role)).AccessToken;

    /// <summary>A client signed in to self-service as the holder <paramref name="residentId"/> (tokens minted as for officers).</summary>
    public HttpClient Migrant(Guid residentId)
    {
        var (account, _) = MigrantAccount.Open(residentId, Now, TimeSpan.FromDays(1));
        var issuer = Services.GetRequiredService<TokenIssuer>();
        return WithFreshTokens(() => issuer.ForMigrant(account).AccessToken);
    }

    /// <summary>Registers a verifier terminal and returns its API key (shown once, as to the admin).</summary>
    public async Task<string> AddTerminalAsync(string name, ServiceCategory category)
    {
        var key = ApiKey.Generate();
        await using var db = NewContext();
        db.Add(VerifierTerminal.Register(name, [category], key, Now));
        await db.SaveChangesAsync(TestContext.Current.CancellationToken);
        return key.Value;
    }

    /// <summary>A client signed in as nobody.</summary>
    public HttpClient Anonymous() => _options.Kestrel ? new HttpClient { BaseAddress = BaseAddress } : CreateClient();

    /// <summary>An officer account that signs in with <see cref="Password"/>.</summary>
    public async Task<OfficerAccount> AddOfficerAsync(string userName, OfficerRole role, string? displayName = null, string? jurisdiction = null)
    {
        var officer = OfficerAccount.Create(userName, displayName ?? $"Officer {userName}", role, PasswordHasher.Hash(Password, PasswordIterations), Now,
            jurisdiction is null ? null : Jurisdiction.Parse(jurisdiction));
        await using var db = NewContext();
        db.Add(officer);
        await db.SaveChangesAsync(TestContext.Current.CancellationToken);
        return officer;
    }

    /// <summary>Adds an officer and signs in through <c>/api/auth/token</c> with the password.</summary>
    public async Task<HttpClient> SignedInClientAsync(string userName, OfficerRole role)
    {
        await AddOfficerAsync(userName, role);
        return await BearerClientAsync(userName);
    }

    /// <summary>A client signed in through <c>/api/auth/token</c> as <paramref name="userName"/> (added before).</summary>
    public async Task<HttpClient> BearerClientAsync(string userName) => WithBearer(await TokenAsync(userName));

    /// <summary>A bearer token from <c>/api/auth/token</c>, signing in with the password.</summary>
    public async Task<string> TokenAsync(string userName)
    {
        using var client = Anonymous();
        using var response = await client.PostAsJsonAsync("/api/auth/token", new { userName, password = Password }, TestContext.Current.CancellationToken);
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<TokenView>(TestContext.Current.CancellationToken))!.AccessToken;
    }

    private DateTimeOffset Now => _time?.GetUtcNow() ?? DateTimeOffset.UtcNow;

    // Tokens name an officer the register knows (its security stamp is checked on every use): saved once per role.
    private OfficerAccount OfficerAccountOf(OfficerRole role)
    {
        using var db = NewContext();
        var userName = OfficerAccount.NormalizeUserName($"{role}-officer");
        var officer = db.Set<OfficerAccount>().SingleOrDefault(o => o.UserName == userName);
        if (officer is null)
        {
            officer = OfficerAccount.Create(userName, $"Test {role}", role, "not-a-real-hash", Now);
            db.Add(officer);
            db.SaveChanges();
        }

        return officer;
    }

    private HttpClient WithFreshTokens(Func<string> mint)
    {
        // The same redirects and cookies as CreateClient(), with the token handler innermost so a redirect is signed too.
        if (!_options.Kestrel)
            return CreateDefaultClient(new RedirectHandler(), new CookieContainerHandler(), new FreshToken(mint));
        return new HttpClient(new FreshToken(mint) { InnerHandler = new HttpClientHandler() }) { BaseAddress = BaseAddress };
    }

    private HttpClient WithBearer(string accessToken)
    {
        var client = Anonymous();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", accessToken);
        return client;
    }

    private sealed record TokenView(string AccessToken);

    /// <summary>Puts a just-minted bearer token on each request that does not carry one of its own.</summary>
    private sealed class FreshToken(Func<string> mint) : DelegatingHandler
    {
        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            request.Headers.Authorization ??= new AuthenticationHeaderValue("Bearer", mint());
            return base.SendAsync(request, cancellationToken);
        }
    }
}

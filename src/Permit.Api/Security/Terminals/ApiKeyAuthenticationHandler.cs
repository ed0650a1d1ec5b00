using System.Security.Claims;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;
using Permit.Api.Security.Accounts;
using Permit.Api.Security.Authorization;

namespace Permit.Api.Security.Terminals;

/// <summary>
/// Authenticates verifier terminals by the <c>X-Api-Key</c> header: the key's prefix finds the terminal, the SHA-256 of
/// the key must match in constant time, and a revoked terminal is refused. The principal carries the terminal's id,
/// name, the <c>verifier</c> role and one claim per service category. A key that authenticated recently is answered
/// from <see cref="TerminalKeyCache"/> without reading the database.
/// </summary>
public sealed class ApiKeyAuthenticationHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger, UrlEncoder encoder, TerminalKeyCache cache)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string SchemeName = "ApiKey";

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        if (!Request.Headers.TryGetValue(ApiKey.HeaderName, out var values))
            return AuthenticateResult.NoResult();

        var presented = values.ToString();
        if (ApiKey.PrefixOf(presented) is null)
            return AuthenticateResult.Fail("The API key is not valid.");
        var hash = ApiKey.HashOf(presented);
        var principal = cache.Find(hash, SchemeName);
        if (principal is null)
        {
            var db = Context.RequestServices.GetRequiredService<PermitDbContext>();
            principal = await PrincipalForKeyAsync(db, presented, SchemeName, Context.RequestAborted).ConfigureAwait(false);
            if (principal is not null)
                cache.Remember(hash, Guid.Parse(principal.FindFirstValue(PermitClaims.TerminalId)!), [.. principal.Claims]);
        }

        return principal is null
            ? AuthenticateResult.Fail("The API key is not valid.")
            : AuthenticateResult.Success(new AuthenticationTicket(principal, SchemeName));
    }

    /// <summary>The terminal's principal for a presented key, or null when the key is malformed, unknown or revoked.</summary>
    public static async Task<ClaimsPrincipal?> PrincipalForKeyAsync(
        PermitDbContext db, string presented, string authenticationType, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        if (ApiKey.PrefixOf(presented) is not { } prefix)
            return null;
        var terminal = await db.Set<VerifierTerminal>().AsNoTracking()
            .SingleOrDefaultAsync(t => t.ApiKeyPrefix == prefix, cancellationToken).ConfigureAwait(false);
        if (terminal is null || !terminal.IsActive || !ApiKey.Matches(presented, terminal.ApiKeyHash))
            return null;
        var claims = new List<Claim>
        {
            new(PermitClaims.Subject, terminal.Id.ToString()),
            new(PermitClaims.TerminalId, terminal.Id.ToString()),
            new(PermitClaims.Name, terminal.Name),
            new(PermitClaims.Role, Roles.Verifier),
            new(PermitClaims.SecurityStamp, terminal.SecurityStamp),
        };
        claims.AddRange(terminal.Categories.Select(c => new Claim(PermitClaims.ServiceCategory, c.ToString())));
        return new ClaimsPrincipal(new ClaimsIdentity(claims, authenticationType, PermitClaims.Name, PermitClaims.Role));
    }
}

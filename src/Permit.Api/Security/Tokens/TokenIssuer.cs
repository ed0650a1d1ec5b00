using System.Security.Claims;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;
using Permit.Api.Keys;
using Permit.Api.Security.Accounts;
using Permit.Api.Security.Authorization;

namespace Permit.Api.Security.Tokens;

/// <summary>
/// Issues the short-lived HS256 bearer tokens of officers and migrants, signed with <c>token-signing.key</c> from the key
/// directory. Times come from the injected clock.
/// </summary>
public sealed class TokenIssuer(DataProtectionKeys keys, TimeProvider time)
{
    public const string Issuer = "permit-api";
    public const string Audience = "permit-api";
    public static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(15);

    public SymmetricSecurityKey SigningKey { get; } = new(keys.TokenSigningKey.ToArray()) { KeyId = "token-signing" };

    /// <summary>An officer's token: id, user and display name, role, jurisdiction.</summary>
    public IssuedToken ForOfficer(OfficerAccount officer)
    {
        ArgumentNullException.ThrowIfNull(officer);
        var claims = new List<Claim>
        {
            new(PermitClaims.Subject, officer.Id.ToString()),
            new(PermitClaims.Name, officer.DisplayName),
            new("preferred_username", officer.UserName),
            new(PermitClaims.Role, Roles.Of(officer.Role)),
            new(PermitClaims.SecurityStamp, officer.SecurityStamp),
        };
        if (officer.Jurisdiction is { } jurisdiction)
            claims.Add(new(PermitClaims.Jurisdiction, jurisdiction));
        return Issue(claims);
    }

    /// <summary>A migrant's token, carrying the one resident id the migrant may see.</summary>
    public IssuedToken ForMigrant(MigrantAccount migrant)
    {
        ArgumentNullException.ThrowIfNull(migrant);
        var claims = new List<Claim>
        {
            new(PermitClaims.Subject, migrant.Id.ToString()),
            new(PermitClaims.Name, migrant.UserName ?? string.Empty),
            new(PermitClaims.Role, Roles.Migrant),
            new(PermitClaims.ResidentId, migrant.ResidentId.ToString()),
        };
        return Issue(claims);
    }

    public TokenValidationParameters ValidationParameters() => new()
    {
        ValidIssuer = Issuer,
        ValidAudience = Audience,
        IssuerSigningKey = SigningKey,
        ValidAlgorithms = [SecurityAlgorithms.HmacSha256],
        NameClaimType = PermitClaims.Name,
        RoleClaimType = PermitClaims.Role,
        ClockSkew = TimeSpan.FromSeconds(30),
        LifetimeValidator = (notBefore, expires, _, _) =>
        {
            var now = time.GetUtcNow().UtcDateTime;
            return (notBefore is null || notBefore <= now.AddSeconds(30)) && expires is { } e && e > now.AddSeconds(-30);
        },
    };

    private IssuedToken Issue(List<Claim> claims)
    {
        var now = time.GetUtcNow();
        var expires = now + Lifetime;
        var descriptor = new SecurityTokenDescriptor
        {
            Issuer = Issuer,
            Audience = Audience,
            Subject = new ClaimsIdentity(claims),
            IssuedAt = now.UtcDateTime,
            NotBefore = now.UtcDateTime,
            Expires = expires.UtcDateTime,
            SigningCredentials = new SigningCredentials(SigningKey, SecurityAlgorithms.HmacSha256),
        };
        return new IssuedToken(new JsonWebTokenHandler().CreateToken(descriptor), expires);
    }
}

/// <summary>The token response: <c>{"accessToken": "...", "tokenType": "Bearer", "expiresAt": "..."}</c>.</summary>
public sealed record IssuedToken(string AccessToken, DateTimeOffset ExpiresAt)
{
    public string TokenType => "Bearer";

    // A bearer token is a credential: never print it by accident.
    public override string ToString() => $"IssuedToken {{ ExpiresAt = {ExpiresAt:O} }}";
}

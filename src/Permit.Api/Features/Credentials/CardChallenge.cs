using System.Security.Claims;
using System.Security.Cryptography;
using Permit.Api.Security.Authorization;

namespace Permit.Api.Features.Credentials;

/// <summary>
/// A nonce the API handed to one caller (an officer or a verifier terminal) for a chip to sign with INTERNAL
/// AUTHENTICATE. Kept in the database so that every API node knows it, and redeemed by deleting it: a challenge
/// counts once, only for the caller it was issued to, and only until <see cref="ExpiresAt"/>.
/// </summary>
public sealed class CardChallenge
{
    /// <summary>16 random bytes: within INTERNAL AUTHENTICATE's 8..32 and what the card spec's verifiers send.</summary>
    public const int Length = 16;

    /// <summary>Long enough for a tap at a counter or the confirmation after ACTIVATE, short enough that a recorded
    /// answer is useless soon after.</summary>
    public static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(2);

    public const int IssuedToMaxLength = 80;

    private CardChallenge()
    {
        Nonce = IssuedTo = null!;
    }

    private CardChallenge(string nonce, string issuedTo, DateTimeOffset issuedAt)
    {
        Nonce = nonce;
        IssuedTo = issuedTo;
        IssuedAt = issuedAt;
        ExpiresAt = issuedAt + Lifetime;
    }

    /// <summary>The challenge bytes as lower-case hex: the key, so redeeming is one indexed delete.</summary>
    public string Nonce { get; private set; }

    /// <summary>The caller it was issued to (<see cref="Caller"/>): another caller cannot redeem it.</summary>
    public string IssuedTo { get; private set; }

    public DateTimeOffset IssuedAt { get; private set; }

    public DateTimeOffset ExpiresAt { get; private set; }

    public static CardChallenge Issue(string issuedTo, DateTimeOffset now) =>
        new(Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(Length)), issuedTo, now);

    /// <summary>The caller's role and account or terminal id; null for a principal without both.</summary>
    public static string? Caller(ClaimsPrincipal user)
    {
        ArgumentNullException.ThrowIfNull(user);
        var subject = user.FindFirst(PermitClaims.Subject)?.Value;
        var role = user.FindFirst(PermitClaims.Role)?.Value;
        return subject is null || role is null || role.Length + subject.Length + 1 > IssuedToMaxLength ? null : $"{role}:{subject}";
    }

    /// <summary>
    /// True exactly once for a challenge this caller was issued and that has not expired; it is deleted in the same
    /// statement, so two API nodes racing to redeem it cannot both succeed.
    /// </summary>
    public static async Task<bool> RedeemAsync(PermitDbContext db, ClaimsPrincipal user, byte[] challenge, DateTimeOffset now, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(challenge);
        if (challenge.Length != Length || Caller(user) is not { } caller)
            return false;
        var nonce = Convert.ToHexStringLower(challenge);
        var deleted = await db.Set<CardChallenge>()
            .Where(c => c.Nonce == nonce && c.IssuedTo == caller && c.ExpiresAt > now)
            .ExecuteDeleteAsync(cancellationToken);
        return deleted == 1;
    }
}

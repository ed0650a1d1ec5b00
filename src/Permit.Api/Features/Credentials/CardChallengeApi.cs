using Permit.Api.Features.Permits;

namespace Permit.Api.Features.Credentials;

/// <summary><c>POST /api/card-challenges</c>: a fresh server challenge for a chip to sign (base64, single use, short-lived).</summary>
public sealed record CardChallengeResponse(string Challenge, DateTimeOffset ExpiresAt);

/// <summary>
/// Hands out the server challenges that card confirmation (<c>…/cards/{n}/confirmation</c>) and every online card
/// lookup (<c>/api/entitlements/lookups/card</c>) require: the chip's answer to a nonce the API chose proves the chip is
/// in front of the caller now, which an answer to the agent's own challenge cannot prove to the API.
/// </summary>
public static class CardChallengeApi
{
    public static async Task<Results<Ok<CardChallengeResponse>, ProblemHttpResult>> IssueAsync(
        HttpContext http, PermitDbContext db, TimeProvider time, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(http);
        ArgumentNullException.ThrowIfNull(db);
        if (CardChallenge.Caller(http.User) is not { } caller)
            return Problems.Problem("card-challenge-caller-unknown", "Only a signed-in officer or a verifier terminal gets a challenge.");

        var now = time.GetUtcNow();
        // Unredeemed challenges are useless once expired: clear them as new ones are made (indexed, usually nothing).
        var cutoff = now - CardChallenge.Lifetime;
        await db.Set<CardChallenge>().Where(c => c.ExpiresAt < cutoff).ExecuteDeleteAsync(cancellationToken);
        var challenge = CardChallenge.Issue(caller, now);
        db.Add(challenge);
        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.Ok(new CardChallengeResponse(Convert.ToBase64String(Convert.FromHexString(challenge.Nonce)), challenge.ExpiresAt));
    }
}

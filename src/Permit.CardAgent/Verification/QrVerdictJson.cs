using Permit.Domain.Credentials.Qr;
using Permit.Domain.Credentials.Verification;

namespace Permit.CardAgent.Verification;

/// <summary>
/// A QR verdict as <c>verify-qr --json</c> and <c>POST /qr/verify</c> give it: the same shape as a card's, with the QR's
/// claims (the ID number masked, as the QR carries it) instead of the card's fields.
/// </summary>
public sealed record QrVerdictJson(bool Genuine, string? Reason, IReadOnlyList<string> Warnings, IReadOnlyList<CheckJson> Checks, QrClaimsJson? Claims)
{
    public static QrVerdictJson From(CredentialVerdict verdict)
    {
        ArgumentNullException.ThrowIfNull(verdict);
        var card = VerdictJson.From(verdict);
        return new QrVerdictJson(card.Genuine, card.Reason, card.Warnings, card.Checks, verdict.QrClaims is { } c ? QrClaimsJson.From(c) : null);
    }
}

public sealed record QrClaimsJson(
    string PermitNumber, int CardSequence, string Name, string MaskedIdNumber, string ResidenceRegion, DateOnly ValidUntil,
    DateTimeOffset IssuedAt, DateTimeOffset? ExpiresAt)
{
    public static QrClaimsJson From(QrClaims claims)
    {
        ArgumentNullException.ThrowIfNull(claims);
        return new QrClaimsJson(claims.PermitNumber, claims.CardSequence, claims.Name, claims.MaskedIdNumber, claims.ResidenceRegion,
            claims.ValidUntil, claims.IssuedAt, claims.ExpiresAt);
    }
}

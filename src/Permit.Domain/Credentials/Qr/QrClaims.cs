using Permit.Domain.Credentials.Card;

namespace Permit.Domain.Credentials.Qr;

/// <summary>
/// The claims of a permit QR credential (qr-credential spec v1, "payload").
/// </summary>
/// <param name="MaskedIdNumber">First 6 and last 4 characters of the ID number, the 8 between as <c>*</c>.</param>
/// <param name="ValidUntil">Inclusive, a date in China (UTC+8).</param>
/// <param name="IssuedAt">Claim <c>iat</c>, whole seconds since the Unix epoch.</param>
/// <param name="ExpiresAt">Claim <c>exp</c>: after this instant the QR is stale (dynamic QR on a phone); null for printed QRs.</param>
public sealed record QrClaims(
    string PermitNumber,
    int CardSequence,
    string Name,
    string MaskedIdNumber,
    string ResidenceRegion,
    DateOnly ValidUntil,
    DateTimeOffset IssuedAt,
    DateTimeOffset? ExpiresAt)
{
    public const int FormatVersion = 1;

    /// <summary>The claims for a card's data, with the ID number masked.</summary>
    public static QrClaims ForPermit(PermitCardData card, DateTimeOffset issuedAt, DateTimeOffset? expiresAt = null)
    {
        ArgumentNullException.ThrowIfNull(card);
        return new QrClaims(
            card.PermitNumber,
            card.CardSequence,
            card.Name,
            PermitFormats.MaskIdNumber(card.IdNumber),
            card.ResidenceRegion,
            card.ValidUntil,
            issuedAt,
            expiresAt);
    }

    /// <summary>The first claim that breaks the spec, described without its value; null when all hold.</summary>
    public string? FindProblem() =>
        PermitFormats.CheckPermitNumber(PermitNumber)
        ?? (CardSequence is >= 1 and <= 255 ? null : "card sequence must be 1..255")
        ?? (string.IsNullOrEmpty(Name) ? "name is empty" : null)
        ?? PermitFormats.CheckMaskedIdNumber(MaskedIdNumber)
        ?? PermitFormats.CheckRegionCode(ResidenceRegion)
        ?? (IssuedAt.ToUnixTimeSeconds() >= 0 ? null : "iat is before 1970")
        ?? (ExpiresAt is null || ExpiresAt.Value.ToUnixTimeSeconds() >= 0 ? null : "exp is before 1970");
}

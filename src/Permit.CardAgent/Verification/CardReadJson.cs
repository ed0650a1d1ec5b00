using Permit.Domain.Credentials.Verification;

namespace Permit.CardAgent.Verification;

/// <summary>
/// EF.PERMIT, EF.PHOTO (only when it was read), EF.CHIPKEY and EF.SIG exactly as the card gave them, base64: the
/// <c>files</c> of the permit API's <c>POST /api/entitlements/lookups/card</c>, which judges the same bytes again.
/// </summary>
public sealed record CardFilesJson(string Permit, string? Photo, string ChipKey, string Signature)
{
    public static CardFilesJson From(CardReadout files)
    {
        ArgumentNullException.ThrowIfNull(files);
        return new CardFilesJson(
            Convert.ToBase64String(files.Permit),
            files.Photo is null ? null : Convert.ToBase64String(files.Photo),
            Convert.ToBase64String(files.ChipKey),
            Convert.ToBase64String(files.Signature));
    }
}

/// <summary>
/// The 16-byte challenge the agent sent to INTERNAL AUTHENTICATE and the chip's 64-byte r‖s answer, base64: the
/// <c>chip</c> of the card lookup, so the server verifies the answer against EF.CHIPKEY itself (only the challenge's
/// freshness stays the agent's word).
/// </summary>
public sealed record ChipExchangeJson(string Challenge, string Response)
{
    public static ChipExchangeJson From(ChipChallengeResponse exchange)
    {
        ArgumentNullException.ThrowIfNull(exchange);
        return new ChipExchangeJson(Convert.ToBase64String(exchange.Challenge), Convert.ToBase64String(exchange.Response));
    }
}

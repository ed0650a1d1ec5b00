using Permit.Api.Features.Permits;

namespace Permit.Api.Features.Entitlements;

/// <summary>
/// The answer of every entitlement lookup, modelled on openIMIS's eligibility check: the permit's standing, the
/// decision for the asked service (reason code, and the earliest date when waiting alone would help), the credential
/// checks, and only what the counter needs to match the person — name and a short-lived photo link, never the ID number or an
/// address. <see cref="Holder"/> and <see cref="Permit"/> are null when the credential is not genuine.
/// </summary>
public sealed record EntitlementAnswer(
    string Service,
    bool Eligible,
    string ReasonCode,
    string Message,
    string MessageEn,
    DateOnly? EarliestEligibleOn,
    DateOnly CheckedOn,
    PermitStanding? Permit,
    HolderForCounter? Holder,
    CredentialAnswer Credential);

/// <summary>The permit as the register holds it today.</summary>
public sealed record PermitStanding(string Number, string Status, DateOnly ValidUntil);

/// <summary>What a verifier may see of the holder: enough to match the face at the counter. <paramref name="Photo"/> is a
/// two-minute photo link for this terminal (<c>/api/photos/…</c>, audited when fetched), null when no photo is held.</summary>
public sealed record HolderForCounter(string Name, string? Photo);

/// <summary>
/// How the holder was identified. <see cref="Presented"/> is <c>permit-number</c> (nothing to check but the register),
/// <c>qr</c> or <c>card</c>. <see cref="Genuine"/> is null for a typed permit number; for a QR or card it says whether the
/// data is the issuer's (format, trusted key, signature, file hashes, chip). <see cref="RefusalReason"/> is the
/// credential verifier's code when it refused (also for a genuine but revoked, expired or stale credential).
/// </summary>
public sealed record CredentialAnswer(
    string Presented,
    bool? Genuine,
    string? RefusalReason,
    IReadOnlyList<CredentialCheckAnswer> Checks,
    string? ChipAuthentication = null)
{
    public static readonly CredentialAnswer PermitNumber = new("permit-number", null, null, []);

    /// <summary>The holder's ID card, read at the counter: like a typed number, only the register answers.</summary>
    public static readonly CredentialAnswer IdCard = new("id-card", null, null, []);
}

/// <summary>One check of the credential verifier: <c>issuer-signature</c> <c>passed</c>, <c>chip-signature</c> <c>failed</c>…</summary>
public sealed record CredentialCheckAnswer(string Check, string Outcome, string? Detail);

/// <summary>A service a terminal may ask about, for the counter's service picker.</summary>
public sealed record TerminalService(string Code, string NameZh, string NameEn, string Category, string Basis);

/// <summary><c>POST /api/entitlements/lookups/qr</c>: the scanned QR text as read (<c>RP1:</c>…).</summary>
public sealed record QrLookupRequest(string? Qr, string? Service, string? Purpose);

/// <summary>
/// <c>POST /api/entitlements/lookups/card</c>: what a card agent read (base64 card files) and the chip's answer to a
/// server challenge (<c>chip</c>: a challenge from <c>POST /api/card-challenges</c>, unused and unexpired, and the r‖s
/// answer). <c>permit-agent serve</c>'s <c>POST /permit-card/read</c> with <c>{"challenge": …}</c> answers <c>files</c>,
/// <c>verdict</c> and <c>chip</c> in exactly this shape, so a page forwards them as they stand; <c>verdict</c> is the
/// agent's and is not used here.
/// </summary>
/// <param name="SealedFiles">The files sealed for the API by a counter's agent (so the page never sees the ID number);
/// used when <paramref name="Files"/> is absent (docs/agent-tickets.md).</param>
public sealed record CardLookupRequest(string? Service, string? Purpose, CardFilesRequest? Files, AgentVerdictRequest? Verdict, ChipExchangeRequest? Chip,
    string? SealedFiles = null);

/// <summary>
/// <c>POST /api/entitlements/lookups/id-card</c>: the ID card read a counter's agent sealed for this API
/// (<c>sealedIdCard</c> of its <c>POST /id-card/read</c>: the ID number and a challenge from
/// <c>POST /api/card-challenges</c>, issued to this terminal, unused and unexpired).
/// </summary>
public sealed record IdCardLookupRequest(string? Service, string? Purpose, string? SealedIdCard);

/// <summary>EF.PERMIT, EF.PHOTO (optional), EF.CHIPKEY and EF.SIG as read, base64.</summary>
public sealed record CardFilesRequest(string? Permit, string? Photo, string? ChipKey, string? Signature);

/// <summary>The agent's verdict, accepted for the page's convenience and ignored: the server judges the card itself.</summary>
public sealed record AgentVerdictRequest(bool? Genuine, string? Reason, IReadOnlyList<AgentCheckRequest>? Checks);

public sealed record AgentCheckRequest(string? Check, string? Outcome, string? Detail);

/// <summary>The server challenge the agent sent to INTERNAL AUTHENTICATE and the chip's r‖s answer, base64.</summary>
public sealed record ChipExchangeRequest(string? Challenge, string? Response);

/// <summary>Stable reason codes the lookup adds to the entitlement policy's (<see cref="Domain.Entitlements.EntitlementReasons"/>).</summary>
public static class LookupReasons
{
    /// <summary>The QR or card is not the issuer's (malformed, unknown key, bad signature, cloned chip).</summary>
    public const string CredentialNotGenuine = "credential-not-genuine";

    /// <summary>The holder would qualify, but this card or QR may not be used: an older, revoked card, or a stale QR.</summary>
    public const string CredentialRefused = "credential-refused";
}

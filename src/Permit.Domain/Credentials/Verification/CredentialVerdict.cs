using Permit.Domain.Credentials.Card;
using Permit.Domain.Credentials.Qr;

namespace Permit.Domain.Credentials.Verification;

/// <summary>The checks a verdict names, in the order they run.</summary>
public enum VerificationCheck
{
    /// <summary>Card files or QR text decode exactly as the spec says.</summary>
    Format,

    /// <summary>The issuer key id is on the trust list, and not marked revoked there.</summary>
    IssuerKeyKnown,

    /// <summary>Passive authentication: the issuer signature over H1‖H2‖H3 (card) or the COSE payload (QR).</summary>
    IssuerSignature,

    /// <summary>Every card file that was read matches its signed hash (card only).</summary>
    FileHashes,

    /// <summary>
    /// The signing key may sign this credential: the permit number's region code is within the key's regions and the
    /// credential's signed issue date within its not-before/not-after (trust list, docs/trust-list.md).
    /// </summary>
    IssuerMandate,

    /// <summary>Active authentication: the chip signed the challenge with the EF.CHIPKEY key (card only).</summary>
    ChipSignature,

    /// <summary>
    /// The chip key is the one the issuer bound to this card: not abandoned at personalization (status list <c>ac</c>),
    /// and, online, the key the register recorded when the card was confirmed (card only).
    /// </summary>
    ChipKeyBinding,

    /// <summary>Today in China is not after valid-until (as extended by the revocation list after an endorsement).</summary>
    ValidityDate,

    /// <summary>The QR's <c>exp</c>, when present, has not passed (QR only).</summary>
    QrFreshness,

    /// <summary>(permit number, card sequence) is neither revoked nor suspended on the revocation list.</summary>
    Revocation,

    /// <summary>The live register (online) says the permit is active.</summary>
    LiveStatus,

    /// <summary>
    /// The revocation list is not past its nextUpdate: a warning within the grace, a refusal (<c>revocation-data-stale</c>)
    /// past it or when there is no list and no live status.
    /// </summary>
    RevocationDataFreshness,
}

public enum CheckOutcome
{
    Passed,
    Failed,

    /// <summary>Passed with a caveat (only <see cref="VerificationCheck.RevocationDataFreshness"/>).</summary>
    Warning,

    /// <summary>The check does not exist for this kind of credential or input.</summary>
    NotApplicable,

    /// <summary>Not run, because an earlier check already showed the data cannot be trusted, or its input is missing.</summary>
    NotRun,
}

/// <summary>One check and what came of it. <see cref="Detail"/> is for support staff and never holds personal data.</summary>
public sealed record CheckResult(VerificationCheck Check, CheckOutcome Outcome, string? Detail = null);

/// <summary>
/// The one answer every verification path gives. <see cref="Reason"/> is null exactly when accepted.
/// <see cref="Card"/> / <see cref="QrClaims"/> are filled only when the data is proven authentic
/// (format, issuer key, issuer signature, hashes and chip signature all passed), even if then refused as
/// expired or revoked, so a clerk can see whose credential it is.
/// </summary>
public sealed record CredentialVerdict(
    RefusalReason? Reason,
    IReadOnlyList<CheckResult> Checks,
    IReadOnlyList<string> Warnings,
    PermitCardData? Card = null,
    QrClaims? QrClaims = null)
{
    public bool Accepted => Reason is null;

    /// <summary>The stable refusal code (<c>malformed</c>, <c>revoked</c>, …), or null when accepted.</summary>
    public string? ReasonCode => Reason?.Code();

    public CheckResult this[VerificationCheck check] => Checks.Single(c => c.Check == check);
}

namespace Permit.Domain.Credentials;

/// <summary>
/// Why a credential was refused. Each has a stable kebab-case code (<see cref="RefusalReasons.Code"/>) that
/// terminals, the API and logs use; never rename one.
/// </summary>
public enum RefusalReason
{
    /// <summary><c>malformed</c>: the card files or QR text cannot be read as the spec says.</summary>
    Malformed,

    /// <summary><c>unknown-key</c>: the issuer key id is not on the verifier's trust list.</summary>
    UnknownKey,

    /// <summary><c>bad-signature</c>: the issuer signature fails, or a file does not match its signed hash.</summary>
    BadSignature,

    /// <summary><c>clone-suspected</c>: the chip could not prove it holds the key in EF.CHIPKEY.</summary>
    CloneSuspected,

    /// <summary><c>expired</c>: today in China is after the permit's valid-until date.</summary>
    Expired,

    /// <summary><c>stale</c>: the QR code's <c>exp</c> has passed (an old screenshot of a dynamic QR).</summary>
    Stale,

    /// <summary><c>revoked</c>: (permit number, card sequence) is on the revocation list, or the live record says so.</summary>
    Revoked,

    /// <summary><c>suspended</c>: the live permit record, or the revocation list's <c>sp</c> entries, say the permit is suspended.</summary>
    Suspended,

    /// <summary><c>issuer-key-revoked</c>: the trust list marks the signing key revoked (stolen or misused), so nothing it signed counts.</summary>
    IssuerKeyRevoked,

    /// <summary><c>issuer-not-authorised-for-region</c>: the permit number's region code is outside the signing key's regions on the trust list.</summary>
    IssuerNotAuthorisedForRegion,

    /// <summary><c>issuer-key-outside-validity</c>: the credential's signed issue date lies outside the signing key's not-before/not-after.</summary>
    IssuerKeyOutsideValidity,

    /// <summary>
    /// <c>revocation-data-stale</c>: cannot confirm. No revocation list is held (and no live register answered), or the
    /// held one is past its nextUpdate by more than the grace. Within the grace the same code is only a warning.
    /// </summary>
    RevocationDataStale,
}

public static class RefusalReasons
{
    /// <summary>
    /// The warning given when the revocation list is past its nextUpdate but within the grace; past the grace, or with
    /// no list at all, the same code is the refusal <see cref="RefusalReason.RevocationDataStale"/>.
    /// </summary>
    public const string RevocationDataStaleWarning = "revocation-data-stale";

    public static string Code(this RefusalReason reason) => reason switch
    {
        RefusalReason.Malformed => "malformed",
        RefusalReason.UnknownKey => "unknown-key",
        RefusalReason.BadSignature => "bad-signature",
        RefusalReason.CloneSuspected => "clone-suspected",
        RefusalReason.Expired => "expired",
        RefusalReason.Stale => "stale",
        RefusalReason.Revoked => "revoked",
        RefusalReason.Suspended => "suspended",
        RefusalReason.IssuerKeyRevoked => "issuer-key-revoked",
        RefusalReason.IssuerNotAuthorisedForRegion => "issuer-not-authorised-for-region",
        RefusalReason.IssuerKeyOutsideValidity => "issuer-key-outside-validity",
        RefusalReason.RevocationDataStale => RevocationDataStaleWarning,
        _ => throw new ArgumentOutOfRangeException(nameof(reason)),
    };
}

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
}

public static class RefusalReasons
{
    /// <summary>The warning (not a refusal) given when the revocation data is past its nextUpdate, or absent.</summary>
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
        _ => throw new ArgumentOutOfRangeException(nameof(reason)),
    };
}

namespace Permit.Domain.Credentials.Trust;

/// <summary>
/// A trust list as the offline root signed it: the issuer keys (with status, window and regions), the list version
/// (strictly increasing, so a verifier never goes back to an older list) and the time it was issued.
/// Wire format: <see cref="TrustListCodec"/> (docs/trust-list.md).
/// </summary>
public sealed record SignedTrustList
{
    /// <exception cref="ArgumentException">The version is below 1.</exception>
    public SignedTrustList(long version, DateTimeOffset issuedAt, TrustList keys)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(version, 1);
        ArgumentNullException.ThrowIfNull(keys);
        Version = version;
        IssuedAt = issuedAt;
        Keys = keys;
    }

    public long Version { get; }

    public DateTimeOffset IssuedAt { get; }

    public TrustList Keys { get; }
}

/// <summary>Why a trust list was refused; the held list then stays in use.</summary>
public enum TrustListRefusal
{
    /// <summary><c>malformed</c>: not a COSE_Sign1 of the documented shape (an unsigned JSON list lands here too).</summary>
    Malformed,

    /// <summary><c>foreign-root</c>: signed by a key other than the pinned root.</summary>
    ForeignRoot,

    /// <summary><c>bad-signature</c>: names the pinned root's key id but the signature does not verify.</summary>
    BadSignature,

    /// <summary><c>older-version</c>: its version is below the one held (a replay would bring back a revoked key).</summary>
    OlderVersion,

    /// <summary><c>issued-in-future</c>: its issue time is more than <see cref="TrustListCodec.MaxClockSkew"/> ahead of now.</summary>
    IssuedInFuture,
}

/// <summary>A verified trust list, or why it was refused.</summary>
public sealed record TrustListReadResult(SignedTrustList? List, TrustListRefusal? Refusal, string? Error)
{
    public bool IsValid => List is not null;

    public string? RefusalCode => Refusal switch
    {
        null => null,
        TrustListRefusal.Malformed => "malformed",
        TrustListRefusal.ForeignRoot => "foreign-root",
        TrustListRefusal.BadSignature => "bad-signature",
        TrustListRefusal.OlderVersion => "older-version",
        _ => "issued-in-future",
    };

    public static TrustListReadResult Refused(TrustListRefusal refusal, string error) => new(null, refusal, error);
}

namespace Permit.Domain.Credentials.Trust;

/// <summary>An issuer key's standing on the trust list; the wire names are <c>active</c>, <c>retired</c>, <c>revoked</c>.</summary>
public enum TrustedKeyStatus
{
    /// <summary>Signs cards, QR codes and revocation lists today.</summary>
    Active,

    /// <summary>Replaced by a newer key: what it signed stays valid, its revocation lists are still accepted.</summary>
    Retired,

    /// <summary>Distrusted (stolen or misused): everything it signed is refused as <c>issuer-key-revoked</c>.</summary>
    Revoked,
}

namespace Permit.Domain.Credentials.Verification;

/// <summary>
/// What the one <see cref="CredentialVerifier"/> asks of an issuer's signed status data, whichever format carried it:
/// the revocation list v1 (docs/revocation-list.md) or the status list v2 (docs/status-list.md).
/// </summary>
public interface ICardStatusData
{
    /// <summary>By when the issuer promised a newer list; past it the data is stale.</summary>
    DateTimeOffset NextUpdate { get; }

    bool IsRevoked(string permitNumber, int cardSequence);

    bool IsSuspended(string permitNumber, int cardSequence);

    /// <summary>The valid-until the issuer extended this card to after an endorsement, if it did.</summary>
    DateOnly? ExtendedValidUntil(string permitNumber, int cardSequence);

    /// <summary>True when a chip with this EF.CHIPKEY hash (EF.SIG's H3) was abandoned at personalization.</summary>
    bool IsChipAbandoned(ReadOnlySpan<byte> chipKeyHash);

    /// <summary>True once <paramref name="now"/> is past <see cref="NextUpdate"/>.</summary>
    bool IsStale(DateTimeOffset now);
}

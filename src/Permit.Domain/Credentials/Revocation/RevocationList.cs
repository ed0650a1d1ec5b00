namespace Permit.Domain.Credentials.Revocation;

/// <summary>One revoked card: a permit number and the sequence number of the card that no longer counts.</summary>
public readonly record struct RevokedCard(string PermitNumber, int CardSequence);

/// <summary>
/// The issuer's list of revoked cards as of <see cref="ThisUpdate"/>, to be replaced by
/// <see cref="NextUpdate"/>. Verifiers use it offline; past <see cref="NextUpdate"/> it still counts, but the
/// verdict carries a <c>revocation-data-stale</c> warning. Wire format: <see cref="RevocationListCodec"/>.
/// </summary>
public sealed class RevocationList
{
    private readonly HashSet<RevokedCard> _revoked;

    /// <param name="version">Increases with every list the issuer publishes, so a verifier never goes back to an older one.</param>
    /// <exception cref="ArgumentException">nextUpdate is not after thisUpdate, or an entry is not a valid permit number and sequence.</exception>
    public RevocationList(long version, DateTimeOffset thisUpdate, DateTimeOffset nextUpdate, IEnumerable<RevokedCard> revoked)
        : this(version, thisUpdate, nextUpdate, revoked, issuerKeyId: null)
    {
    }

    internal RevocationList(long version, DateTimeOffset thisUpdate, DateTimeOffset nextUpdate, IEnumerable<RevokedCard> revoked, byte[]? issuerKeyId)
    {
        ArgumentNullException.ThrowIfNull(revoked);
        ArgumentOutOfRangeException.ThrowIfNegative(version);
        if (nextUpdate <= thisUpdate)
        {
            throw new ArgumentException("nextUpdate must be after thisUpdate.", nameof(nextUpdate));
        }

        _revoked = [];
        foreach (var card in revoked)
        {
            if (PermitFormats.CheckPermitNumber(card.PermitNumber) is not null || card.CardSequence is < 1 or > 255)
            {
                throw new ArgumentException("A revoked card needs a valid permit number and a sequence 1..255.", nameof(revoked));
            }

            _revoked.Add(card);
        }

        Version = version;
        ThisUpdate = thisUpdate;
        NextUpdate = nextUpdate;
        IssuerKeyId = issuerKeyId;
    }

    public long Version { get; }

    public DateTimeOffset ThisUpdate { get; }

    public DateTimeOffset NextUpdate { get; }

    /// <summary>The key id that signed the list, when it was read from signed bytes; null for a list being built.</summary>
    public byte[]? IssuerKeyId { get; }

    /// <summary>The entries in the order they are encoded: by permit number, then card sequence.</summary>
    public IReadOnlyList<RevokedCard> Revoked =>
        [.. _revoked.OrderBy(c => c.PermitNumber, StringComparer.Ordinal).ThenBy(c => c.CardSequence)];

    public bool IsRevoked(string permitNumber, int cardSequence) => _revoked.Contains(new RevokedCard(permitNumber, cardSequence));

    /// <summary>True once <paramref name="now"/> is past <see cref="NextUpdate"/>: a newer list should exist.</summary>
    public bool IsStale(DateTimeOffset now) => now > NextUpdate;
}

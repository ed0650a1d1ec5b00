namespace Permit.Domain.Credentials.Revocation;

/// <summary>One revoked card: a permit number and the sequence number of the card that no longer counts.</summary>
public readonly record struct RevokedCard(string PermitNumber, int CardSequence);

/// <summary>
/// A card whose permit was endorsed after the card was written: the card's EF.PERMIT valid-until (tag 8C) and its
/// printed QR still say the old date, and an active card cannot be rewritten, so the list carries the current one.
/// </summary>
public readonly record struct ValidityExtension(string PermitNumber, int CardSequence, DateOnly ValidUntil);

/// <summary>
/// The issuer's status list as of <see cref="ThisUpdate"/>, to be replaced by <see cref="NextUpdate"/>: revoked cards,
/// cards of suspended permits, and validity extensions after yearly endorsements. Verifiers use it offline; past
/// <see cref="NextUpdate"/> it still counts, but the verdict carries a <c>revocation-data-stale</c> warning.
/// Wire format: <see cref="RevocationListCodec"/> (docs/revocation-list.md).
/// </summary>
public sealed class RevocationList : Verification.ICardStatusData
{
    private readonly HashSet<RevokedCard> _revoked;
    private readonly HashSet<RevokedCard> _suspended;
    private readonly Dictionary<RevokedCard, DateOnly> _extensions;
    private readonly HashSet<string> _abandonedChipKeys;

    /// <summary>The length of an <c>ac</c> entry: SHA-256 of the EF.CHIPKEY object, the same bytes as EF.SIG's H3.</summary>
    public const int AbandonedChipKeyHashLength = 32;

    /// <param name="version">Increases with every list the issuer publishes, so a verifier never goes back to an older one.</param>
    /// <exception cref="ArgumentException">nextUpdate is not after thisUpdate, or an entry is not a valid permit number and sequence.</exception>
    public RevocationList(long version, DateTimeOffset thisUpdate, DateTimeOffset nextUpdate, IEnumerable<RevokedCard> revoked)
        : this(version, thisUpdate, nextUpdate, revoked, [], [], [], issuerKeyId: null)
    {
    }

    /// <param name="suspended">Cards of permits suspended for a missed endorsement (refused as <c>suspended</c>).</param>
    /// <param name="extensions">Current valid-until of cards written before their permit's latest endorsement; one per card.</param>
    public RevocationList(
        long version, DateTimeOffset thisUpdate, DateTimeOffset nextUpdate, IEnumerable<RevokedCard> revoked,
        IEnumerable<RevokedCard> suspended, IEnumerable<ValidityExtension> extensions)
        : this(version, thisUpdate, nextUpdate, revoked, suspended, extensions, [], issuerKeyId: null)
    {
    }

    /// <param name="abandonedChipKeys">SHA-256 (32 bytes) of the EF.CHIPKEY object of every chip the issuer signed files
    /// for and then abandoned before its card was issued: files carrying one of these keys are refused everywhere.</param>
    public RevocationList(
        long version, DateTimeOffset thisUpdate, DateTimeOffset nextUpdate, IEnumerable<RevokedCard> revoked,
        IEnumerable<RevokedCard> suspended, IEnumerable<ValidityExtension> extensions, IEnumerable<byte[]> abandonedChipKeys)
        : this(version, thisUpdate, nextUpdate, revoked, suspended, extensions, abandonedChipKeys, issuerKeyId: null)
    {
    }

    internal RevocationList(
        long version, DateTimeOffset thisUpdate, DateTimeOffset nextUpdate, IEnumerable<RevokedCard> revoked,
        IEnumerable<RevokedCard> suspended, IEnumerable<ValidityExtension> extensions, IEnumerable<byte[]> abandonedChipKeys,
        byte[]? issuerKeyId)
    {
        ArgumentNullException.ThrowIfNull(abandonedChipKeys);
        ArgumentNullException.ThrowIfNull(revoked);
        ArgumentNullException.ThrowIfNull(suspended);
        ArgumentNullException.ThrowIfNull(extensions);
        ArgumentOutOfRangeException.ThrowIfNegative(version);
        if (nextUpdate <= thisUpdate)
        {
            throw new ArgumentException("nextUpdate must be after thisUpdate.", nameof(nextUpdate));
        }

        _revoked = [.. revoked.Select(c => Checked(c, nameof(revoked)))];
        _suspended = [.. suspended.Select(c => Checked(c, nameof(suspended)))];
        _extensions = [];
        foreach (var extension in extensions)
        {
            if (!_extensions.TryAdd(Checked(new RevokedCard(extension.PermitNumber, extension.CardSequence), nameof(extensions)), extension.ValidUntil))
            {
                throw new ArgumentException("A card has at most one validity extension.", nameof(extensions));
            }
        }

        // Kept as lower-case hex: ordinal order of the hex is bytewise order of the hashes (the encoding order).
        _abandonedChipKeys = new HashSet<string>(StringComparer.Ordinal);
        foreach (var hash in abandonedChipKeys)
        {
            if (hash is not { Length: AbandonedChipKeyHashLength })
            {
                throw new ArgumentException("An abandoned chip key is the 32-byte SHA-256 of its EF.CHIPKEY object.", nameof(abandonedChipKeys));
            }

            _abandonedChipKeys.Add(Convert.ToHexStringLower(hash));
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
    public IReadOnlyList<RevokedCard> Revoked => Sorted(_revoked);

    /// <summary>Cards of suspended permits, in encoding order.</summary>
    public IReadOnlyList<RevokedCard> Suspended => Sorted(_suspended);

    /// <summary>Validity extensions, in encoding order (by permit number, then card sequence).</summary>
    public IReadOnlyList<ValidityExtension> Extensions =>
        [.. Sorted(_extensions.Keys).Select(c => new ValidityExtension(c.PermitNumber, c.CardSequence, _extensions[c]))];

    /// <summary>The abandoned chip keys (SHA-256 of EF.CHIPKEY), sorted bytewise, as encoded (<c>ac</c>).</summary>
    public IReadOnlyList<byte[]> AbandonedChipKeys =>
        [.. _abandonedChipKeys.Order(StringComparer.Ordinal).Select(Convert.FromHexString)];

    /// <summary>True when a chip with this EF.CHIPKEY hash (EF.SIG's H3) was abandoned at personalization.</summary>
    public bool IsChipAbandoned(ReadOnlySpan<byte> chipKeyHash) =>
        chipKeyHash.Length == AbandonedChipKeyHashLength && _abandonedChipKeys.Contains(Convert.ToHexStringLower(chipKeyHash));

    public bool IsRevoked(string permitNumber, int cardSequence) => _revoked.Contains(new RevokedCard(permitNumber, cardSequence));

    public bool IsSuspended(string permitNumber, int cardSequence) => _suspended.Contains(new RevokedCard(permitNumber, cardSequence));

    /// <summary>The valid-until the issuer extended this card to, if it did.</summary>
    public DateOnly? ExtendedValidUntil(string permitNumber, int cardSequence) =>
        _extensions.TryGetValue(new RevokedCard(permitNumber, cardSequence), out var until) ? until : null;

    /// <summary>True once <paramref name="now"/> is past <see cref="NextUpdate"/>: a newer list should exist.</summary>
    public bool IsStale(DateTimeOffset now) => now > NextUpdate;

    private static RevokedCard Checked(RevokedCard card, string parameter) =>
        PermitFormats.CheckPermitNumber(card.PermitNumber) is null && card.CardSequence is >= 1 and <= 255
            ? card
            : throw new ArgumentException("An entry needs a valid permit number and a card sequence 1..255.", parameter);

    private static RevokedCard[] Sorted(IEnumerable<RevokedCard> cards) =>
        [.. cards.OrderBy(c => c.PermitNumber, StringComparer.Ordinal).ThenBy(c => c.CardSequence)];
}

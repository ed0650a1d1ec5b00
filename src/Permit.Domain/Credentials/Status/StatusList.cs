using Permit.Domain.Credentials.Verification;

namespace Permit.Domain.Credentials.Status;

/// <summary>
/// The issuer's status list v2 (docs/status-list.md) as of <see cref="ThisUpdate"/>: for every permit number, found by
/// its issuing region, issue year and serial, the current card sequence, that card's state (valid, revoked, suspended)
/// and its extended valid-until; cards with an older sequence are superseded; plus the abandoned chip keys. Built with
/// <see cref="StatusListBuilder"/>, read and written by <see cref="StatusListCodec"/>, moved forward by
/// <see cref="StatusDelta"/>.
/// </summary>
public sealed class StatusList : ICardStatusData
{
    public const int AbandonedChipKeyHashLength = 32;

    private readonly Dictionary<SectionKey, StatusSection> _sections;
    private readonly HashSet<string> _abandonedChipKeys;

    internal StatusList(
        long number, DateTimeOffset thisUpdate, DateTimeOffset nextUpdate, IEnumerable<StatusSection> sections,
        IEnumerable<byte[]> abandonedChipKeys, byte[]? issuerKeyId)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(number);
        if (nextUpdate <= thisUpdate)
            throw new ArgumentException("nextUpdate must be after thisUpdate.", nameof(nextUpdate));
        Number = number;
        ThisUpdate = thisUpdate;
        NextUpdate = nextUpdate;
        IssuerKeyId = issuerKeyId;
        _sections = sections.ToDictionary(s => s.Key);
        // Kept as lower-case hex: ordinal order of the hex is the bytewise order of the hashes (the encoding order).
        _abandonedChipKeys = new HashSet<string>(StringComparer.Ordinal);
        foreach (var hash in abandonedChipKeys)
        {
            if (hash is not { Length: AbandonedChipKeyHashLength })
                throw new ArgumentException("An abandoned chip key is the 32-byte SHA-256 of its EF.CHIPKEY object.", nameof(abandonedChipKeys));
            _abandonedChipKeys.Add(Convert.ToHexStringLower(hash));
        }
    }

    /// <summary>The list number: strictly increases with every full list or delta the issuer publishes.</summary>
    public long Number { get; }

    public DateTimeOffset ThisUpdate { get; }

    public DateTimeOffset NextUpdate { get; }

    /// <summary>The key that signed the list (or the last delta applied to it) when read from signed bytes.</summary>
    public byte[]? IssuerKeyId { get; }

    /// <summary>The sections in encoding order (by region, then year).</summary>
    public IReadOnlyList<StatusSection> Sections => [.. _sections.Values.Order(Comparer<StatusSection>.Create((a, b) => SectionKey.Compare(a.Key, b.Key)))];

    /// <summary>The abandoned chip keys, sorted bytewise, as encoded (<c>ac</c>).</summary>
    public IReadOnlyList<byte[]> AbandonedChipKeys => [.. _abandonedChipKeys.Order(StringComparer.Ordinal).Select(Convert.FromHexString)];

    /// <summary>How many permits the list names a card for.</summary>
    public long CardCount => _sections.Values.Sum(s => (long)s.CardCount);

    /// <summary>The slot of a permit number (its check character is not looked at); empty when the list has none.</summary>
    public StatusEntry Find(string permitNumber)
    {
        ArgumentNullException.ThrowIfNull(permitNumber);
        if (permitNumber.Length != 18 || !PermitFormats.IsAsciiDigits(permitNumber.AsSpan(0, 17)))
            return StatusEntry.Empty;
        var key = new SectionKey(permitNumber[..6], ParseDigits(permitNumber.AsSpan(6, 4)));
        return _sections.TryGetValue(key, out var section) ? section[ParseDigits(permitNumber.AsSpan(10, 7))] : StatusEntry.Empty;
    }

    /// <summary>The slot of (section, serial); empty when the list has none.</summary>
    public StatusEntry Find(SectionKey section, int serial) =>
        _sections.TryGetValue(section, out var found) ? found[serial] : StatusEntry.Empty;

    internal bool TryGetSection(SectionKey key, out StatusSection section) => _sections.TryGetValue(key, out section!);

    /// <summary>Revoked when the list says so of the current card, or the card is older than the current one (superseded).</summary>
    public bool IsRevoked(string permitNumber, int cardSequence)
    {
        var entry = Find(permitNumber);
        return !entry.IsEmpty && (cardSequence < entry.CurrentSequence || (cardSequence == entry.CurrentSequence && entry.State == CardState.Revoked));
    }

    public bool IsSuspended(string permitNumber, int cardSequence)
    {
        var entry = Find(permitNumber);
        return !entry.IsEmpty && cardSequence == entry.CurrentSequence && entry.State == CardState.Suspended;
    }

    public DateOnly? ExtendedValidUntil(string permitNumber, int cardSequence)
    {
        var entry = Find(permitNumber);
        return !entry.IsEmpty && cardSequence == entry.CurrentSequence ? entry.ValidUntil : null;
    }

    public bool IsChipAbandoned(ReadOnlySpan<byte> chipKeyHash) =>
        chipKeyHash.Length == AbandonedChipKeyHashLength && _abandonedChipKeys.Contains(Convert.ToHexStringLower(chipKeyHash));

    public bool IsStale(DateTimeOffset now) => now > NextUpdate;

    private static int ParseDigits(ReadOnlySpan<char> digits)
    {
        var value = 0;
        foreach (var digit in digits)
            value = (value * 10) + (digit - '0');
        return value;
    }
}

namespace Permit.Domain.Credentials.Status;

/// <summary>
/// Collects slots (one per permit) and makes a <see cref="StatusList"/>. The publisher feeds it rows streamed from the
/// register; a delta is applied by starting from a held list. Memory: one 8-byte struct a slot while building.
/// </summary>
public sealed class StatusListBuilder
{
    private readonly Dictionary<SectionKey, StatusEntry[]> _slots = [];
    private readonly Dictionary<SectionKey, int> _lengths = [];
    private readonly List<byte[]> _abandoned = [];

    public StatusListBuilder()
    {
    }

    /// <summary>Starts from every slot and chip key of <paramref name="list"/>.</summary>
    public StatusListBuilder(StatusList list)
    {
        ArgumentNullException.ThrowIfNull(list);
        foreach (var section in list.Sections)
        {
            _slots[section.Key] = section.ToSlots(section.Length);
            _lengths[section.Key] = section.Length;
        }

        _abandoned.AddRange(list.AbandonedChipKeys);
    }

    /// <summary>Sets a permit's slot from its number (check character not looked at).</summary>
    public StatusListBuilder Set(string permitNumber, StatusEntry entry)
    {
        ArgumentNullException.ThrowIfNull(permitNumber);
        if (PermitFormats.CheckPermitNumber(permitNumber) is { } error)
            throw new ArgumentException(error, nameof(permitNumber));
        return Set(new SectionKey(permitNumber[..6], int.Parse(permitNumber.AsSpan(6, 4), System.Globalization.CultureInfo.InvariantCulture)),
            int.Parse(permitNumber.AsSpan(10, 7), System.Globalization.CultureInfo.InvariantCulture), entry);
    }

    /// <summary>
    /// Sets a permit's slot unless it already names a later card: the publisher streams one row per card in no
    /// particular order, and the permit's current card is its highest issued sequence.
    /// </summary>
    public StatusListBuilder SetUnlessLater(string permitNumber, StatusEntry entry)
    {
        ArgumentNullException.ThrowIfNull(permitNumber);
        if (permitNumber.Length == 18 && PermitFormats.IsAsciiDigits(permitNumber.AsSpan(0, 17))
            && _slots.TryGetValue(new SectionKey(permitNumber[..6], int.Parse(permitNumber.AsSpan(6, 4), System.Globalization.CultureInfo.InvariantCulture)), out var slots)
            && int.Parse(permitNumber.AsSpan(10, 7), System.Globalization.CultureInfo.InvariantCulture) is var serial && serial >= 1 && serial <= slots.Length
            && slots[serial - 1].CurrentSequence > entry.CurrentSequence)
            return this;
        return Set(permitNumber, entry);
    }

    /// <exception cref="ArgumentException">The region is not 6 digits, the year or serial is out of range, or an empty slot carries a state or date.</exception>
    public StatusListBuilder Set(SectionKey section, int serial, StatusEntry entry)
    {
        if (PermitFormats.CheckRegionCode(section.Region) is { } error)
            throw new ArgumentException(error, nameof(section));
        if (section.Year is < 2000 or > 9999)
            throw new ArgumentException("A section's year lies between 2000 and 9999.", nameof(section));
        ArgumentOutOfRangeException.ThrowIfLessThan(serial, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(serial, StatusSection.MaxLength);
        if (entry.IsEmpty && entry != StatusEntry.Empty)
            throw new ArgumentException("A slot without a card carries no state and no date.", nameof(entry));
        if (!Enum.IsDefined(entry.State))
            throw new ArgumentException("Unknown card state.", nameof(entry));
        StatusDays.Encode(entry.ValidUntil);

        if (!_slots.TryGetValue(section, out var slots))
            slots = _slots[section] = new StatusEntry[Math.Max(1024, serial)];
        if (serial > slots.Length)
        {
            Array.Resize(ref slots, (int)Math.Min(StatusSection.MaxLength, Math.Max(serial, 2L * slots.Length)));
            _slots[section] = slots;
        }

        slots[serial - 1] = entry;
        _lengths[section] = Math.Max(_lengths.GetValueOrDefault(section), serial);
        return this;
    }

    /// <summary>Adds the EF.CHIPKEY hash (32 bytes) of a chip abandoned at personalization.</summary>
    public StatusListBuilder AbandonChip(byte[] chipKeyHash)
    {
        ArgumentNullException.ThrowIfNull(chipKeyHash);
        if (chipKeyHash.Length != StatusList.AbandonedChipKeyHashLength)
            throw new ArgumentException("An abandoned chip key is the 32-byte SHA-256 of its EF.CHIPKEY object.", nameof(chipKeyHash));
        _abandoned.Add([.. chipKeyHash]);
        return this;
    }

    /// <exception cref="ArgumentException">nextUpdate is not after thisUpdate.</exception>
    public StatusList Build(long number, DateTimeOffset thisUpdate, DateTimeOffset nextUpdate) =>
        Build(number, thisUpdate, nextUpdate, issuerKeyId: null);

    internal StatusList Build(long number, DateTimeOffset thisUpdate, DateTimeOffset nextUpdate, byte[]? issuerKeyId) =>
        new(number, thisUpdate, nextUpdate,
            _slots.Select(s => StatusSection.FromSlots(s.Key, s.Value.AsSpan(0, _lengths[s.Key]))), _abandoned, issuerKeyId);
}

namespace Permit.Domain.Credentials.Status;

/// <summary>
/// The slots of one (issuing region, issue year) of permit numbers, slot <c>serial - 1</c> for each serial 1..<see cref="Length"/>,
/// kept as the inflated block exactly as docs/status-list.md lays it out, so reading a list costs one allocation per
/// section and no object per card: <c>cs[n] ‖ st[⌈n/4⌉] ‖ vu_hi[n] ‖ vu_lo[n]</c>.
/// </summary>
public sealed class StatusSection
{
    /// <summary>Serials have seven digits.</summary>
    public const int MaxLength = 9_999_999;

    private readonly byte[] _block;

    private StatusSection(SectionKey key, int length, byte[] block)
    {
        Key = key;
        Length = length;
        _block = block;
    }

    public SectionKey Key { get; }

    /// <summary>The highest serial the section has a slot for.</summary>
    public int Length { get; }

    /// <summary>The inflated block as encoded (do not change it).</summary>
    internal ReadOnlySpan<byte> Block => _block;

    /// <summary>The block's size for <paramref name="length"/> slots: 3 bytes and 2 bits a slot.</summary>
    public static long BlockSize(long length) => (3 * length) + StateBytes(length);

    /// <summary>Wraps an inflated block after checking every slot's invariants (see <see cref="Check"/>).</summary>
    /// <exception cref="FormatException">The block breaks the format's rules.</exception>
    internal static StatusSection FromBlock(SectionKey key, int length, byte[] block)
    {
        var section = new StatusSection(key, length, block);
        section.Check();
        return section;
    }

    internal static StatusSection FromSlots(SectionKey key, ReadOnlySpan<StatusEntry> slots)
    {
        var length = slots.Length;
        var block = new byte[BlockSize(length)];
        var states = StateBytes(length);
        for (var i = 0; i < length; i++)
        {
            var entry = slots[i];
            block[i] = entry.CurrentSequence;
            block[length + (i / 4)] |= (byte)((int)entry.State << (i % 4 * 2));
            var days = StatusDays.Encode(entry.ValidUntil);
            block[length + states + i] = (byte)(days >> 8);
            block[(2 * length) + states + i] = (byte)days;
        }

        return FromBlock(key, length, block);
    }

    /// <summary>The slot of <paramref name="serial"/>; empty when the section has none for it.</summary>
    public StatusEntry this[int serial]
    {
        get
        {
            if (serial < 1 || serial > Length)
                return StatusEntry.Empty;
            var i = serial - 1;
            var states = StateBytes(Length);
            var days = (_block[Length + states + i] << 8) | _block[(2 * Length) + states + i];
            return new StatusEntry(_block[i], (CardState)((_block[Length + (i / 4)] >> (i % 4 * 2)) & 3), StatusDays.Decode(days));
        }
    }

    /// <summary>How many slots name a card.</summary>
    public int CardCount => Length - _block.AsSpan(0, Length).Count((byte)0);

    /// <summary>Copies every slot out, for a delta to change (one struct a slot, only while a delta is applied or diffed).</summary>
    internal StatusEntry[] ToSlots(int length)
    {
        var slots = new StatusEntry[Math.Max(length, Length)];
        for (var serial = 1; serial <= Length; serial++)
            slots[serial - 1] = this[serial];
        return slots;
    }

    private static int StateBytes(long length) => (int)((length + 3) / 4);

    // An empty slot says nothing (state 0, no date); state 3 is not defined; the last state byte's spare bits are 0.
    private void Check()
    {
        var states = StateBytes(Length);
        for (var i = 0; i < Length; i++)
        {
            var state = (_block[Length + (i / 4)] >> (i % 4 * 2)) & 3;
            var dated = _block[Length + states + i] != 0 || _block[(2 * Length) + states + i] != 0;
            if (state == 3)
                throw new FormatException($"{Key}: serial {i + 1} has the undefined state 3.");
            if (_block[i] == 0 && (state != 0 || dated))
                throw new FormatException($"{Key}: serial {i + 1} has no card but a state or a date.");
        }

        var spare = (states * 4) - Length;
        if (spare > 0 && _block[Length + states - 1] >> ((4 - spare) * 2) != 0)
            throw new FormatException($"{Key}: the spare bits after the last state are not zero.");
    }
}

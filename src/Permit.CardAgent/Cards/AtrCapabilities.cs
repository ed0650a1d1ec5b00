namespace Permit.CardAgent.Cards;

/// <summary>
/// What a card says about itself in its ATR's historical bytes. Only one thing matters to the agent: whether the
/// card takes extended Lc/Le (docs/permit-card.md, "Extended length"), because that turns the photo's ~48 short
/// READ BINARYs into two APDUs.
/// </summary>
public static class AtrCapabilities
{
    private const int CardCapabilitiesTag = 0x7;
    private const byte ExtendedLengthBit = 0x40;

    /// <summary>
    /// True when the historical bytes are in compact-TLV form (category <c>80</c>) with a card-capabilities object
    /// whose third byte has b7 set. Anything unparsable counts as "no": short reads always work.
    /// </summary>
    public static bool AnnouncesExtendedLength(ReadOnlySpan<byte> atr)
    {
        var historical = HistoricalBytes(atr);
        if (historical.Length == 0 || historical[0] != 0x80)
        {
            return false;
        }

        var at = 1;
        while (at < historical.Length)
        {
            var tag = historical[at] >> 4;
            var length = historical[at] & 0x0F;
            if (at + 1 + length > historical.Length)
            {
                return false;
            }

            if (tag == CardCapabilitiesTag && length >= 3)
            {
                return (historical[at + 3] & ExtendedLengthBit) != 0;
            }

            at += 1 + length;
        }

        return false;
    }

    /// <summary>The historical bytes after TS, T0 and the interface bytes each TDi announces; empty when the ATR is too short.</summary>
    private static ReadOnlySpan<byte> HistoricalBytes(ReadOnlySpan<byte> atr)
    {
        if (atr.Length < 2)
        {
            return [];
        }

        var count = atr[1] & 0x0F;
        var at = 1;
        var indicator = atr[1];
        while (true)
        {
            var present = indicator >> 4;
            var next = at + 1 + System.Numerics.BitOperations.PopCount((uint)present);
            if ((present & 0x8) == 0 || next - 1 >= atr.Length)
            {
                at = next;
                break;
            }

            at = next - 1;
            indicator = atr[at];
        }

        return at + count <= atr.Length ? atr.Slice(at, count) : [];
    }
}

namespace Permit.HardwareSim.Cards;

/// <summary>SELECT and READ BINARY as both emulated cards answer them (docs/permit-card.md; docs/id-card.md reuses the same answers).</summary>
public static class BinaryFileAccess
{
    public const byte InsSelect = 0xA4;
    public const byte InsReadBinary = 0xB0;

    /// <summary>The largest extended Le a card takes (docs/permit-card.md): a 15-bit offset never needs more.</summary>
    public const int MaxExtendedNe = 32767;

    /// <summary>True when P2 asks for no FCI (<c>0C</c>) or the FCI (<c>00</c>); the cards answer both without FCI, which the spec allows.</summary>
    public static bool IsSupportedSelectP2(byte p2) => p2 is 0x00 or 0x0C;

    /// <summary>The two-byte FID of a well-formed SELECT EF, or null when the data field is not exactly two bytes.</summary>
    public static ushort? SelectedFid(CommandApdu apdu) =>
        apdu.IsWellFormed && apdu.Nc == 2 ? (ushort)((apdu.Data[0] << 8) | apdu.Data[1]) : null;

    /// <summary>
    /// READ BINARY once the caller has checked its own state (application selected, life cycle, current EF):
    /// P1/P2, then Le, then the offset against the file's current length. An extended Le is taken only when
    /// <paramref name="extendedLength"/> (the card announces it in its ATR); otherwise it is a wrong length, as before.
    /// </summary>
    public static byte[] ReadBinary(CommandApdu apdu, ReadOnlySpan<byte> content, bool extendedLength = false)
    {
        // P1 b8 set means "SFI in P1"; the cards implement only the plain 15-bit offset.
        if ((apdu.P1 & 0x80) != 0)
        {
            return StatusWords.Respond(StatusWords.IncorrectP1P2);
        }

        if (extendedLength && apdu.ExtendedNe is { } extendedNe)
        {
            return extendedNe > MaxExtendedNe ? StatusWords.Respond(StatusWords.WrongLength) : Slice(content, apdu.P1P2, extendedNe);
        }

        if (!apdu.IsWellFormed || apdu.HasData || apdu.Ne is not { } ne)
        {
            return StatusWords.Respond(StatusWords.WrongLength);
        }

        return Slice(content, apdu.P1P2, ne);
    }

    private static byte[] Slice(ReadOnlySpan<byte> content, int offset, int ne)
    {
        if (offset >= content.Length)
        {
            return StatusWords.Respond(StatusWords.WrongOffset);
        }

        var remaining = content.Length - offset;
        return remaining < ne
            ? StatusWords.Respond(content[offset..], StatusWords.EndOfFileBeforeLe)
            : StatusWords.Respond(content.Slice(offset, ne), StatusWords.Ok);
    }
}

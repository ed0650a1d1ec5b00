namespace Permit.Iso7816;

/// <summary>
/// A command APDU (ISO/IEC 7816-4 §5.1), valid by construction for its <see cref="IsoCase"/>.
/// </summary>
/// <remarks>
/// Expected response length is given as <see cref="Ne"/>, the number of bytes wanted (not the raw Le byte):
/// short Ne 1..256 (256 is encoded <c>00</c>), extended Ne 1..65536 (65536 is encoded <c>00 00</c>);
/// cases without an Le field have Ne 0.
/// </remarks>
public sealed class CommandApdu
{
    public const int MaxShortNc = 255;
    public const int MaxShortNe = 256;
    public const int MaxExtendedNc = 65535;
    public const int MaxExtendedNe = 65536;

    private readonly byte[] _data;

    public CommandApdu(IsoCase isoCase, byte cla, byte ins, byte p1, byte p2, ReadOnlySpan<byte> data = default, int ne = 0)
    {
        var maxNc = isoCase.IsExtended() ? MaxExtendedNc : MaxShortNc;
        var maxNe = isoCase.IsExtended() ? MaxExtendedNe : MaxShortNe;

        if (isoCase.HasData() && (data.Length < 1 || data.Length > maxNc))
            throw new ArgumentException($"{isoCase} needs 1..{maxNc} data bytes, not {data.Length}.", nameof(data));
        if (!isoCase.HasData() && !data.IsEmpty)
            throw new ArgumentException($"{isoCase} carries no data field.", nameof(data));
        if (isoCase.HasLe() && (ne < 1 || ne > maxNe))
            throw new ArgumentOutOfRangeException(nameof(ne), ne, $"{isoCase} expects Ne 1..{maxNe}.");
        if (!isoCase.HasLe() && ne != 0)
            throw new ArgumentOutOfRangeException(nameof(ne), ne, $"{isoCase} has no Le field, so Ne must be 0.");

        Case = isoCase;
        Cla = cla;
        Ins = ins;
        P1 = p1;
        P2 = p2;
        _data = data.ToArray();
        Ne = ne;
    }

    public IsoCase Case { get; }

    public byte Cla { get; }

    public byte Ins { get; }

    public byte P1 { get; }

    public byte P2 { get; }

    /// <summary>P1 and P2 as one big-endian number (a READ BINARY offset, for instance).</summary>
    public int P1P2 => (P1 << 8) | P2;

    /// <summary>The command data field (empty for cases 1 and 2).</summary>
    public ReadOnlyMemory<byte> Data => _data;

    /// <summary>Nc, the length of the data field.</summary>
    public int Nc => _data.Length;

    /// <summary>Ne, the maximum number of response data bytes wanted; 0 when there is no Le field.</summary>
    public int Ne { get; }

    /// <summary>Case 1: <c>CLA INS P1 P2</c>.</summary>
    public static CommandApdu Case1(byte cla, byte ins, byte p1, byte p2) => new(IsoCase.Case1, cla, ins, p1, p2);

    /// <summary>Case 2 short: <c>CLA INS P1 P2 Le</c>; <paramref name="ne"/> 256 is sent as <c>00</c>.</summary>
    public static CommandApdu Case2(byte cla, byte ins, byte p1, byte p2, int ne) =>
        new(IsoCase.Case2Short, cla, ins, p1, p2, default, ne);

    /// <summary>Case 3 short: <c>CLA INS P1 P2 Lc data</c>.</summary>
    public static CommandApdu Case3(byte cla, byte ins, byte p1, byte p2, ReadOnlySpan<byte> data) =>
        new(IsoCase.Case3Short, cla, ins, p1, p2, data);

    /// <summary>Case 4 short: <c>CLA INS P1 P2 Lc data Le</c>; <paramref name="ne"/> 256 is sent as <c>00</c>.</summary>
    public static CommandApdu Case4(byte cla, byte ins, byte p1, byte p2, ReadOnlySpan<byte> data, int ne) =>
        new(IsoCase.Case4Short, cla, ins, p1, p2, data, ne);

    /// <summary>
    /// The same command asking for exactly <paramref name="ne"/> response bytes, as after a <c>6Cxx</c> answer:
    /// a case 1 or 3 command gains an Le field, the length form (short or extended) is kept.
    /// </summary>
    public CommandApdu WithNe(int ne)
    {
        var extended = Case.IsExtended();
        var isoCase = (Case.HasData(), extended) switch
        {
            (false, false) => IsoCase.Case2Short,
            (true, false) => IsoCase.Case4Short,
            (false, true) => IsoCase.Case2Extended,
            (true, true) => IsoCase.Case4Extended,
        };
        return new CommandApdu(isoCase, Cla, Ins, P1, P2, _data, ne);
    }

    /// <summary>The bytes sent to the card.</summary>
    public byte[] ToArray()
    {
        var extended = Case.IsExtended();
        var lcLength = Case.HasData() ? (extended ? 3 : 1) : 0;
        // Extended case 4 sends Le on two bytes (the leading 00 went with Lc); extended case 2 on three.
        var leLength = !Case.HasLe() ? 0 : !extended ? 1 : Case.HasData() ? 2 : 3;
        var bytes = new byte[4 + lcLength + _data.Length + leLength];
        bytes[0] = Cla;
        bytes[1] = Ins;
        bytes[2] = P1;
        bytes[3] = P2;

        var at = 4;
        if (Case.HasData())
        {
            if (extended)
            {
                bytes[at++] = 0x00;
                bytes[at++] = (byte)(_data.Length >> 8);
            }

            bytes[at++] = (byte)_data.Length;
            _data.CopyTo(bytes, at);
            at += _data.Length;
        }

        if (Case.HasLe())
        {
            // Ne 256 (short) and 65536 (extended) wrap to 00 / 00 00, as the standard encodes them.
            if (leLength == 3)
                bytes[at++] = 0x00;
            if (extended)
                bytes[at++] = (byte)(Ne >> 8);
            bytes[at] = (byte)Ne;
        }

        return bytes;
    }

    /// <summary>Reads a command APDU as a card would, telling the case from the lengths (ISO/IEC 7816-3 §12.1.3).</summary>
    /// <exception cref="FormatException">The bytes are no well-formed APDU of any case.</exception>
    public static CommandApdu Parse(ReadOnlySpan<byte> apdu)
    {
        if (apdu.Length < 4)
            throw new FormatException($"A command APDU has at least 4 bytes, not {apdu.Length}.");

        var (cla, ins, p1, p2) = (apdu[0], apdu[1], apdu[2], apdu[3]);
        var body = apdu[4..];
        if (body.IsEmpty)
            return Case1(cla, ins, p1, p2);

        if (body.Length == 1)
            return Case2(cla, ins, p1, p2, body[0] == 0 ? MaxShortNe : body[0]);

        if (body[0] != 0)
        {
            var nc = body[0];
            if (body.Length == 1 + nc)
                return Case3(cla, ins, p1, p2, body.Slice(1, nc));
            if (body.Length == 2 + nc)
                return Case4(cla, ins, p1, p2, body.Slice(1, nc), body[^1] == 0 ? MaxShortNe : body[^1]);
            throw new FormatException($"Lc {nc} does not match the {body.Length - 1} bytes that follow it.");
        }

        if (body.Length == 3)
            return new CommandApdu(IsoCase.Case2Extended, cla, ins, p1, p2, default, ExtendedNe(body[1..]));

        var extendedNc = (body[1] << 8) | body[2];
        if (extendedNc == 0)
            throw new FormatException("An extended Lc of 0 is not allowed.");
        if (body.Length == 3 + extendedNc)
            return new CommandApdu(IsoCase.Case3Extended, cla, ins, p1, p2, body.Slice(3, extendedNc));
        if (body.Length == 5 + extendedNc)
            return new CommandApdu(IsoCase.Case4Extended, cla, ins, p1, p2, body.Slice(3, extendedNc), ExtendedNe(body[^2..]));
        throw new FormatException($"Extended Lc {extendedNc} does not match the {body.Length - 3} bytes that follow it.");
    }

    /// <summary>Header and lengths only: the data field may hold a PIN or transport code and must not reach a log.</summary>
    public override string ToString() =>
        string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{Cla:X2}{Ins:X2}{P1:X2}{P2:X2} {Case} Nc={Nc} Ne={Ne}");

    private static int ExtendedNe(ReadOnlySpan<byte> le)
    {
        var ne = (le[0] << 8) | le[1];
        return ne == 0 ? MaxExtendedNe : ne;
    }
}

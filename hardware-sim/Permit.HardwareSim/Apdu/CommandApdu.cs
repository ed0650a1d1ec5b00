namespace Permit.HardwareSim.Apdu;

/// <summary>
/// A command APDU as the emulated card sees it (short, or extended case 2). Parsing never fails: a body that fits no ISO 7816-4
/// short case is kept with <see cref="IsWellFormed"/> false, because the card must still check CLA, INS,
/// its life-cycle state and P1/P2 before it may answer <c>67 00</c> (docs/permit-card.md, "Checks run in this order").
/// Written apart from the agent's own code (Permit.Iso7816, Permit.Domain) on purpose: the emulator and the agent each
/// implement the format from docs, so each checks the other.
/// </summary>
public sealed class CommandApdu
{
    private readonly byte[] _data;

    private CommandApdu(byte cla, byte ins, byte p1, byte p2, byte[] data, int? ne, bool isWellFormed, int? extendedNe = null)
    {
        ExtendedNe = extendedNe;
        Cla = cla;
        Ins = ins;
        P1 = p1;
        P2 = p2;
        _data = data;
        Ne = ne;
        IsWellFormed = isWellFormed;
    }

    public byte Cla { get; }

    public byte Ins { get; }

    public byte P1 { get; }

    public byte P2 { get; }

    /// <summary>P1 and P2 as one big-endian number (the READ/UPDATE BINARY offset).</summary>
    public int P1P2 => (P1 << 8) | P2;

    /// <summary>The command data field (empty for cases 1 and 2).</summary>
    public ReadOnlySpan<byte> Data => _data;

    /// <summary>Nc, the length of the data field.</summary>
    public int Nc => _data.Length;

    /// <summary>Ne, the expected response length (Le <c>00</c> means 256); null when the command carries no Le.</summary>
    public int? Ne { get; }

    /// <summary>False when the bytes after the header fit none of the short cases 1–4 (an extended-length APDU too: see <see cref="ExtendedNe"/> for the one the permit card may take).</summary>
    public bool IsWellFormed { get; }

    public bool HasData => _data.Length > 0;

    /// <summary>
    /// Ne of an extended case 2 APDU (<c>00 Le1 Le2</c>, <c>00 00</c> meaning 65536); null otherwise. Such an APDU
    /// stays not <see cref="IsWellFormed"/>, so every command keeps answering <c>67 00</c> unless it opts in
    /// (only READ BINARY on a card that announces extended lengths does: docs/permit-card.md, "Extended length").
    /// </summary>
    public int? ExtendedNe { get; }

    public static CommandApdu Parse(ReadOnlySpan<byte> bytes)
    {
        if (bytes.Length < 4)
        {
            var cla = bytes.Length > 0 ? bytes[0] : (byte)0;
            var ins = bytes.Length > 1 ? bytes[1] : (byte)0;
            return new CommandApdu(cla, ins, 0, 0, [], null, isWellFormed: false);
        }

        var body = bytes[4..];
        byte[] data = [];
        int? ne = null;
        var ok = true;
        if (body.Length == 1)
        {
            ne = body[0] == 0 ? 256 : body[0];
        }
        else if (body.Length > 1)
        {
            var lc = body[0];
            if (lc == 0)
            {
                // An extended-length APDU (00 Lc1 Lc2 ...): only case 2 is recognised, and only for READ BINARY.
                ok = false;
                if (body.Length == 3)
                {
                    var extended = (body[1] << 8) | body[2];
                    return new CommandApdu(bytes[0], bytes[1], bytes[2], bytes[3], [], null, isWellFormed: false,
                        extendedNe: extended == 0 ? 65536 : extended);
                }
            }
            else if (body.Length == 1 + lc)
            {
                data = body[1..].ToArray();
            }
            else if (body.Length == 2 + lc)
            {
                data = body[1..^1].ToArray();
                ne = body[^1] == 0 ? 256 : body[^1];
            }
            else
            {
                ok = false;
            }
        }

        return new CommandApdu(bytes[0], bytes[1], bytes[2], bytes[3], data, ne, ok);
    }
}

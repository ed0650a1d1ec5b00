using Permit.Iso7816;

namespace Permit.CardAgent.Tests.Cards;

/// <summary>Permit cards holding a photo-sized EF.PHOTO, and a channel that lets a test play a hostile card.</summary>
internal static class PhotoCards
{
    public static readonly byte[] TransportCode = "12345678"u8.ToArray();

    /// <summary>A 12 KB EF.PHOTO object as the issuer writes it: <c>5F 2E 82 LL LL</c> and a JPEG-shaped value.</summary>
    public static byte[] Photo { get; } = [0x5F, 0x2E, 0x82, 0x30, 0x00, 0xFF, 0xD8, .. Enumerable.Range(0, 0x3000 - 4).Select(i => (byte)(i * 7)), 0xFF, 0xD9];

    /// <summary>A PERSONALIZING-capable card holding <see cref="Photo"/>; <paramref name="extendedLength"/> sets its ATR and READ BINARY.</summary>
    public static InProcessReader ReaderWithPhoto(bool extendedLength)
    {
        var card = PermitCard.CreateBlank(PermitCard.NewSerial(), TransportCode);
        card.ExtendedLength = extendedLength;
        var reader = new InProcessReader(card);
        var setup = new PermitCardSession(reader.Connect());
        setup.SelectApplication();
        setup.VerifyTransportCode(TransportCode);
        setup.WriteFile(CardApplications.EfPhoto, Photo);
        return reader;
    }

    /// <summary>A session on <paramref name="channel"/> that may read files (application selected, transport code verified).</summary>
    public static PermitCardSession OpenSession(ICardChannel channel, ReadOnlySpan<byte> atr)
    {
        var session = new PermitCardSession(channel, atr);
        session.SelectApplication();
        session.VerifyTransportCode(TransportCode);
        return session;
    }
}

/// <summary>Passes APDUs to a real emulated card and lets the test rewrite the answers, as a hostile card would.</summary>
internal sealed class HostileChannel(ICardChannel inner, Func<byte[], byte[], byte[]> answer) : ICardChannel
{
    public List<byte[]> Sent { get; } = [];

    public byte[] Transmit(ReadOnlySpan<byte> command)
    {
        var bytes = command.ToArray();
        Sent.Add(bytes);
        return answer(bytes, inner.Transmit(command));
    }

    /// <summary>True for an extended READ BINARY (<c>00 B0 P1 P2 00 Le1 Le2</c>).</summary>
    public static bool IsExtendedRead(byte[] command) => command.Length == 7 && command[1] == 0xB0 && command[4] == 0x00;
}

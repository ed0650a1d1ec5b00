using Permit.HardwareSim.Cards;
using static Permit.HardwareSim.Tests.Support.PermitApdus;

namespace Permit.HardwareSim.Tests.PermitCards;

/// <summary>The optional extended READ BINARY of docs/permit-card.md, "Extended length".</summary>
public class ExtendedReadBinaryTests
{
    private const int PhotoLength = 1000;

    [Fact]
    public void A_permit_card_announces_extended_lengths_in_its_ATR_and_one_with_them_off_does_not()
    {
        var card = TestCards.NewBlankCard();
        Assert.Equal("3B 95 13 81 01 80 73 FF 01 40 4B", Hex.Format(card.Atr.Span));

        card.ExtendedLength = false;
        Assert.Equal("3B 95 13 81 01 80 73 FF 01 00 0B", Hex.Format(card.Atr.Span));
    }

    [Fact]
    public void One_extended_READ_BINARY_answers_a_whole_1000_byte_photo_with_9000()
    {
        var (terminal, photo) = CardWithPhoto(extendedLength: true);

        var response = terminal.SendBytes("00 B0 00 00 00 03 E8");

        Assert.Equal([.. photo, 0x90, 0x00], response);
    }

    [Fact]
    public void An_extended_read_past_the_end_answers_what_is_left_and_6282()
    {
        var (terminal, photo) = CardWithPhoto(extendedLength: true);

        var response = terminal.SendBytes("00 B0 03 00 00 10 00");

        Assert.Equal([.. photo[0x300..], 0x62, 0x82], response);
    }

    [Fact]
    public void An_extended_Le_over_32767_answers_6700()
    {
        var (terminal, _) = CardWithPhoto(extendedLength: true);
        Assert.Equal("67 00", terminal.Send("00 B0 00 00 00 80 00"));
        Assert.Equal("67 00", terminal.Send("00 B0 00 00 00 00 00"));
    }

    [Fact]
    public void A_card_with_extended_lengths_off_answers_6700_and_still_takes_short_reads()
    {
        var (terminal, photo) = CardWithPhoto(extendedLength: false);

        Assert.Equal("67 00", terminal.Send("00 B0 00 00 00 03 E8"));
        Assert.Equal([.. photo[..256], 0x90, 0x00], terminal.SendBytes("00 B0 00 00 00"));
    }

    [Fact]
    public void Extended_lengths_stay_refused_by_commands_other_than_READ_BINARY() =>
        Assert.Equal("67 00", CardWithPhoto(extendedLength: true).Terminal.Send("00 CA 01 01 00 00 08"));

    [Fact]
    public void The_ID_card_never_takes_an_extended_READ_BINARY() =>
        Assert.Equal("67 00", Hex.Format(BinaryFileAccess.ReadBinary(Permit.HardwareSim.Apdu.CommandApdu.Parse(Hex.Parse("00 B0 00 00 00 00 10")), new byte[64])));

    /// <summary>A PERSONALIZING card whose EF.PHOTO holds a 1000-byte object (READ BINARY is allowed in that state).</summary>
    private static (Terminal Terminal, byte[] Photo) CardWithPhoto(bool extendedLength)
    {
        var card = TestCards.NewBlankCard();
        card.ExtendedLength = extendedLength;
        var terminal = new Terminal(card);
        Assert.Equal("90 00", terminal.Send(SelectApplication));
        Assert.Equal("90 00", terminal.Send(VerifyRightCode));
        byte[] photo = [0x5F, 0x2E, 0x82, 0x03, 0xE3, .. Enumerable.Range(0, PhotoLength - 5).Select(i => (byte)i)];
        Assert.Equal("90 00", terminal.Send(SelectPhotoFile));
        for (var offset = 0; offset < photo.Length; offset += 250)
        {
            var chunk = photo.AsSpan(offset, Math.Min(250, photo.Length - offset));
            Assert.Equal("90 00", terminal.Send(UpdateBinary(offset, Hex.Format(chunk))));
        }

        return (terminal, photo);
    }
}

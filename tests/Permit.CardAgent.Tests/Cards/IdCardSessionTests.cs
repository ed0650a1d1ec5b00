using Permit.Domain.IdCards;
using IdCard = Permit.HardwareSim.IdCards.IdCard;

namespace Permit.CardAgent.Tests.Cards;

public class IdCardSessionTests
{
    private static readonly byte[] Jpeg = [0xFF, 0xD8, 0xFF, 0xE0, .. new byte[1500], 0xFF, 0xD9];

    [Fact]
    public void An_id_card_gives_its_text_block_and_its_photo()
    {
        var reader = new InProcessReader(SampleIdCard());

        var read = new IdCardSession(reader.Connect()).Read();

        var text = IdCardTextBlock.Decode(read.TextBlock);
        Assert.Equal("53010219200508011X", text.IdNumber);
        Assert.Equal("张三丰", text.Name);
        Assert.Equal(Jpeg, read.Photo);
        Assert.Equal("jpeg", read.PhotoFormat);
        Assert.Equal(IdCardType.Resident, read.CardType);
    }

    [Fact]
    public void A_permit_card_is_not_an_id_card()
    {
        var reader = new InProcessReader(PermitCard.CreateBlank(PermitCard.NewSerial(), "12345678"u8));

        var refused = Assert.Throws<CardOperationException>(() => new IdCardSession(reader.Connect()).Read());

        Assert.Equal("not-an-id-card", refused.Code);
    }

    [Theory]
    [InlineData(new byte[] { 0x42, 0x4D, 0, 0 }, "bmp")]
    [InlineData(new byte[] { 0xFF, 0xD8, 0xFF }, "jpeg")]
    [InlineData(new byte[0], "none")]
    public void The_photo_format_is_recognised_from_its_first_bytes(byte[] photo, string expected) =>
        Assert.Equal(expected, IdCardSession.PhotoFormatOf(photo));

    internal static IdCard SampleIdCard()
    {
        var text = new IdCardText("张三丰", "1", "01", new DateOnly(1920, 5, 8), "云南省昆明市五华区护国路1号", "53010219200508011X",
            "昆明市公安局五华分局", new DateOnly(2020, 5, 8), null);
        return new IdCard(IdCardTextBlock.Encode(text), Jpeg);
    }
}

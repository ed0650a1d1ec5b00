using System.Text;
using Permit.Domain.IdCards;

namespace Permit.Domain.Tests.IdCards;

public class IdCardTextBlockTests
{
    [Fact]
    public void A_resident_card_block_is_read_field_by_field_at_the_specified_offsets()
    {
        var block = ReaderBlock(validTo: "20400508");

        var text = IdCardTextBlock.Decode(block);

        Assert.Equal("张三丰", text.Name);
        Assert.Equal("1", text.SexCode);
        Assert.Equal("01", text.EthnicGroupCode);
        Assert.Equal(new DateOnly(1920, 5, 8), text.BirthDate);
        Assert.Equal("云南省昆明市五华区护国路1号", text.Address);
        Assert.Equal("53010219200508011X", text.IdNumber);
        Assert.Equal("昆明市公安局五华分局", text.IssuingAuthority);
        Assert.Equal(new DateOnly(2020, 5, 8), text.ValidFrom);
        Assert.Equal(new DateOnly(2040, 5, 8), text.ValidTo);
    }

    [Fact]
    public void A_long_term_card_has_no_end_of_validity()
    {
        var text = IdCardTextBlock.Decode(ReaderBlock(validTo: "长期"));

        Assert.Null(text.ValidTo);
    }

    [Theory]
    [InlineData("I", IdCardType.ForeignerPermanentResidence)]
    [InlineData("J", IdCardType.HongKongMacaoTaiwanResidence)]
    public void Another_card_type_is_reported_as_such_and_never_decoded_as_a_resident_card(string typeCharacter, IdCardType expected)
    {
        var block = ReaderBlock(validTo: "长期", typeCharacter: typeCharacter);

        Assert.Equal(expected, IdCardTextBlock.ReadCardType(block));
        var refused = Assert.Throws<DomainException>(() => IdCardTextBlock.Decode(block));
        Assert.Equal("id-card-not-resident", refused.Code);
    }

    [Theory]
    [InlineData(255)]
    [InlineData(1024)]
    public void A_block_of_the_wrong_length_is_malformed(int length)
    {
        var refused = Assert.Throws<DomainException>(() => IdCardTextBlock.Decode(new byte[length]));

        Assert.Equal("id-card-malformed", refused.Code);
    }

    [Fact]
    public void An_impossible_birth_date_is_malformed()
    {
        var refused = Assert.Throws<DomainException>(() => IdCardTextBlock.Decode(ReaderBlock(validTo: "长期", birth: "19900230")));

        Assert.Equal("id-card-malformed", refused.Code);
        Assert.Contains("19900230", refused.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Encoding_then_decoding_gives_the_same_fields()
    {
        var original = IdCardTextBlock.Decode(ReaderBlock(validTo: "20400508"));

        var again = IdCardTextBlock.Decode(IdCardTextBlock.Encode(original));

        Assert.Equal(original, again);
        Assert.Equal(ReaderBlock(validTo: "20400508"), IdCardTextBlock.Encode(original));
    }

    /// <summary>A block laid out by hand from the spec's table, as a reader with a SAM would deliver it.</summary>
    private static byte[] ReaderBlock(string validTo, string birth = "19200508", string typeCharacter = " ")
    {
        var block = new byte[256];
        Put(block, 0, 30, "张三丰");
        Put(block, 30, 2, "1");
        Put(block, 32, 4, "01");
        Put(block, 36, 16, birth);
        Put(block, 52, 70, "云南省昆明市五华区护国路1号");
        Put(block, 122, 36, "53010219200508011X");
        Put(block, 158, 30, "昆明市公安局五华分局");
        Put(block, 188, 16, "20200508");
        Put(block, 204, 16, validTo);
        Put(block, 220, 28, "");
        Put(block, 248, 2, typeCharacter);
        Put(block, 250, 6, "");
        return block;
    }

    private static void Put(byte[] block, int offset, int length, string value) =>
        Encoding.Unicode.GetBytes(value.PadRight(length / 2), 0, length / 2, block, offset);
}

namespace Permit.Iso7816.Tests.Apdu;

public sealed class CommandApduTests
{
    private static readonly byte[] Aid = Convert.FromHexString("F05045524D495401");

    [Fact]
    public void Case_1_is_the_header_alone() =>
        Assert.Equal("00440000", Hex(CommandApdu.Case1(0x00, 0x44, 0x00, 0x00)));

    [Theory]
    [InlineData(8, "0084000008")]
    [InlineData(255, "00840000FF")]
    [InlineData(256, "0084000000")]
    public void Case_2_short_sends_Le_with_256_as_00(int ne, string expected) =>
        Assert.Equal(expected, Hex(CommandApdu.Case2(0x00, 0x84, 0x00, 0x00, ne)));

    [Fact]
    public void Case_3_short_sends_Lc_then_the_data() =>
        Assert.Equal("00A4020C020101", Hex(CommandApdu.Case3(0x00, 0xA4, 0x02, 0x0C, [0x01, 0x01])));

    [Fact]
    public void Case_4_short_sends_Lc_data_and_Le_as_the_permit_card_select() =>
        Assert.Equal("00A4040008F05045524D49540100", Hex(CommandApdu.Case4(0x00, 0xA4, 0x04, 0x00, Aid, 256)));

    [Theory]
    [InlineData(1, "00B00000000001")]
    [InlineData(300, "00B0000000012C")]
    [InlineData(65536, "00B00000000000")]
    public void Case_2_extended_sends_00_and_two_Le_bytes_with_65536_as_0000(int ne, string expected) =>
        Assert.Equal(expected, Hex(new CommandApdu(IsoCase.Case2Extended, 0x00, 0xB0, 0x00, 0x00, default, ne)));

    [Fact]
    public void Case_3_extended_sends_00_and_a_two_byte_Lc()
    {
        var data = new byte[300];
        data[^1] = 0xAB;

        var bytes = new CommandApdu(IsoCase.Case3Extended, 0x00, 0xD6, 0x00, 0x00, data).ToArray();

        Assert.Equal("00D60000" + "00012C", Convert.ToHexString(bytes, 0, 7));
        Assert.Equal(4 + 3 + 300, bytes.Length);
        Assert.Equal(0xAB, bytes[^1]);
    }

    [Fact]
    public void Case_4_extended_ends_with_a_two_byte_Le_without_another_00() =>
        Assert.Equal(
            "00880000000002CAFE0000",
            Hex(new CommandApdu(IsoCase.Case4Extended, 0x00, 0x88, 0x00, 0x00, [0xCA, 0xFE], 65536)));

    [Theory]
    [InlineData("00440000", IsoCase.Case1)]
    [InlineData("0084000008", IsoCase.Case2Short)]
    [InlineData("00A4020C020101", IsoCase.Case3Short)]
    [InlineData("00A4040008F05045524D49540100", IsoCase.Case4Short)]
    [InlineData("00B00000000100", IsoCase.Case2Extended)]
    [InlineData("00D60000000002CAFE", IsoCase.Case3Extended)]
    [InlineData("00880000000002CAFE0000", IsoCase.Case4Extended)]
    public void Parsing_tells_the_case_and_gives_back_the_same_bytes(string apdu, IsoCase expected)
    {
        var command = CommandApdu.Parse(Convert.FromHexString(apdu));

        Assert.Equal(expected, command.Case);
        Assert.Equal(apdu, Hex(command));
    }

    [Theory]
    [InlineData("00A400")]
    [InlineData("00A4020C0301")]
    [InlineData("00D60000000003CAFE")]
    public void Parsing_refuses_bytes_whose_lengths_do_not_add_up(string apdu) =>
        Assert.Throws<FormatException>(() => CommandApdu.Parse(Convert.FromHexString(apdu)));

    [Fact]
    public void A_case_3_command_without_data_cannot_be_made() =>
        Assert.Throws<ArgumentException>(() => CommandApdu.Case3(0x00, 0xD6, 0x00, 0x00, []));

    [Fact]
    public void A_short_command_cannot_carry_more_than_255_data_bytes() =>
        Assert.Throws<ArgumentException>(() => CommandApdu.Case3(0x00, 0xD6, 0x00, 0x00, new byte[256]));

    [Theory]
    [InlineData(0)]
    [InlineData(257)]
    public void A_short_Ne_outside_1_to_256_cannot_be_made(int ne) =>
        Assert.Throws<ArgumentOutOfRangeException>(() => CommandApdu.Case2(0x00, 0xB0, 0x00, 0x00, ne));

    [Fact]
    public void Asking_for_an_exact_length_gives_a_case_3_command_an_Le() =>
        Assert.Equal("00A4020C02010108", Hex(CommandApdu.Case3(0x00, 0xA4, 0x02, 0x0C, [0x01, 0x01]).WithNe(8)));

    [Fact]
    public void The_text_form_never_shows_the_data_field()
    {
        var verify = CommandApdu.Case3(0x00, 0x20, 0x00, 0x01, Convert.FromHexString("3132333435363738"));

        Assert.DoesNotContain("3132", verify.ToString(), StringComparison.Ordinal);
    }

    private static string Hex(CommandApdu command) => Convert.ToHexString(command.ToArray());
}

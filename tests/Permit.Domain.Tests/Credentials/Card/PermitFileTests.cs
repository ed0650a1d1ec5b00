using Permit.Domain.Credentials.Card;

namespace Permit.Domain.Tests.Credentials.Card;

public class PermitFileTests
{
    [Fact]
    public void The_example_permit_is_written_byte_for_byte_as_the_spec_lays_it_out() =>
        Assert.Equal(Examples.PermitFileHex, Convert.ToHexString(PermitFile.Encode(Examples.Permit)));

    [Fact]
    public void The_example_bytes_read_back_as_the_example_permit()
    {
        var result = PermitFile.Decode(Convert.FromHexString(Examples.PermitFileHex));

        Assert.Equal(Examples.Permit, result.Value);
    }

    [Fact]
    public void Padding_after_the_template_is_tolerated()
    {
        var file = Convert.FromHexString(Examples.PermitFileHex + "0000FFFF");

        Assert.True(PermitFile.Decode(file).IsValid);
    }

    [Theory]
    [InlineData("8D0101", "8D0101" + "8D0101", "a field repeated")]
    [InlineData("8D0101", "", "a field missing")]
    [InlineData("8D0101", "8D0101" + "8E0100", "an unknown field")]
    [InlineData("800101", "", "the version missing")]
    [InlineData("800101", "800102", "an unknown format version")]
    [InlineData("8D0101", "8D0100", "card sequence 0")]
    [InlineData("8D0101", "8D020001", "a two-byte card sequence")]
    [InlineData("840131", "840133", "sex 3")]
    [InlineData("8B083230323630313135", "8B083230323631333135", "a month 13")]
    [InlineData("8906333330323131", "89053333303231", "a five-digit region")]
    [InlineData("8306E5BCA0E4B889", "8306E5BCA0E4B8FF", "a name that is not UTF-8")]
    [InlineData("8112333330323131323032363030303030303135", "8112333330323131323032363030303030303136", "a wrong permit number check character")]
    [InlineData("8212313130313035313934393132333130303258", "8212313130313035313934393132333130303259", "an ID number check character Y")]
    public void A_template_that_breaks_the_field_rules_is_malformed(string original, string replacement, string why)
    {
        var file = WithTemplateContent(Examples.PermitFileHex[6..].Replace(original, replacement, StringComparison.Ordinal));

        var result = PermitFile.Decode(file);

        Assert.False(result.IsValid, why);
        Assert.NotNull(result.Error);
    }

    [Fact]
    public void Fields_out_of_order_are_malformed()
    {
        var content = Examples.PermitFileHex[6..];
        var swapped = content.Replace("840131" + "85023031", "85023031" + "840131", StringComparison.Ordinal);

        Assert.False(PermitFile.Decode(WithTemplateContent(swapped)).IsValid);
    }

    [Fact]
    public void A_name_over_60_UTF8_bytes_is_malformed_on_the_card_and_refused_when_writing()
    {
        var longName = new string('张', 21);   // 63 bytes in UTF-8
        var nameHex = "833F" + Convert.ToHexString(System.Text.Encoding.UTF8.GetBytes(longName));
        var file = WithTemplateContent(Examples.PermitFileHex[6..].Replace("8306E5BCA0E4B889", nameHex, StringComparison.Ordinal));

        Assert.False(PermitFile.Decode(file).IsValid);
        Assert.Throws<ArgumentException>(() => PermitFile.Encode(Examples.Permit with { Name = longName }));
        Assert.True(PermitFile.Decode(PermitFile.Encode(Examples.Permit with { Name = new string('张', 20) })).IsValid);
    }

    [Fact]
    public void Addresses_may_use_their_full_210_bytes()
    {
        var permit = Examples.Permit with { HukouAddress = new string('北', 70), ResidenceAddress = new string('宁', 70) };

        var file = PermitFile.Encode(permit);

        Assert.Equal(permit, PermitFile.Decode(file).Value);
        Assert.Equal("7082", Convert.ToHexString(file.AsSpan(0, 2)));
    }

    [Theory]
    [InlineData("", "empty")]
    [InlineData("71028001", "another template tag")]
    [InlineData("70818D8001", "truncated")]
    [InlineData("FF70", "padding before the template")]
    public void Bytes_that_are_not_one_EF_PERMIT_template_are_malformed(string hex, string why) =>
        Assert.False(PermitFile.Decode(Convert.FromHexString(hex)).IsValid, why);

    [Fact]
    public void A_non_minimal_length_is_malformed_because_signed_data_has_one_encoding()
    {
        var content = Examples.PermitFileHex[6..].Replace("8D0101", "8D810101", StringComparison.Ordinal);

        Assert.False(PermitFile.Decode(WithTemplateContent(content)).IsValid);
    }

    [Fact]
    public void Bytes_after_the_template_other_than_padding_are_malformed() =>
        Assert.False(PermitFile.Decode(Convert.FromHexString(Examples.PermitFileHex + "800101")).IsValid);

    private static byte[] WithTemplateContent(string contentHex)
    {
        var content = Convert.FromHexString(contentHex);
        return Permit.Iso7816.Tlv.TlvWriter.Encode(0x70, content);
    }
}

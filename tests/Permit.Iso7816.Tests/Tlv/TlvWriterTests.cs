using Permit.Iso7816.Tlv;

namespace Permit.Iso7816.Tests.Tlv;

public class TlvWriterTests
{
    [Theory]
    [InlineData(0, "00")]
    [InlineData(0x7F, "7F")]
    [InlineData(0x80, "8180")]
    [InlineData(0xFF, "81FF")]
    [InlineData(0x100, "820100")]
    [InlineData(0xFFFF, "82FFFF")]
    public void Lengths_are_written_in_their_shortest_definite_form(int length, string expected) =>
        Assert.Equal(Convert.FromHexString(expected), TlvWriter.EncodeLength(length));

    [Fact]
    public void A_length_over_65535_is_refused() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => TlvWriter.EncodeLength(0x10000));

    [Fact]
    public void A_primitive_object_is_tag_length_value()
    {
        var bytes = new TlvWriter().WritePrimitive(0x80, 0x01).ToArray();

        Assert.Equal(Convert.FromHexString("800101"), bytes);
    }

    [Fact]
    public void A_two_byte_tag_with_a_long_value_uses_the_81_form()
    {
        var value = new byte[200];

        var bytes = TlvWriter.Encode(0x5F2E, value);

        Assert.Equal(Convert.FromHexString("5F2E81C8"), bytes[..4]);
        Assert.Equal(204, bytes.Length);
    }

    [Fact]
    public void A_constructed_object_wraps_what_its_callback_writes()
    {
        var bytes = new TlvWriter()
            .WriteConstructed(0x7F49, w => w.WritePrimitive(0x86, [0x04, 0xAA]))
            .ToArray();

        Assert.Equal(Convert.FromHexString("7F4904860204AA"), bytes);
    }

    [Fact]
    public void Nested_constructed_objects_get_their_lengths_from_the_content()
    {
        var bytes = new TlvWriter()
            .WriteConstructed(0x70, w => w
                .WriteConstructed(0xA1, inner => inner.WritePrimitive(0x80, new byte[130]))
                .WritePrimitive(0x81, 0x02))
            .ToArray();

        Assert.Equal(Convert.FromHexString("70818BA18185808182"), bytes[..9]);
        Assert.Equal(Convert.FromHexString("810102"), bytes[^3..]);
    }

    [Fact]
    public void A_constructed_tag_cannot_be_written_as_primitive() =>
        Assert.Throws<ArgumentException>(() => new TlvWriter().WritePrimitive(0x70, [1]));

    [Fact]
    public void A_primitive_tag_cannot_be_written_as_constructed() =>
        Assert.Throws<ArgumentException>(() => new TlvWriter().WriteConstructed(0x80, _ => { }));

    [Theory]
    [InlineData(0x00u)]
    [InlineData(0xFFu)]
    [InlineData(0x5F80u)]
    [InlineData(0x1Fu)]
    [InlineData(0x5F81u)]
    public void A_tag_that_cannot_be_encoded_is_refused(uint value) =>
        Assert.Throws<ArgumentOutOfRangeException>(() => new BerTag(value));
}

using Permit.Iso7816.Tlv;

namespace Permit.Iso7816.Tests.Tlv;

public class TlvReaderTests
{
    private static IReadOnlyList<TlvObject> Read(string hex, TlvReadOptions? options = null) =>
        TlvReader.ReadAll(Convert.FromHexString(hex), options);

    [Fact]
    public void A_single_primitive_object_is_read_with_its_tag_value_and_exact_bytes()
    {
        var tlv = Assert.Single(Read("8103414243"));

        Assert.Equal(0x81u, tlv.Tag.Value);
        Assert.False(tlv.IsConstructed);
        Assert.Equal("414243", Convert.ToHexString(tlv.Value.Span));
        Assert.Equal("8103414243", Convert.ToHexString(tlv.Encoded.Span));
    }

    [Theory]
    [InlineData("5F2E00", 0x5F2Eu, TagClass.Application, false)]
    [InlineData("7F4900", 0x7F49u, TagClass.Application, true)]
    [InlineData("9F020100", 0x9F02u, TagClass.ContextSpecific, false)]
    [InlineData("5F810100", 0x5F8101u, TagClass.Application, false)]
    [InlineData("C000", 0xC0u, TagClass.Private, false)]
    public void Multi_byte_tags_are_read_with_class_and_form(string hex, uint tag, TagClass tagClass, bool constructed)
    {
        var tlv = Assert.Single(Read(hex));

        Assert.Equal(tag, tlv.Tag.Value);
        Assert.Equal(tagClass, tlv.Tag.Class);
        Assert.Equal(constructed, tlv.IsConstructed);
    }

    [Fact]
    public void The_81_and_82_length_forms_are_read()
    {
        var longValue = new byte[300];
        var data = Convert.FromHexString("868180").Concat(new byte[0x80]).Concat(Convert.FromHexString("87820" + "12C")).Concat(longValue).ToArray();

        var objects = TlvReader.ReadAll(data);

        Assert.Equal(0x80, objects[0].Value.Length);
        Assert.Equal(300, objects[1].Value.Length);
    }

    [Fact]
    public void Padding_bytes_00_and_FF_between_objects_are_skipped()
    {
        var objects = Read("00FF800101FFFF00810102FF00");

        Assert.Equal([0x80u, 0x81u], objects.Select(o => o.Tag.Value));
        Assert.Equal(8, objects[1].Offset);
    }

    [Fact]
    public void Strict_reading_refuses_padding() =>
        Assert.Throws<TlvFormatException>(() => Read("800101FF", TlvReadOptions.Strict));

    [Fact]
    public void Strict_reading_refuses_a_length_written_longer_than_needed()
    {
        Assert.Throws<TlvFormatException>(() => Read("80810101", TlvReadOptions.Strict));
        Assert.Throws<TlvFormatException>(() => Read("8082000101", TlvReadOptions.Strict));
        Assert.Single(Read("80810101"));
    }

    [Fact]
    public void Nested_objects_are_read_from_a_constructed_value()
    {
        var template = Assert.Single(Read("700C8001018103414243A102C000"));

        var children = template.Children();

        Assert.Equal([0x80u, 0x81u, 0xA1u], children.Select(c => c.Tag.Value));
        Assert.Equal(0xC0u, Assert.Single(children[2].Children()).Tag.Value);
    }

    [Fact]
    public void A_primitive_object_has_no_children() =>
        Assert.Throws<InvalidOperationException>(() => Read("800101")[0].Children());

    [Theory]
    [InlineData("5F", "tag cut after its first byte")]
    [InlineData("5F80", "first subsequent tag byte 80")]
    [InlineData("5F818181818100", "tag longer than four bytes")]
    [InlineData("80", "no length")]
    [InlineData("8081", "81 without its length byte")]
    [InlineData("808201", "82 with one length byte")]
    [InlineData("8080", "indefinite length")]
    [InlineData("808300000100", "83 length form")]
    [InlineData("800501020304", "value shorter than its length")]
    [InlineData("7003800201", "child runs past its parent")]
    [InlineData("8082FFFF00", "huge length on a short input")]
    public void Malformed_input_is_reported_as_a_TLV_format_error(string hex, string why)
    {
        var data = Convert.FromHexString(hex);

        var error = Record.Exception(() =>
        {
            foreach (var o in TlvReader.ReadAll(data))
            {
                if (o.IsConstructed)
                {
                    _ = o.Children();
                }
            }
        });

        Assert.True(error is TlvFormatException, $"{why}: got {error?.GetType().Name ?? "no error"}");
    }

    [Fact]
    public void TryReadAll_returns_the_error_instead_of_throwing()
    {
        var ok = TlvReader.TryReadAll(Convert.FromHexString("800101810A"), out var objects, out var error);

        Assert.False(ok);
        Assert.Empty(objects);
        Assert.Equal(3, error!.Offset);
    }

    [Fact]
    public void What_the_writer_writes_the_reader_reads_back()
    {
        var bytes = new TlvWriter()
            .WriteConstructed(0x77, w => w.WritePrimitive(0x90, new byte[8]).WritePrimitive(0x9E, new byte[64]))
            .ToArray();

        var sig = Assert.Single(TlvReader.ReadAll(bytes, TlvReadOptions.Strict));

        Assert.Equal(bytes, sig.Encoded.ToArray());
        Assert.Equal([8, 64], sig.Children(TlvReadOptions.Strict).Select(c => c.Value.Length));
    }

    [Fact]
    public void An_empty_input_holds_no_objects() => Assert.Empty(Read(""));
}

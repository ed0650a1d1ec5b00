using static Permit.HardwareSim.Tests.Support.PermitApdus;

namespace Permit.HardwareSim.Tests.PermitCards;

public class ReadBinaryTests
{
    [Fact]
    public void READ_BINARY_on_a_blank_card_without_VERIFY_answers_6982()
    {
        var terminal = TestCards.Blank();
        terminal.Send(SelectPermitFile);
        Assert.Equal("69 82", terminal.Send(ReadFromStart));
    }

    [Fact]
    public void READ_BINARY_without_a_selected_EF_answers_6986() =>
        Assert.Equal("69 86", TestCards.Personalizing().Send(ReadFromStart));

    [Theory]
    [InlineData(SelectPermitFile)]
    [InlineData(SelectPhotoFile)]
    [InlineData(SelectChipKeyFile)]
    [InlineData(SelectSignatureFile)]
    public void An_EF_that_was_never_written_answers_6B00_at_offset_0(string selectFile)
    {
        var terminal = TestCards.Personalizing();
        terminal.Send(selectFile);
        Assert.Equal("6B 00", terminal.Send(ReadFromStart));
    }

    [Fact]
    public void Reading_with_Le_00_a_file_shorter_than_256_bytes_answers_the_whole_file_and_6282()
    {
        var terminal = TestCards.Active();
        terminal.Send(SelectPermitFile);
        Assert.Equal(TestCards.PermitObject + " 62 82", terminal.Send(ReadFromStart));
    }

    [Fact]
    public void Reading_exactly_the_bytes_that_remain_answers_9000()
    {
        var terminal = TestCards.Active();
        terminal.Send(SelectPermitFile);
        Assert.Equal("80 01 01 8D 01 01 90 00", terminal.Send("00 B0 00 02 06"));
    }

    [Fact]
    public void Reading_fewer_bytes_than_remain_answers_them_with_9000()
    {
        var terminal = TestCards.Active();
        terminal.Send(SelectPermitFile);
        Assert.Equal("70 06 90 00", terminal.Send("00 B0 00 00 02"));
    }

    [Fact]
    public void Reading_at_an_offset_near_the_end_answers_the_rest_and_6282()
    {
        var terminal = TestCards.Active();
        terminal.Send(SelectPermitFile);
        Assert.Equal("01 01 62 82", terminal.Send("00 B0 00 06 10"));
    }

    [Theory]
    [InlineData("00 B0 00 08 00")]
    [InlineData("00 B0 00 09 01")]
    [InlineData("00 B0 7F FF 00")]
    public void Reading_at_or_past_the_end_of_the_file_answers_6B00(string apdu)
    {
        var terminal = TestCards.Active();
        terminal.Send(SelectPermitFile);
        Assert.Equal("6B 00", terminal.Send(apdu));
    }

    [Fact]
    public void A_file_over_256_bytes_is_read_in_successive_offsets()
    {
        var terminal = TestCards.Personalizing();
        terminal.Send(SelectPhotoFile);
        var photo = Enumerable.Range(0, 300).Select(i => (byte)i).ToArray();
        Assert.Equal("90 00", terminal.Send(UpdateBinary(0, Convert.ToHexString(photo[..200]))));
        Assert.Equal("90 00", terminal.Send(UpdateBinary(200, Convert.ToHexString(photo[200..]))));

        var first = terminal.SendBytes("00 B0 00 00 00");
        var rest = terminal.SendBytes("00 B0 01 00 00");

        Assert.Equal("90 00", Hex.Format(first.AsSpan(256)));
        Assert.Equal("62 82", Hex.Format(rest.AsSpan(44)));
        Assert.Equal(photo, first[..256].Concat(rest[..44]));
    }

    [Fact]
    public void READ_BINARY_with_an_SFI_in_P1_answers_6A86()
    {
        var terminal = TestCards.Active();
        terminal.Send(SelectPermitFile);
        Assert.Equal("6A 86", terminal.Send("00 B0 81 00 00"));
    }

    [Theory]
    [InlineData("00 B0 00 00")]
    [InlineData("00 B0 00 00 01 00")]
    public void READ_BINARY_without_a_plain_Le_answers_6700(string apdu)
    {
        var terminal = TestCards.Active();
        terminal.Send(SelectPermitFile);
        Assert.Equal("67 00", terminal.Send(apdu));
    }
}

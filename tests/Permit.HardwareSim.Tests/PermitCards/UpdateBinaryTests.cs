using static Permit.HardwareSim.Tests.Support.PermitApdus;

namespace Permit.HardwareSim.Tests.PermitCards;

public class UpdateBinaryTests
{
    [Fact]
    public void Writing_while_personalizing_answers_9000_and_the_bytes_read_back()
    {
        var terminal = TestCards.Personalizing();
        terminal.Send(SelectSignatureFile);
        Assert.Equal("90 00", terminal.Send(UpdateBinary(0, TestCards.SignatureObject)));
        Assert.Equal(TestCards.SignatureObject + " 62 82", terminal.Send(ReadFromStart));
    }

    [Fact]
    public void Writing_on_a_blank_card_without_VERIFY_answers_6982()
    {
        var terminal = TestCards.Blank();
        terminal.Send(SelectPermitFile);
        Assert.Equal("69 82", terminal.Send(UpdateBinary(0, TestCards.PermitObject)));
    }

    [Fact]
    public void Writing_on_an_active_card_answers_6986_and_changes_nothing()
    {
        var terminal = TestCards.Active();
        terminal.Send(SelectPermitFile);
        Assert.Equal("69 86", terminal.Send(UpdateBinary(0, "70 00")));
        Assert.Equal(TestCards.PermitObject + " 62 82", terminal.Send(ReadFromStart));
    }

    [Fact]
    public void Writing_without_a_selected_EF_answers_6986() =>
        Assert.Equal("69 86", TestCards.Personalizing().Send(UpdateBinary(0, "70 00")));

    [Theory]
    [InlineData(SelectPermitFile, 1024)]
    [InlineData(SelectPhotoFile, 16384)]
    [InlineData(SelectChipKeyFile, 72)]
    [InlineData(SelectSignatureFile, 256)]
    public void Writing_up_to_the_files_maximum_size_is_allowed_and_one_byte_more_answers_6A84(string selectFile, int maxBytes)
    {
        var terminal = TestCards.Personalizing();
        terminal.Send(selectFile);
        Assert.Equal("90 00", terminal.Send(UpdateBinary(maxBytes - 2, "AA BB")));
        Assert.Equal("6A 84", terminal.Send(UpdateBinary(maxBytes - 1, "AA BB")));
        Assert.Equal("6A 84", terminal.Send(UpdateBinary(maxBytes, "AA")));
    }

    [Fact]
    public void A_write_at_an_offset_overwrites_and_extends_the_file()
    {
        var terminal = TestCards.Personalizing();
        terminal.Send(SelectPermitFile);
        terminal.Send(UpdateBinary(0, "70 04 80 01 01 00"));
        Assert.Equal("90 00", terminal.Send(UpdateBinary(5, "02 8D 01 01")));
        Assert.Equal("70 04 80 01 01 02 8D 01 01 62 82", terminal.Send(ReadFromStart));
    }

    [Fact]
    public void A_write_past_the_current_end_leaves_a_gap_of_00_bytes()
    {
        var terminal = TestCards.Personalizing();
        terminal.Send(SelectPermitFile);
        terminal.Send(UpdateBinary(0, "70 00"));
        terminal.Send(UpdateBinary(4, "FF"));
        Assert.Equal("70 00 00 00 FF 62 82", terminal.Send(ReadFromStart));
    }

    [Fact]
    public void A_write_at_offset_0_begins_the_file_anew_so_a_repersonalized_card_holds_exactly_the_new_object()
    {
        var terminal = TestCards.Personalizing();
        terminal.Send(SelectPermitFile);
        terminal.Send(UpdateBinary(0, "70 06 80 01 01 8D 01 01"));
        terminal.Send(UpdateBinary(0, "70 03 80 01 01"));
        Assert.Equal("70 03 80 01 01 62 82", terminal.Send(ReadFromStart));
    }

    [Theory]
    [InlineData("00 D6 00 00")]
    [InlineData("00 D6 00 00 02 70 00 00")]
    [InlineData("00 D6 00 00 05 70 00")]
    public void An_UPDATE_BINARY_without_a_plain_data_field_answers_6700(string apdu)
    {
        var terminal = TestCards.Personalizing();
        terminal.Send(SelectPermitFile);
        Assert.Equal("67 00", terminal.Send(apdu));
    }

    [Fact]
    public void An_UPDATE_BINARY_with_an_SFI_in_P1_answers_6A86()
    {
        var terminal = TestCards.Personalizing();
        terminal.Send(SelectPermitFile);
        Assert.Equal("6A 86", terminal.Send("00 D6 81 00 02 70 00"));
    }
}

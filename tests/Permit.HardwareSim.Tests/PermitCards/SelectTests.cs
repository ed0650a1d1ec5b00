using static Permit.HardwareSim.Tests.Support.PermitApdus;

namespace Permit.HardwareSim.Tests.PermitCards;

public class SelectTests
{
    private readonly Terminal _terminal = new(TestCards.NewBlankCard());

    [Fact]
    public void Selecting_the_permit_application_answers_9000_without_FCI() =>
        Assert.Equal("90 00", _terminal.Send(SelectApplication));

    [Fact]
    public void Selecting_the_application_without_asking_for_FCI_also_answers_9000() =>
        Assert.Equal("90 00", _terminal.Send("00 A4 04 0C 08 F0 50 45 52 4D 49 54 01"));

    [Theory]
    [InlineData("00 A4 04 00 08 F0 50 45 52 4D 49 54 02 00")]
    [InlineData("00 A4 04 00 07 A0 00 00 02 47 10 01 00")]
    [InlineData("00 A4 04 00 08 F0 49 44 43 41 52 44 01 00")]
    public void Selecting_another_application_answers_6A82(string select) =>
        Assert.Equal("6A 82", _terminal.Send(select));

    [Fact]
    public void Selecting_an_EF_before_the_application_answers_6986() =>
        Assert.Equal("69 86", _terminal.Send(SelectPermitFile));

    [Theory]
    [InlineData(SelectPermitFile)]
    [InlineData(SelectPhotoFile)]
    [InlineData(SelectChipKeyFile)]
    [InlineData(SelectSignatureFile)]
    public void Every_EF_of_the_spec_can_be_selected_on_a_blank_card(string selectFile)
    {
        _terminal.Send(SelectApplication);
        Assert.Equal("90 00", _terminal.Send(selectFile));
    }

    [Theory]
    [InlineData("00 A4 02 0C 02 01 05")]
    [InlineData("00 A4 02 0C 02 3F 00")]
    [InlineData("00 A4 02 0C 02 00 01")]
    public void Selecting_an_unknown_FID_answers_6A82(string select)
    {
        _terminal.Send(SelectApplication);
        Assert.Equal("6A 82", _terminal.Send(select));
    }

    [Theory]
    [InlineData("00 A4 08 0C 02 01 01")]
    [InlineData("00 A4 02 04 02 01 01")]
    [InlineData("00 A4 04 04 08 F0 50 45 52 4D 49 54 01 00")]
    public void A_SELECT_with_unsupported_P1_P2_answers_6A86(string select)
    {
        _terminal.Send(SelectApplication);
        Assert.Equal("6A 86", _terminal.Send(select));
    }

    [Theory]
    [InlineData("00 A4 02 0C 01 01")]
    [InlineData("00 A4 02 0C 03 01 01 00")]
    [InlineData("00 A4 02 0C")]
    public void A_SELECT_EF_whose_data_is_not_two_bytes_answers_6700(string select)
    {
        _terminal.Send(SelectApplication);
        Assert.Equal("67 00", _terminal.Send(select));
    }

    [Fact]
    public void Selecting_the_application_again_forgets_the_selected_EF()
    {
        var terminal = TestCards.Active();
        terminal.Send(SelectPermitFile);
        terminal.Send(SelectApplication);
        Assert.Equal("69 86", terminal.Send(ReadFromStart));
    }

    [Fact]
    public void A_failed_application_SELECT_keeps_the_application_selected()
    {
        var terminal = TestCards.Active();
        Assert.Equal("6A 82", terminal.Send("00 A4 04 00 08 F0 49 44 43 41 52 44 01 00"));
        Assert.Equal("90 00", terminal.Send(SelectPermitFile));
    }

    [Fact]
    public void The_card_answers_with_an_ATR_pcsc_lite_accepts()
    {
        var atr = _terminal.Reader.Card!.Atr;
        Assert.InRange(atr.Length, 2, 33);
        Assert.Equal(0x3B, atr.Span[0]);
        Assert.IsType<PermitCard>(_terminal.Reader.Card);
    }
}

using static Permit.HardwareSim.Tests.Support.PermitApdus;

namespace Permit.HardwareSim.Tests.PermitCards;

/// <summary>docs/permit-card.md: "Checks run in this order: CLA, then INS, then the life-cycle state, then P1/P2 and lengths."</summary>
public class CheckOrderTests
{
    [Theory]
    [InlineData("80 CA 01 01 00")]
    [InlineData("01 A4 04 00 08 F0 50 45 52 4D 49 54 01 00")]
    [InlineData("0C B0 00 00 00")]
    [InlineData("80 FF 00 00")]
    public void An_unknown_CLA_answers_6E00_before_anything_else(string apdu) =>
        Assert.Equal("6E 00", new Terminal(TestCards.NewBlankCard()).Send(apdu));

    [Theory]
    [InlineData("00 FF 00 00")]
    [InlineData("00 84 00 00 08")]
    [InlineData("00 D0 00 00 01 00")]
    [InlineData("00 C0 00 00 00")]
    public void An_unknown_INS_answers_6D00_even_before_the_application_is_selected(string apdu) =>
        Assert.Equal("6D 00", new Terminal(TestCards.NewBlankCard()).Send(apdu));

    [Fact]
    public void An_unknown_CLA_on_a_terminated_card_still_answers_6E00()
    {
        var terminal = TestCards.Active();
        terminal.Send(Terminate);
        Assert.Equal("6E 00", terminal.Send("80 A4 04 00 08 F0 50 45 52 4D 49 54 01 00"));
        Assert.Equal("6D 00", terminal.Send("00 FF 00 00"));
    }

    [Theory]
    [InlineData(VerifyRightCode)]
    [InlineData(ReadFromStart)]
    [InlineData("00 D6 00 00 01 00")]
    [InlineData(GenerateKeyPair)]
    [InlineData(Activate)]
    [InlineData("00 88 00 00 08 01 02 03 04 05 06 07 08 00")]
    [InlineData(Terminate)]
    public void Any_command_but_SELECT_and_GET_DATA_before_the_application_is_selected_answers_6985(string apdu) =>
        Assert.Equal("69 85", new Terminal(TestCards.NewBlankCard()).Send(apdu));

    [Fact]
    public void The_missing_application_is_reported_before_wrong_P1_P2_or_lengths() =>
        Assert.Equal("69 85", new Terminal(TestCards.NewBlankCard()).Send("00 20 00 07 03 31 32 33"));

    [Fact]
    public void The_life_cycle_state_is_checked_before_P1_P2() =>
        Assert.Equal("69 82", TestCards.Blank().Send("00 B0 80 00 00"));

    [Fact]
    public void The_life_cycle_state_is_checked_before_lengths() =>
        Assert.Equal("69 85", TestCards.Blank().Send("00 88 00 00 01 00"));

    [Fact]
    public void P1_P2_are_checked_before_lengths() =>
        Assert.Equal("6A 86", TestCards.Blank().Send("00 CA 01 02"));

    [Theory]
    [InlineData("00 CA 01 01")]
    [InlineData("00 CA 01 01 04")]
    [InlineData("00 CA 01 01 01 00 00")]
    [InlineData("00 CA 01 01 00 00 08")]
    public void A_GET_DATA_without_room_for_the_serial_answers_6700(string apdu) =>
        Assert.Equal("67 00", TestCards.Blank().Send(apdu));
}

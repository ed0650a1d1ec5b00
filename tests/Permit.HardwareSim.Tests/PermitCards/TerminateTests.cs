using static Permit.HardwareSim.Tests.Support.PermitApdus;

namespace Permit.HardwareSim.Tests.PermitCards;

public class TerminateTests
{
    [Fact]
    public void TERMINATE_on_an_active_card_answers_9000_and_the_card_is_terminated()
    {
        var terminal = TestCards.Active();
        Assert.Equal("90 00", terminal.Send(Terminate));
        Assert.Equal(CardLifeCycle.Terminated, ((PermitCard)terminal.Reader.Card!).LifeCycle);
    }

    [Fact]
    public void TERMINATE_on_a_card_that_is_not_active_answers_6985()
    {
        Assert.Equal("69 85", TestCards.Blank().Send(Terminate));
        Assert.Equal("69 85", TestCards.Personalized().Send(Terminate));
    }

    [Fact]
    public void TERMINATE_with_P1_P2_other_than_00_00_answers_6A86() =>
        Assert.Equal("6A 86", TestCards.Active().Send("00 E6 01 00"));

    [Fact]
    public void TERMINATE_with_an_Le_answers_6700() =>
        Assert.Equal("67 00", TestCards.Active().Send("00 E6 00 00 00"));

    [Theory]
    [InlineData(SelectApplication)]
    [InlineData("00 A4 04 00 08 F0 49 44 43 41 52 44 01 00")]
    [InlineData(SelectPermitFile)]
    [InlineData("00 A4 09 00")]
    public void A_terminated_card_answers_every_SELECT_with_6285(string select)
    {
        var terminal = TestCards.Active();
        terminal.Send(Terminate);
        Assert.Equal("62 85", terminal.Send(select));
    }

    [Theory]
    [InlineData(ReadFromStart)]
    [InlineData(VerifyRightCode)]
    [InlineData("00 D6 00 00 01 00")]
    [InlineData(GenerateKeyPair)]
    [InlineData(Activate)]
    [InlineData("00 88 00 00 08 01 02 03 04 05 06 07 08 00")]
    [InlineData(Terminate)]
    [InlineData(GetSerial)]
    [InlineData("00 B0 80 00")]
    public void A_terminated_card_answers_every_other_command_with_6985(string apdu)
    {
        var terminal = TestCards.Active();
        terminal.Send(SelectPermitFile);
        terminal.Send(Terminate);
        Assert.Equal("69 85", terminal.Send(apdu));
    }

    [Fact]
    public void A_terminated_card_stays_terminated_after_reinsertion()
    {
        var terminal = TestCards.Active();
        terminal.Send(Terminate);
        terminal.Reinsert();
        Assert.Equal("62 85", terminal.Send(SelectApplication));
        Assert.Equal("69 85", terminal.Send(InternalAuthenticate("0102030405060708")));
    }
}

using static Permit.HardwareSim.Tests.Support.PermitApdus;

namespace Permit.HardwareSim.Tests.PermitCards;

public class VerifyTests
{
    [Fact]
    public void The_right_transport_code_answers_9000_and_starts_personalization()
    {
        var terminal = TestCards.Blank();
        Assert.Equal("90 00", terminal.Send(VerifyRightCode));
        Assert.Equal(CardLifeCycle.Personalizing, ((PermitCard)terminal.Reader.Card!).LifeCycle);
    }

    [Fact]
    public void Each_wrong_code_answers_63Cx_with_the_tries_left_then_the_code_is_blocked()
    {
        var terminal = TestCards.Blank();
        Assert.Equal("63 C2", terminal.Send(VerifyWrongCode));
        Assert.Equal("63 C1", terminal.Send(VerifyWrongCode));
        Assert.Equal("63 C0", terminal.Send(VerifyWrongCode));
        Assert.Equal("69 83", terminal.Send(VerifyWrongCode));
    }

    [Fact]
    public void A_blocked_code_refuses_even_the_right_code_and_the_card_stays_blank()
    {
        var terminal = TestCards.Blank();
        for (var i = 0; i < 3; i++)
        {
            terminal.Send(VerifyWrongCode);
        }

        Assert.Equal("69 83", terminal.Send(VerifyRightCode));
        Assert.Equal("69 82", terminal.Send(GenerateKeyPair));
        Assert.Equal(CardLifeCycle.Blank, ((PermitCard)terminal.Reader.Card!).LifeCycle);
    }

    [Fact]
    public void A_blocked_code_stays_blocked_after_power_off_and_reload_from_the_card_file()
    {
        using var folder = new TempFolder();
        var terminal = TestCards.Blank(folder.CardFile);
        for (var i = 0; i < 3; i++)
        {
            terminal.Send(VerifyWrongCode);
        }

        var reloaded = new Terminal(PermitCard.Load(folder.CardFile));
        reloaded.Send(SelectApplication);
        Assert.Equal("69 83", reloaded.Send(VerifyRightCode));
    }

    [Fact]
    public void The_right_code_restores_the_tries_counter()
    {
        var terminal = TestCards.Blank();
        terminal.Send(VerifyWrongCode);
        terminal.Send(VerifyWrongCode);
        Assert.Equal("90 00", terminal.Send(VerifyRightCode));
        Assert.Equal("63 C2", terminal.Send(VerifyWrongCode));
    }

    [Fact]
    public void A_wrong_code_while_personalizing_ends_the_verified_session()
    {
        var terminal = TestCards.Personalizing();
        Assert.Equal("63 C2", terminal.Send(VerifyWrongCode));
        Assert.Equal("69 82", terminal.StatusOf(GenerateKeyPair));
    }

    [Fact]
    public void The_security_state_is_lost_when_the_card_is_reinserted()
    {
        var terminal = TestCards.Personalizing();
        terminal.Reinsert();
        terminal.Send(SelectApplication);
        Assert.Equal("69 82", terminal.Send(ReadFromStart));
        Assert.Equal(CardLifeCycle.Blank, ((PermitCard)terminal.Reader.Card!).LifeCycle);
    }

    [Fact]
    public void The_security_state_is_lost_on_a_power_cycle_in_the_reader()
    {
        var terminal = TestCards.Personalizing();
        terminal.Reader.PowerCycle();
        Assert.Equal("69 85", terminal.Send(ReadFromStart));
        terminal.Send(SelectApplication);
        Assert.Equal("69 82", terminal.Send(ReadFromStart));
    }

    [Fact]
    public void VERIFY_on_an_active_card_answers_6985() =>
        Assert.Equal("69 85", TestCards.Active().Send(VerifyRightCode));

    [Theory]
    [InlineData("00 20 00 00 08 31 32 33 34 35 36 37 38")]
    [InlineData("00 20 00 81 08 31 32 33 34 35 36 37 38")]
    [InlineData("00 20 01 01 08 31 32 33 34 35 36 37 38")]
    public void VERIFY_of_another_reference_answers_6A86(string apdu) =>
        Assert.Equal("6A 86", TestCards.Blank().Send(apdu));

    [Theory]
    [InlineData("00 20 00 01 04 31 32 33 34")]
    [InlineData("00 20 00 01")]
    [InlineData("00 20 00 01 09 31 32 33 34 35 36 37 38 39")]
    [InlineData("00 20 00 01 08 31 32 33 34 35 36 37 38 00")]
    public void VERIFY_with_a_code_that_is_not_8_bytes_answers_6700_and_costs_no_try(string apdu)
    {
        var terminal = TestCards.Blank();
        Assert.Equal("67 00", terminal.Send(apdu));
        Assert.Equal("63 C2", terminal.Send(VerifyWrongCode));
    }

    [Fact]
    public void A_card_made_with_another_transport_code_accepts_only_that_code()
    {
        var terminal = new Terminal(PermitCard.CreateBlank(Hex.Parse(TestCards.Serial), Hex.Parse("A1A2A3A4A5A6A7A8")));
        terminal.Send(SelectApplication);
        Assert.Equal("63 C2", terminal.Send(VerifyRightCode));
        Assert.Equal("90 00", terminal.Send("00 20 00 01 08 A1 A2 A3 A4 A5 A6 A7 A8"));
    }
}

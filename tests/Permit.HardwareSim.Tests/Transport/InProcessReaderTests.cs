using Permit.HardwareSim.Transport;
using Permit.Iso7816;
using static Permit.HardwareSim.Tests.Support.PermitApdus;

namespace Permit.HardwareSim.Tests.Transport;

public class InProcessReaderTests
{
    [Fact]
    public void A_channel_carries_APDUs_to_the_inserted_card()
    {
        var channel = new InProcessReader(TestCards.NewBlankCard()).Connect();
        Assert.IsAssignableFrom<ICardChannel>(channel);
        Assert.Equal("90 00", Hex.Format(channel.Transmit(Hex.Parse(SelectApplication))));
    }

    [Fact]
    public void Connecting_to_an_empty_reader_reports_the_card_removed() =>
        Assert.Throws<CardRemovedException>(() => new InProcessReader().Connect());

    [Fact]
    public void Transmitting_after_the_card_was_removed_throws_CardRemovedException()
    {
        var reader = new InProcessReader(TestCards.NewBlankCard());
        var channel = reader.Connect();
        reader.Remove();
        Assert.False(reader.IsInserted);
        Assert.Throws<CardRemovedException>(() => channel.Transmit(Hex.Parse(GetSerial)));
    }

    [Fact]
    public void A_channel_opened_before_removal_stays_dead_after_the_card_is_back_but_a_new_one_works()
    {
        var reader = new InProcessReader(TestCards.NewBlankCard());
        var old = reader.Connect();
        reader.Remove();
        reader.Insert();

        Assert.Throws<CardRemovedException>(() => old.Transmit(Hex.Parse(GetSerial)));
        Assert.Equal("01 02 03 04 05 06 07 08 90 00", Hex.Format(reader.Connect().Transmit(Hex.Parse(GetSerial))));
    }

    [Fact]
    public void Inserting_another_card_replaces_the_first()
    {
        var reader = new InProcessReader(TestCards.NewBlankCard());
        var other = Permit.HardwareSim.PermitCards.PermitCard.CreateBlank(Hex.Parse("AAAAAAAAAAAAAAAA"), Permit.HardwareSim.PermitCards.PermitCard.DefaultTransportCode.Span);
        reader.Insert(other);
        Assert.Equal("AA AA AA AA AA AA AA AA 90 00", Hex.Format(reader.Connect().Transmit(Hex.Parse(GetSerial))));
    }

    [Fact]
    public void A_power_cycle_keeps_the_channel_but_forgets_the_selected_application()
    {
        var reader = new InProcessReader(TestCards.NewBlankCard());
        var channel = reader.Connect();
        channel.Transmit(Hex.Parse(SelectApplication));
        reader.PowerCycle();
        Assert.Equal("69 85", Hex.Format(channel.Transmit(Hex.Parse(VerifyRightCode))));
    }

    [Fact]
    public void A_forced_status_word_answers_the_next_commands_without_reaching_the_card()
    {
        var terminal = new Terminal(TestCards.NewBlankCard());
        terminal.Reader.Faults.AnswerNext(0x6F00, count: 2);

        Assert.Equal("6F 00", terminal.Send(SelectApplication));
        Assert.Equal("6F 00", terminal.Send(GetSerial));
        Assert.Equal("69 85", terminal.Send(VerifyRightCode));
    }

    [Fact]
    public void A_drop_at_the_third_APDU_answers_two_and_then_the_card_is_out()
    {
        var terminal = new Terminal(TestCards.NewBlankCard());
        terminal.Reader.Faults.DropConnectionAt(3);

        Assert.Equal("90 00", terminal.Send(SelectApplication));
        Assert.Equal("90 00", terminal.StatusOf(GetSerial));
        Assert.Throws<CardRemovedException>(() => terminal.Send(VerifyRightCode));
        Assert.False(terminal.Reader.IsInserted);
    }

    [Fact]
    public void A_dropped_APDU_never_reaches_the_card()
    {
        var terminal = TestCards.Blank();
        terminal.Reader.Faults.DropConnectionAt(1);
        Assert.Throws<CardRemovedException>(() => terminal.Send(VerifyWrongCode));

        terminal.Reinsert();
        terminal.Send(SelectApplication);
        Assert.Equal("63 C2", terminal.Send(VerifyWrongCode));
    }

    [Fact]
    public void A_slow_card_still_answers()
    {
        var terminal = new Terminal(TestCards.NewBlankCard());
        terminal.Reader.Faults.AnswerDelay = TimeSpan.FromMilliseconds(20);
        Assert.Equal("90 00", terminal.Send(SelectApplication));
    }

    [Fact]
    public void Clearing_faults_cancels_pending_ones()
    {
        var terminal = new Terminal(TestCards.NewBlankCard());
        terminal.Reader.Faults.AnswerNext(0x6F00);
        terminal.Reader.Faults.DropConnectionAt(1);
        terminal.Reader.Faults.Clear();
        Assert.Equal("90 00", terminal.Send(SelectApplication));
    }
}

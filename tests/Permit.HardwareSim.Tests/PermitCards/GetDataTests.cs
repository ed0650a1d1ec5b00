using static Permit.HardwareSim.Tests.Support.PermitApdus;

namespace Permit.HardwareSim.Tests.PermitCards;

public class GetDataTests
{
    private const string SerialAnswer = "01 02 03 04 05 06 07 08 90 00";

    [Fact]
    public void GET_DATA_answers_the_8_byte_serial_before_any_SELECT() =>
        Assert.Equal(SerialAnswer, new Terminal(TestCards.NewBlankCard()).Send(GetSerial));

    [Fact]
    public void GET_DATA_answers_the_serial_on_a_blank_card() =>
        Assert.Equal(SerialAnswer, TestCards.Blank().Send(GetSerial));

    [Fact]
    public void GET_DATA_answers_the_serial_while_personalizing() =>
        Assert.Equal(SerialAnswer, TestCards.Personalizing().Send(GetSerial));

    [Fact]
    public void GET_DATA_answers_the_serial_on_an_active_card() =>
        Assert.Equal(SerialAnswer, TestCards.Active().Send(GetSerial));

    [Fact]
    public void GET_DATA_with_Le_08_answers_the_serial() =>
        Assert.Equal(SerialAnswer, TestCards.Blank().Send("00 CA 01 01 08"));

    [Fact]
    public void GET_DATA_for_another_data_object_answers_6A86() =>
        Assert.Equal("6A 86", TestCards.Blank().Send("00 CA 9F 7F 00"));

    [Fact]
    public void GET_DATA_on_a_terminated_card_answers_6985_because_a_terminated_card_answers_only_SELECT()
    {
        // Spec conflict, decided for the TERMINATED row (see PermitCard.Process).
        var terminal = TestCards.Active();
        terminal.Send(Terminate);
        Assert.Equal("69 85", terminal.Send(GetSerial));
    }

    [Fact]
    public void A_new_card_gets_a_random_serial_each_time()
    {
        Assert.NotEqual(
            Convert.ToHexString(Permit.HardwareSim.PermitCards.PermitCard.NewSerial()),
            Convert.ToHexString(Permit.HardwareSim.PermitCards.PermitCard.NewSerial()));
    }
}

namespace Permit.Iso7816.Tests.Apdu;

public sealed class ResponseApduTests
{
    [Fact]
    public void The_last_two_bytes_are_the_status_word_and_the_rest_is_data()
    {
        var response = new ResponseApdu(Convert.FromHexString("0102036282"));

        Assert.Equal(0x62, response.SW1);
        Assert.Equal(0x82, response.SW2);
        Assert.Equal(StatusWords.EndOfFileReached, response.StatusWord);
        Assert.Equal([1, 2, 3], response.Data.ToArray());
        Assert.False(response.IsSuccess);
    }

    [Fact]
    public void A_bare_9000_is_success_without_data()
    {
        var response = new ResponseApdu([0x90, 0x00]);

        Assert.True(response.IsSuccess);
        Assert.False(response.HasData);
    }

    [Fact]
    public void An_answer_shorter_than_the_status_word_is_a_transport_failure() =>
        Assert.Throws<CardCommunicationException>(() => new ResponseApdu([0x90]));

    [Theory]
    [InlineData(0x63C2, true, 2)]
    [InlineData(0x63C0, true, 0)]
    [InlineData(0x6300, false, 0)]
    [InlineData(0x9000, false, 0)]
    public void A_63Cx_answer_tells_how_many_tries_are_left(int statusWord, bool failed, int triesLeft)
    {
        Assert.Equal(failed, StatusWords.IsVerificationFailed(statusWord, out var tries));
        Assert.Equal(triesLeft, tries);
    }

    [Theory]
    [InlineData(0x6A82, "file or application not found")]
    [InlineData(0x6110, "16 more bytes available (GET RESPONSE)")]
    [InlineData(0x6C00, "wrong Le, exact length is 256")]
    [InlineData(0x6983, "authentication method blocked")]
    public void Status_words_have_readable_names(int statusWord, string meaning) =>
        Assert.Equal(meaning, StatusWords.Describe(statusWord));
}

public sealed class CardChannelExtensionsTests
{
    [Fact]
    public void Transmitting_a_command_apdu_sends_its_bytes_and_leaves_61xx_alone()
    {
        var card = new ScriptedChannel("6110");

        var response = card.Transmit(CommandApdu.Case2(0x00, 0xCA, 0x01, 0x01, 256));

        Assert.Equal(["00CA010100"], card.Sent);
        Assert.Equal(0x6110, response.StatusWord);
    }
}

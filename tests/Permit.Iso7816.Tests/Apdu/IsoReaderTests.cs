namespace Permit.Iso7816.Tests.Apdu;

public sealed class IsoReaderTests
{
    [Fact]
    public void A_plain_answer_is_returned_after_exactly_one_command()
    {
        var card = new ScriptedChannel("01029000");

        var response = new IsoReader(card).Transmit(CommandApdu.Case2(0x00, 0xB0, 0x00, 0x00, 2));

        Assert.Equal(["00B0000002"], card.Sent);
        Assert.Equal([1, 2], response.Data.ToArray());
        Assert.True(response.IsSuccess);
    }

    [Fact]
    public void Wrong_Le_6Cxx_resends_the_same_command_once_with_Le_xx()
    {
        var card = new ScriptedChannel("6C08", "11223344556677889000");

        var response = new IsoReader(card).Transmit(CommandApdu.Case2(0x00, 0x84, 0x00, 0x00, 256));

        Assert.Equal(["0084000000", "0084000008"], card.Sent);
        Assert.Equal(8, response.Data.Length);
    }

    [Fact]
    public void A_second_6Cxx_is_handed_back_rather_than_resent_for_ever()
    {
        var card = new ScriptedChannel("6C08", "6C04");

        var response = new IsoReader(card).Transmit(CommandApdu.Case2(0x00, 0x84, 0x00, 0x00, 256));

        Assert.Equal(2, card.Sent.Count);
        Assert.Equal(0x6C04, response.StatusWord);
    }

    [Fact]
    public void More_data_61xx_is_fetched_with_GET_RESPONSE_until_the_card_says_9000_and_concatenated()
    {
        var card = new ScriptedChannel("AA6103", "BBCCDD6102", "EEFF9000");

        var response = new IsoReader(card).Transmit(
            CommandApdu.Case4(0x00, 0x88, 0x00, 0x00, Convert.FromHexString("0102030405060708"), 256));

        Assert.Equal(["00880000080102030405060708" + "00", "00C0000003", "00C0000002"], card.Sent);
        Assert.Equal(Convert.FromHexString("AABBCCDDEEFF"), response.Data.ToArray());
        Assert.Equal(StatusWords.Success, response.StatusWord);
    }

    [Fact]
    public void GET_RESPONSE_keeps_the_class_byte_of_the_original_command()
    {
        var card = new ScriptedChannel("6102", "01029000");

        new IsoReader(card).Transmit(CommandApdu.Case2(0x0C, 0xB0, 0x00, 0x00, 256));

        Assert.Equal("0CC0000002", card.Sent[1]);
    }

    [Fact]
    public void The_first_GET_RESPONSE_asks_no_more_than_the_caller_wanted()
    {
        var card = new ScriptedChannel("6120", "01020304050607080910111213141516" + "9000");

        new IsoReader(card).Transmit(CommandApdu.Case2(0x00, 0xB0, 0x00, 0x00, 16));

        Assert.Equal("00C0000010", card.Sent[1]);
    }

    [Fact]
    public void A_6100_answer_fetches_256_bytes_with_Le_00()
    {
        var card = new ScriptedChannel("6100", Convert.ToHexString(new byte[256]) + "9000");

        var response = new IsoReader(card).Transmit(CommandApdu.Case3(0x00, 0xA4, 0x04, 0x00, [0xF0]));

        Assert.Equal("00C0000000", card.Sent[1]);
        Assert.Equal(256, response.Data.Length);
    }

    [Fact]
    public void A_GET_RESPONSE_answered_6Cxx_is_resent_with_the_exact_length()
    {
        var card = new ScriptedChannel("6110", "6C05", "01020304059000");

        var response = new IsoReader(card).Transmit(CommandApdu.Case2(0x00, 0xCA, 0x01, 0x01, 256));

        Assert.Equal(["00CA010100", "00C0000010", "00C0000005"], card.Sent);
        Assert.Equal(5, response.Data.Length);
    }

    [Fact]
    public void The_status_word_after_chaining_is_the_last_one_the_card_sent()
    {
        var card = new ScriptedChannel("6102", "01026282");

        var response = new IsoReader(card).Transmit(CommandApdu.Case2(0x00, 0xB0, 0x00, 0x00, 256));

        Assert.Equal(StatusWords.EndOfFileReached, response.StatusWord);
        Assert.Equal([1, 2], response.Data.ToArray());
    }
}

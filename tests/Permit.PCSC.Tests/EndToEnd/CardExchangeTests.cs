using Permit.Iso7816;

namespace Permit.PCSC.Tests.EndToEnd;

/// <summary>The binding against a real pcscd with vpcd readers and a scripted card.</summary>
[Collection(PrivatePcscd.Name)]
public sealed class CardExchangeTests(PcscRigFixture fixture)
{
    private static readonly byte[] SelectPermit = Convert.FromHexString("00A4040008F05045524D49540100");

    [Fact]
    public void Listing_readers_names_every_vpcd_slot()
    {
        var rig = fixture.Rig;
        using var context = SCardContext.Establish();

        var readers = context.GetReaders();

        Assert.Contains(rig.ReaderName(0), readers);
        Assert.Contains(rig.ReaderName(1), readers);
        Assert.True(context.IsValid());
    }

    [Fact]
    public async Task A_command_reaches_the_card_byte_for_byte_and_its_answer_comes_back()
    {
        var rig = fixture.Rig;
        await using var card = await rig.InsertCardAsync(0);
        using var context = SCardContext.Establish();

        using var handle = context.Connect(rig.ReaderName(0));
        var answer = handle.Transmit(SelectPermit);

        Assert.Equal([0x90, 0x00], answer);
        Assert.Equal(Convert.ToHexString(SelectPermit), Assert.Single(card.ReceivedApdus));
        Assert.Equal(SCardProtocol.T1, handle.ActiveProtocol);
        Assert.Equal(VpcdCard.DefaultAtr, handle.Atr);
    }

    [Fact]
    public async Task Pcscd_passes_61xx_through_and_the_iso_reader_fetches_the_rest_with_GET_RESPONSE()
    {
        var rig = fixture.Rig;
        await using var card = await rig.InsertCardAsync(1, apdu => apdu[1] switch
        {
            0xC0 => [0x03, 0x04, 0x90, 0x00],
            _ => [0x01, 0x02, 0x61, 0x02],
        });
        using var context = SCardContext.Establish();
        using var handle = context.Connect(rig.ReaderName(1));

        var response = new IsoReader(handle).Transmit(CommandApdu.Case2(0x00, 0xB0, 0x00, 0x00, 256));

        Assert.Equal([1, 2, 3, 4], response.Data.ToArray());
        Assert.Equal(StatusWords.Success, response.StatusWord);
        Assert.Equal(["00B0000000", "00C0000002"], card.ReceivedApdus);
    }

    [Fact]
    public void Connecting_to_an_empty_slot_throws_NoSmartcardException()
    {
        var rig = fixture.Rig;
        Readers.WaitForCard(rig.ReaderName(0), present: false);
        using var context = SCardContext.Establish();

        var error = Assert.Throws<NoSmartcardException>(() => context.Connect(rig.ReaderName(0)));

        Assert.Equal(SCardError.NoSmartcard, error.ErrorCode);
    }

    [Fact]
    public void Connecting_to_an_unknown_reader_throws_UnknownReaderException()
    {
        _ = fixture.Rig;
        using var context = SCardContext.Establish();

        Assert.Throws<UnknownReaderException>(() => context.Connect("No Such Reader 00 00"));
    }

    [Fact]
    public async Task Transmitting_after_the_card_was_pulled_out_throws_RemovedCardException()
    {
        var rig = fixture.Rig;
        var card = await rig.InsertCardAsync(0);
        using var context = SCardContext.Establish();
        using var handle = context.Connect(rig.ReaderName(0));

        await card.RemoveAsync();
        Readers.WaitForCard(rig.ReaderName(0), present: false);

        var error = Assert.Throws<RemovedCardException>(() => handle.Transmit(SelectPermit));
        Assert.IsAssignableFrom<CardRemovedException>(error);
    }

    [Fact]
    public async Task A_transaction_scope_ends_the_transaction_and_the_card_still_answers()
    {
        var rig = fixture.Rig;
        await using var card = await rig.InsertCardAsync(1);
        using var context = SCardContext.Establish();
        using var handle = context.Connect(rig.ReaderName(1));

        using (handle.BeginTransaction())
            handle.Transmit(SelectPermit);
        handle.Reconnect(initialization: SCardDisposition.Reset);

        Assert.Equal([0x90, 0x00], handle.Transmit(SelectPermit));
        Assert.Equal(rig.ReaderName(1), handle.GetStatus().ReaderName);
    }
}

namespace Permit.Iso7816;

/// <summary>
/// Sends command APDUs over an <see cref="ICardChannel"/> and does what ISO/IEC 7816-4 leaves to the terminal
/// (PC/SC readers pass <c>61xx</c> and <c>6Cxx</c> straight through):
/// <list type="bullet">
/// <item><c>6Cxx</c> (wrong Le): re-sends the command once with Ne = xx (00 = 256).</item>
/// <item><c>61xx</c> (more data): GET RESPONSE (<c>CLA C0 00 00 Le</c>, CLA of the original command) until the
/// card stops answering <c>61xx</c>; the data of every part is concatenated, the status word is the last one.</item>
/// </list>
/// </summary>
public sealed class IsoReader(ICardChannel channel)
{
    private const byte GetResponseIns = 0xC0;

    /// <summary>Stops a card that answers <c>61xx</c> for ever (65536 bytes in 256-byte parts, plus slack).</summary>
    private const int MaxGetResponses = 300;

    /// <summary>The largest Ne asked for in a GET RESPONSE (short APDUs: 256).</summary>
    public int MaxGetResponseNe { get; init; } = CommandApdu.MaxShortNe;

    /// <summary>Sends <paramref name="command"/> and returns the card's complete answer.</summary>
    /// <exception cref="CardRemovedException">The card left the reader.</exception>
    /// <exception cref="CardCommunicationException">The transport failed, or the card kept answering <c>61xx</c>.</exception>
    public ResponseApdu Transmit(CommandApdu command)
    {
        ArgumentNullException.ThrowIfNull(command);

        var response = Exchange(command);
        if (response.SW1 != StatusWords.BytesRemainingSW1)
            return response;

        var data = new List<byte>(response.Data.Span.ToArray());
        var first = true;
        for (var round = 0; response.SW1 == StatusWords.BytesRemainingSW1; round++)
        {
            if (round == MaxGetResponses)
                throw new CardCommunicationException($"The card answered 61xx to {MaxGetResponses} GET RESPONSE commands in a row.");

            var available = response.SW2 == 0 ? CommandApdu.MaxShortNe : response.SW2;
            // The first GET RESPONSE asks for no more than the caller wanted; later ones take what the card offers.
            var ne = first && command.Ne > 0 ? Math.Min(command.Ne, available) : available;
            ne = Math.Min(ne, MaxGetResponseNe);
            first = false;

            response = Exchange(CommandApdu.Case2(command.Cla, GetResponseIns, 0x00, 0x00, ne));
            data.AddRange(response.Data.Span);
        }

        return new ResponseApdu(data.ToArray(), response.StatusWord);
    }

    /// <summary>One command, re-sent once with the exact length when the card answers <c>6Cxx</c>.</summary>
    private ResponseApdu Exchange(CommandApdu command)
    {
        var response = new ResponseApdu(channel.Transmit(command.ToArray()));
        if (response.SW1 != StatusWords.WrongLeSW1)
            return response;

        var exact = response.SW2 == 0 ? CommandApdu.MaxShortNe : response.SW2;
        return new ResponseApdu(channel.Transmit(command.WithNe(exact).ToArray()));
    }
}

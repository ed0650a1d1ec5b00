using Permit.HardwareSim.Cards;
using Permit.HardwareSim.Transport;

namespace Permit.HardwareSim.Tests.Support;

/// <summary>A test terminal: an in-process reader with a card in it, spoken to in hex as a spec table reads.</summary>
internal sealed class Terminal
{
    private EmulatedCardChannel _channel;

    public Terminal(IEmulatedCard card)
    {
        Reader = new InProcessReader(card);
        _channel = Reader.Connect();
    }

    public InProcessReader Reader { get; }

    /// <summary>Sends an APDU written as hex ("00 A4 04 00 ...") and returns the whole response as spaced hex.</summary>
    public string Send(string apdu) => Hex.Format(SendBytes(apdu));

    public byte[] SendBytes(string apdu) => _channel.Transmit(Hex.Parse(apdu));

    /// <summary>Sends an APDU and returns only its status word ("90 00").</summary>
    public string StatusOf(string apdu)
    {
        var response = SendBytes(apdu);
        return Hex.Format(response.AsSpan(response.Length - 2));
    }

    /// <summary>Pulls the card out and puts it back: a fresh power-on, and a fresh channel.</summary>
    public void Reinsert()
    {
        Reader.Remove();
        Reader.Insert();
        _channel = Reader.Connect();
    }
}

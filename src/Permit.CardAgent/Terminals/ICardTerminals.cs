using Permit.Iso7816;

namespace Permit.CardAgent.Terminals;

/// <summary>One reader as the agent lists it: whether a card is in it, and that card's ATR.</summary>
public sealed record ReaderInfo(string Name, bool CardPresent, byte[] Atr)
{
    public string AtrHex => Convert.ToHexString(Atr);
}

/// <summary>
/// The card readers the agent talks to: PC/SC in production (<see cref="PcscTerminals"/>), emulated readers held
/// in process in tests. Failures are thrown as the typed exceptions <see cref="Failures.AgentFailure"/> translates.
/// </summary>
public interface ICardTerminals
{
    /// <summary>The readers attached now, in the order the service lists them (empty when there are none).</summary>
    IReadOnlyList<ReaderInfo> ListReaders();

    /// <summary>Connects to the card in <paramref name="readerName"/>; no other application reaches it until disposed.</summary>
    ICardConnection Connect(string readerName);
}

/// <summary>A connection to one card, carrying APDUs.</summary>
public interface ICardConnection : ICardChannel, IDisposable
{
    /// <summary>
    /// Ends the connection and resets the card, so no security state (a verified transport code) outlives a
    /// failed operation: a half-personalized card is BLANK again.
    /// </summary>
    void DisconnectAndReset();
}

namespace Permit.HardwareSim.Cards;

/// <summary>
/// A card as a reader sees it: an ATR, power, and one response APDU per command APDU.
/// Implementations are thread-safe: a transport and a control surface may touch a card at once.
/// </summary>
public interface IEmulatedCard
{
    /// <summary>The answer to reset (at most 33 bytes, the pcsc-lite limit).</summary>
    ReadOnlyMemory<byte> Atr { get; }

    /// <summary>Power on or warm reset: the volatile state (selected application and EF, security state) starts afresh.</summary>
    void Reset();

    /// <summary>Power off: the volatile state is lost; persistent state (files, life cycle, counters) stays.</summary>
    void PowerOff();

    /// <summary>Answers one command APDU with data ‖ SW1 ‖ SW2.</summary>
    byte[] Process(ReadOnlySpan<byte> command);
}

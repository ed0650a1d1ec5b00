using Permit.HardwareSim.Cards;

namespace Permit.Web.Tests.Support;

/// <summary>An emulated card that counts the command APDUs it is sent: what "the reader saw no APDU" is measured with.</summary>
public sealed class CountingCard(IEmulatedCard card) : IEmulatedCard
{
    private int _commands;

    public int Commands => Volatile.Read(ref _commands);

    public ReadOnlyMemory<byte> Atr => card.Atr;

    public void Reset() => card.Reset();

    public void PowerOff() => card.PowerOff();

    public byte[] Process(ReadOnlySpan<byte> command)
    {
        Interlocked.Increment(ref _commands);
        return card.Process(command);
    }
}

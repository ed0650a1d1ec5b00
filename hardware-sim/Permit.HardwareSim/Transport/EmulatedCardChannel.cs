using Permit.Iso7816;

namespace Permit.HardwareSim.Transport;

/// <summary>A connection to the card in an <see cref="InProcessReader"/>, valid for as long as that card stays in.</summary>
public sealed class EmulatedCardChannel : ICardChannel
{
    private readonly InProcessReader _reader;
    private readonly int _insertion;

    internal EmulatedCardChannel(InProcessReader reader, int insertion)
    {
        _reader = reader;
        _insertion = insertion;
    }

    /// <exception cref="CardRemovedException">The card was removed (even if it, or another card, is back in now).</exception>
    public byte[] Transmit(ReadOnlySpan<byte> command) => _reader.Transmit(_insertion, command);
}

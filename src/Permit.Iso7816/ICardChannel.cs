namespace Permit.Iso7816;

/// <summary>
/// A connection to one card that carries APDUs: a PC/SC card handle, or an emulated card held in process.
/// Everything above the transport (GET RESPONSE, wrong-Le re-sends, file reads) is written against this.
/// </summary>
public interface ICardChannel
{
    /// <summary>
    /// Sends one command APDU and returns the response APDU exactly as the card answered
    /// (data ‖ SW1 ‖ SW2), with no <c>61xx</c>/<c>6Cxx</c> handling.
    /// </summary>
    /// <exception cref="CardRemovedException">The card left the reader before it answered.</exception>
    /// <exception cref="CardCommunicationException">Any other failure of the transport.</exception>
    byte[] Transmit(ReadOnlySpan<byte> command);
}

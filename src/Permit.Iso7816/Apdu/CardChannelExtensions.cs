namespace Permit.Iso7816;

public static class CardChannelExtensions
{
    /// <summary>
    /// Sends one command APDU and returns the card's answer as it came, with no <c>61xx</c>/<c>6Cxx</c> handling
    /// (use <see cref="IsoReader"/> for that).
    /// </summary>
    public static ResponseApdu Transmit(this ICardChannel channel, CommandApdu command)
    {
        ArgumentNullException.ThrowIfNull(channel);
        ArgumentNullException.ThrowIfNull(command);
        return new ResponseApdu(channel.Transmit(command.ToArray()));
    }
}

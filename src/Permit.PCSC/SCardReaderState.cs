namespace Permit.PCSC;

/// <summary>
/// One entry of the <c>SCARD_READERSTATE</c> array of <c>SCardGetStatusChange</c>, platform-neutral.
/// </summary>
/// <remarks>
/// The raw values keep the upper 16 bits, where pcsc-lite and Windows count card insertions and removals.
/// Feeding <see cref="EventStateValue"/> back as the next <see cref="CurrentStateValue"/> (counter included) makes the
/// next call return at once if the card was removed and reinserted in between, instead of seeing "present" twice.
/// </remarks>
public sealed class SCardReaderState(string readerName)
{
    /// <summary>The PnP pseudo reader: its event counter changes when readers are attached or detached.</summary>
    public const string PnPNotification = @"\\?PnP?\Notification";

    public string ReaderName { get; } = readerName ?? throw new ArgumentNullException(nameof(readerName));

    /// <summary><c>dwCurrentState</c>: what the caller believes, raw (incl. the event counter in the upper 16 bits).</summary>
    public uint CurrentStateValue { get; set; }

    /// <summary><c>dwEventState</c>: what the service reported, raw (incl. the event counter in the upper 16 bits).</summary>
    public uint EventStateValue { get; set; }

    /// <summary><c>rgbAtr</c>/<c>cbAtr</c>: the ATR of the card in the reader, as reported with the event state.</summary>
    public byte[] Atr { get; set; } = [];

    public SCardReaderStates CurrentState
    {
        get => (SCardReaderStates)(CurrentStateValue & 0xFFFF);
        set => CurrentStateValue = (uint)value;
    }

    /// <summary>The event state without the counter bits.</summary>
    public SCardReaderStates EventState => (SCardReaderStates)(EventStateValue & 0xFFFF);

    /// <summary>The service's count of card events (insertions and removals) in this reader.</summary>
    public int EventCount => (int)(EventStateValue >> 16);

    /// <summary>Makes the last reported state the believed one, counter included, before the next wait.</summary>
    public void Acknowledge() => CurrentStateValue = EventStateValue & ~(uint)SCardReaderStates.Changed;
}

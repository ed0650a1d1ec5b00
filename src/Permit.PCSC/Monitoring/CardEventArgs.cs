namespace Permit.PCSC.Monitoring;

/// <summary>A change in one reader, as <see cref="CardMonitor"/> reports it.</summary>
public sealed class CardEventArgs(string readerName, SCardReaderStates previousState, SCardReaderStates state, byte[] atr) : EventArgs
{
    public string ReaderName { get; } = readerName;

    /// <summary>The state before this event (<see cref="SCardReaderStates.Unaware"/> for the first report).</summary>
    public SCardReaderStates PreviousState { get; } = previousState;

    /// <summary>The state now (without the event counter).</summary>
    public SCardReaderStates State { get; } = state;

    /// <summary>The card's ATR; empty when no card is present.</summary>
    public byte[] Atr { get; } = atr;

    public bool IsCardPresent => State.HasFlag(SCardReaderStates.Present);
}

/// <summary>A monitor hit a PC/SC error; <see cref="WillRetry"/> tells whether it goes on after a pause.</summary>
public sealed class MonitorErrorEventArgs(Exception exception, bool willRetry) : EventArgs
{
    public Exception Exception { get; } = exception;

    public bool WillRetry { get; } = willRetry;
}

namespace Permit.PCSC.Monitoring;

/// <summary>
/// Watches readers for card insertion and removal on a background thread with its own context,
/// like pcsc-sharp's <c>SCardMonitor</c>, and survives a restart of the PC/SC service.
/// </summary>
/// <remarks>
/// Each wait passes the previous full <c>dwEventState</c> (with pcsc-lite's event counter in the upper 16 bits) as
/// <c>dwCurrentState</c>, so a card removed and put back between two waits still wakes the monitor: it then reports
/// <see cref="CardRemoved"/> followed by <see cref="CardInserted"/>, not silence.
/// Events are raised on the monitor thread; handlers should return quickly.
/// </remarks>
public sealed class CardMonitor : IDisposable
{
    private readonly MonitorThread _thread;

    public CardMonitor(ISCardApi? api = null, SCardScope scope = SCardScope.System) =>
        _thread = new MonitorThread(api ?? SCardApi.Default, scope, "PC/SC card monitor");

    /// <summary>The first report of each reader's state after <see cref="Start"/>.</summary>
    public event EventHandler<CardEventArgs>? Initialized;

    public event EventHandler<CardEventArgs>? CardInserted;

    public event EventHandler<CardEventArgs>? CardRemoved;

    /// <summary>Any change of the reader state (also raised alongside insertions and removals).</summary>
    public event EventHandler<CardEventArgs>? StatusChanged;

    public event EventHandler<MonitorErrorEventArgs>? MonitorError;

    /// <summary>How long to wait before re-establishing the context after the service went away.</summary>
    public TimeSpan RecoveryDelay { get; init; } = TimeSpan.FromSeconds(1);

    public bool IsMonitoring => _thread.IsRunning;

    /// <summary>Starts watching <paramref name="readerNames"/> (at most 16: pcsc-lite's limit per wait).</summary>
    public void Start(params IEnumerable<string> readerNames)
    {
        ArgumentNullException.ThrowIfNull(readerNames);
        var names = readerNames.ToArray();
        if (names.Length is 0 or > 16)
            throw new ArgumentOutOfRangeException(nameof(readerNames), names.Length, "Watch 1 to 16 readers.");

        var states = names.Select(n => new SCardReaderState(n)).ToArray();
        var known = names.ToDictionary(n => n, _ => (State: SCardReaderStates.Unaware, Count: -1));
        var first = true;
        _thread.Start(
            context =>
            {
                // A fresh context knows nothing: ask for the current state of every reader at once.
                foreach (var state in states)
                    state.CurrentState = SCardReaderStates.Unaware;
                context.GetStatusChange(0, states);
                Report(states, known, first);
                first = false;

                while (!_thread.IsStopping)
                {
                    foreach (var state in states)
                        state.Acknowledge();
                    if (context.GetStatusChange(SCardContext.Infinite, states))
                        Report(states, known, initial: false);
                }
            },
            ex => MonitorError?.Invoke(this, new MonitorErrorEventArgs(ex, willRetry: true)),
            RecoveryDelay);
    }

    /// <summary>Ends the wait with <c>SCardCancel</c> and waits for the monitor thread to finish.</summary>
    public void Stop() => _thread.Stop();

    public void Dispose() => _thread.Dispose();

    private void Report(SCardReaderState[] states, Dictionary<string, (SCardReaderStates State, int Count)> known, bool initial)
    {
        foreach (var state in states)
        {
            var (before, beforeCount) = known[state.ReaderName];
            var now = state.EventState & ~SCardReaderStates.Changed;
            known[state.ReaderName] = (now, state.EventCount);
            var args = new CardEventArgs(state.ReaderName, before, now, state.Atr);

            if (initial)
            {
                Initialized?.Invoke(this, args);
                continue;
            }

            var wasPresent = before.HasFlag(SCardReaderStates.Present);
            var isPresent = now.HasFlag(SCardReaderStates.Present);
            // Same "present" on both sides but a new event count: the card was swapped between two waits.
            var swapped = wasPresent && isPresent && beforeCount >= 0 && state.EventCount != beforeCount
                && state.EventCount - beforeCount >= 2;

            if (now != before || swapped)
                StatusChanged?.Invoke(this, args);
            if (wasPresent && (!isPresent || swapped))
                CardRemoved?.Invoke(this, new CardEventArgs(state.ReaderName, before, isPresent ? SCardReaderStates.Empty : now, []));
            if (isPresent && (!wasPresent || swapped))
                CardInserted?.Invoke(this, args);
        }
    }
}

using Permit.PCSC.Interop;

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
    private static readonly TimeSpan CancelRetryInterval = TimeSpan.FromMilliseconds(200);

    private readonly ISCardApi _api;
    private readonly SCardScope _scope;
    private readonly Lock _gate = new();
    private readonly ManualResetEventSlim _stopping = new();
    private SCardContext? _context;
    private Thread? _thread;

    public CardMonitor(ISCardApi? api = null, SCardScope scope = SCardScope.System)
    {
        _api = api ?? SCardApi.Default;
        _scope = scope;
    }

    /// <summary>The first report of each reader's state after <see cref="Start"/>.</summary>
    public event EventHandler<CardEventArgs>? Initialized;

    public event EventHandler<CardEventArgs>? CardInserted;

    public event EventHandler<CardEventArgs>? CardRemoved;

    /// <summary>Any change of the reader state (also raised alongside insertions and removals).</summary>
    public event EventHandler<CardEventArgs>? StatusChanged;

    public event EventHandler<MonitorErrorEventArgs>? MonitorError;

    /// <summary>How long to wait before re-establishing the context after the service went away.</summary>
    public TimeSpan RecoveryDelay { get; init; } = TimeSpan.FromSeconds(1);

    public bool IsMonitoring => _thread is { IsAlive: true };

    /// <summary>Starts watching <paramref name="readerNames"/> (at most 16: pcsc-lite's limit per wait).</summary>
    public void Start(params IEnumerable<string> readerNames)
    {
        ArgumentNullException.ThrowIfNull(readerNames);
        var names = readerNames.ToArray();
        if (names.Length is 0 or > 16)
            throw new ArgumentOutOfRangeException(nameof(readerNames), names.Length, "Watch 1 to 16 readers.");

        lock (_gate)
        {
            if (_thread is not null)
                throw new InvalidOperationException("The monitor is already running.");
            _stopping.Reset();
            _thread = new Thread(() => Run(names)) { IsBackground = true, Name = "PC/SC card monitor" };
            _thread.Start();
        }
    }

    /// <summary>Ends the wait with <c>SCardCancel</c> and waits for the monitor thread to finish.</summary>
    public void Stop()
    {
        Thread? thread;
        lock (_gate)
        {
            thread = _thread;
            _thread = null;
            _stopping.Set();
            CancelWait();
        }

        if (thread is null || thread == Thread.CurrentThread)
            return;

        // SCardCancel only ends a wait already in progress; one that started just after it needs another.
        while (!thread.Join(CancelRetryInterval))
        {
            lock (_gate)
                CancelWait();
        }
    }

    public void Dispose()
    {
        Stop();
        _stopping.Dispose();
    }

    private void Run(string[] names)
    {
        var states = names.Select(n => new SCardReaderState(n)).ToArray();
        var known = names.ToDictionary(n => n, _ => (State: SCardReaderStates.Unaware, Count: -1));
        var first = true;

        while (!_stopping.IsSet)
        {
            try
            {
                using var context = SCardContext.Establish(_scope, _api);
                Publish(context);
                if (_stopping.IsSet)
                    return;

                // A fresh context knows nothing: ask for the current state of every reader at once.
                foreach (var state in states)
                    state.CurrentState = SCardReaderStates.Unaware;
                context.GetStatusChange(0, states);
                Report(states, known, first);
                first = false;

                while (!_stopping.IsSet)
                {
                    foreach (var state in states)
                        state.Acknowledge();
                    if (context.GetStatusChange(SCardContext.Infinite, states))
                        Report(states, known, initial: false);
                }
            }
            catch (CancelledException)
            {
                return;
            }
            catch (PcscException ex) when (!_stopping.IsSet)
            {
                MonitorError?.Invoke(this, new MonitorErrorEventArgs(ex, willRetry: true));
                _stopping.Wait(RecoveryDelay);
            }
            catch (PcscException) when (_stopping.IsSet)
            {
                // Stopped while the service was dying: the error is the outage being noticed, not news for anyone.
                return;
            }
            finally
            {
                Publish(null);
            }
        }
    }

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

    private void Publish(SCardContext? context)
    {
        lock (_gate)
        {
            _context = context;
            if (context is not null && _stopping.IsSet)
                CancelWait();
        }
    }

    private void CancelWait()
    {
        try
        {
            _context?.Cancel();
        }
        catch (PcscException)
        {
            // The context died with the service; the thread notices _stopping when it wakes up.
        }
    }
}

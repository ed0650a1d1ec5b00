using Permit.PCSC;
using Permit.PCSC.Interop;
using Permit.PCSC.Monitoring;

namespace Permit.CardAgent.Events;

/// <summary>
/// Turns the PC/SC monitors into one stream of <see cref="AgentEvent"/>s: a <see cref="DeviceMonitor"/> for readers
/// coming and going (it survives pcscd restarts by itself) and a <see cref="CardMonitor"/> over the readers attached
/// now, started again whenever that set changes. Events are raised on monitor threads.
/// </summary>
public sealed class CardEventWatcher : IDisposable
{
    private readonly ISCardApi? _api;
    private readonly TimeProvider _time;
    private readonly Lock _monitorGate = new();
    private readonly DeviceMonitor _devices;
    private CardMonitor? _cards;
    private IReadOnlyList<string> _watched = [];
    private bool _firstCardReport = true;
    private int _serviceLost;
    private bool _disposed;

    public CardEventWatcher(TimeProvider time, ISCardApi? api = null, TimeSpan? recoveryDelay = null)
    {
        _time = time;
        _api = api;
        RecoveryDelay = recoveryDelay ?? TimeSpan.FromSeconds(1);
        _devices = new DeviceMonitor(api) { RecoveryDelay = RecoveryDelay };
        _devices.Initialized += (_, e) => OnReaders(e.AllReaders, e.Attached, [], initial: true);
        _devices.StatusChanged += (_, e) => OnReaders(e.AllReaders, e.Attached, e.Detached, initial: false);
        _devices.MonitorError += (_, e) => OnDeviceError(e);
    }

    public event EventHandler<AgentEvent>? Raised;

    public TimeSpan RecoveryDelay { get; }

    public void Start() => _devices.Start();

    public void Dispose()
    {
        lock (_monitorGate)
            _disposed = true;
        _devices.Dispose();
        lock (_monitorGate)
        {
            _cards?.Dispose();
            _cards = null;
        }
    }

    private void OnDeviceError(MonitorErrorEventArgs e)
    {
        if (e.Exception is PcscException pcsc && pcsc.ErrorCode.IsServiceLost() && Interlocked.Exchange(ref _serviceLost, 1) == 0)
            Raise(AgentEvent.ServiceLost, null, null, initial: false);
    }

    private void OnReaders(IReadOnlyList<string> all, IReadOnlyList<string> attached, IReadOnlyList<string> detached, bool initial)
    {
        if (all.Count > 0)
            Interlocked.Exchange(ref _serviceLost, 0);
        foreach (var reader in detached)
            Raise(AgentEvent.ReaderDetached, reader, null, initial: false);
        foreach (var reader in attached)
            Raise(AgentEvent.ReaderAttached, reader, null, initial);
        WatchCards(all);
    }

    private void WatchCards(IReadOnlyList<string> readers)
    {
        lock (_monitorGate)
        {
            // No readers means the service went away: the card monitor recovers by itself once it is back, and
            // stopping it now could race with its own failing wait. It is replaced only for another set of readers.
            if (_disposed || readers.Count == 0 || readers.SequenceEqual(_watched))
                return;

            _cards?.Dispose();
            _cards = null;
            _watched = readers;

            var monitor = new CardMonitor(_api) { RecoveryDelay = RecoveryDelay };
            var first = _firstCardReport;
            _firstCardReport = false;
            monitor.Initialized += (_, e) =>
            {
                if (e.IsCardPresent)
                    Raise(AgentEvent.CardInserted, e.ReaderName, Convert.ToHexString(e.Atr), initial: first);
            };
            monitor.CardInserted += (_, e) => Raise(AgentEvent.CardInserted, e.ReaderName, Convert.ToHexString(e.Atr), initial: false);
            monitor.CardRemoved += (_, e) => Raise(AgentEvent.CardRemoved, e.ReaderName, null, initial: false);
            monitor.Start(readers.Take(16));
            _cards = monitor;
        }
    }

    private void Raise(string type, string? reader, string? atr, bool initial) =>
        Raised?.Invoke(this, new AgentEvent(type, reader, atr, initial, _time.GetUtcNow()));
}

using Permit.PCSC.Interop;

namespace Permit.PCSC.Monitoring;

/// <summary>
/// Watches for readers being attached and detached through the <c>\\?PnP?\Notification</c> pseudo reader, on a
/// background thread with its own context, like pcsc-sharp's <c>DeviceMonitor</c>.
/// </summary>
/// <remarks>
/// <para>It never trusts the PnP event itself: after every wake-up it lists the readers again and reports the difference.</para>
/// <para>
/// When the service goes away (<c>SCARD_E_NO_SERVICE</c>, <c>SCARD_F_COMM_ERROR</c>: pcscd stopped, or Windows
/// stopping the service with the last reader) every known reader is reported detached; the monitor then re-establishes
/// its context every <see cref="RecoveryDelay"/> and reports the readers attached once the service is back.
/// </para>
/// </remarks>
public sealed class DeviceMonitor : IDisposable
{
    private static readonly TimeSpan CancelRetryInterval = TimeSpan.FromMilliseconds(200);

    private readonly ISCardApi _api;
    private readonly SCardScope _scope;
    private readonly Lock _gate = new();
    private readonly ManualResetEventSlim _stopping = new();
    private SCardContext? _context;
    private Thread? _thread;

    public DeviceMonitor(ISCardApi? api = null, SCardScope scope = SCardScope.System)
    {
        _api = api ?? SCardApi.Default;
        _scope = scope;
    }

    /// <summary>The readers attached when monitoring began (possibly none, or none because the service is down).</summary>
    public event EventHandler<DeviceEventArgs>? Initialized;

    /// <summary>Readers were attached or detached.</summary>
    public event EventHandler<DeviceEventArgs>? StatusChanged;

    public event EventHandler<MonitorErrorEventArgs>? MonitorError;

    /// <summary>The pause between attempts to re-establish a context while the service is down.</summary>
    public TimeSpan RecoveryDelay { get; init; } = TimeSpan.FromSeconds(1);

    public bool IsMonitoring => _thread is { IsAlive: true };

    public void Start()
    {
        lock (_gate)
        {
            if (_thread is not null)
                throw new InvalidOperationException("The monitor is already running.");
            _stopping.Reset();
            _thread = new Thread(Run) { IsBackground = true, Name = "PC/SC device monitor" };
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

    private void Run()
    {
        IReadOnlyList<string> known = [];
        var initialized = false;

        while (!_stopping.IsSet)
        {
            try
            {
                using var context = SCardContext.Establish(_scope, _api);
                Publish(context);
                if (_stopping.IsSet)
                    return;

                var pnp = new SCardReaderState(SCardReaderState.PnPNotification);
                // pcsc-lite answers the first PnP query with SCARD_E_TIMEOUT, Windows with success: both are fine.
                context.GetStatusChange(0, [pnp]);
                known = Update(context, known, ref initialized);

                while (!_stopping.IsSet)
                {
                    // Passing the event value back (not UNAWARE) keeps Windows from returning at once for ever.
                    pnp.Acknowledge();
                    if (context.GetStatusChange(SCardContext.Infinite, [pnp]))
                        known = Update(context, known, ref initialized);
                }
            }
            catch (CancelledException)
            {
                return;
            }
            catch (PcscException ex) when (!_stopping.IsSet)
            {
                var serviceLost = ex.ErrorCode.IsServiceLost();
                if (serviceLost && known.Count > 0)
                {
                    StatusChanged?.Invoke(this, new DeviceEventArgs([], [], known));
                    known = [];
                }

                if (!initialized)
                {
                    initialized = true;
                    Initialized?.Invoke(this, new DeviceEventArgs([], [], []));
                }

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

    private IReadOnlyList<string> Update(SCardContext context, IReadOnlyList<string> known, ref bool initialized)
    {
        var now = context.GetReaders();
        if (!initialized)
        {
            initialized = true;
            Initialized?.Invoke(this, new DeviceEventArgs(now, now, []));
            return now;
        }

        var attached = now.Except(known, StringComparer.Ordinal).ToArray();
        var detached = known.Except(now, StringComparer.Ordinal).ToArray();
        if (attached.Length > 0 || detached.Length > 0)
            StatusChanged?.Invoke(this, new DeviceEventArgs(now, attached, detached));
        return now;
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

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
    private readonly MonitorThread _thread;

    public DeviceMonitor(ISCardApi? api = null, SCardScope scope = SCardScope.System) =>
        _thread = new MonitorThread(api ?? SCardApi.Default, scope, "PC/SC device monitor");

    /// <summary>The readers attached when monitoring began (possibly none, or none because the service is down).</summary>
    public event EventHandler<DeviceEventArgs>? Initialized;

    /// <summary>Readers were attached or detached.</summary>
    public event EventHandler<DeviceEventArgs>? StatusChanged;

    public event EventHandler<MonitorErrorEventArgs>? MonitorError;

    /// <summary>The pause between attempts to re-establish a context while the service is down.</summary>
    public TimeSpan RecoveryDelay { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>The longest single wait for a PnP event; the readers are listed again after each.</summary>
    public TimeSpan WaitSlice { get; init; } = TimeSpan.FromSeconds(5);

    public bool IsMonitoring => _thread.IsRunning;

    public void Start()
    {
        IReadOnlyList<string> known = [];
        var initialized = false;
        _thread.Start(
            context =>
            {
                var pnp = new SCardReaderState(SCardReaderState.PnPNotification);
                // pcsc-lite answers the first PnP query with SCARD_E_TIMEOUT, Windows with success: both are fine.
                context.GetStatusChange(0, [pnp]);
                known = Update(context, known, ref initialized);

                while (!_thread.IsStopping)
                {
                    // Passing the event value back (not UNAWARE) keeps Windows from returning at once for ever.
                    pnp.Acknowledge();
                    // A bounded wait, and the readers listed again when it times out: a wait that outlived its daemon
                    // (a full test run once saw a pcscd restart report nothing at all) ends within WaitSlice, and the
                    // next call on the dead context fails as "service lost", which reports the readers detached.
                    _ = context.GetStatusChange((uint)WaitSlice.TotalMilliseconds, [pnp]);
                    known = Update(context, known, ref initialized);
                }
            },
            ex =>
            {
                if (ex.ErrorCode.IsServiceLost() && known.Count > 0)
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
            },
            RecoveryDelay);
    }

    /// <summary>Ends the wait with <c>SCardCancel</c> and waits for the monitor thread to finish.</summary>
    public void Stop() => _thread.Stop();

    public void Dispose() => _thread.Dispose();

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
}

namespace Permit.PCSC.Monitoring;

/// <summary>
/// The background thread both monitors run on: a context of its own, a wait that <see cref="Stop"/> ends with
/// <c>SCardCancel</c>, and, when the service goes away, a fresh context after a pause, for as long as it is not stopped.
/// </summary>
internal sealed class MonitorThread(ISCardApi api, SCardScope scope, string name) : IDisposable
{
    private static readonly TimeSpan CancelRetryInterval = TimeSpan.FromMilliseconds(200);

    private readonly Lock _gate = new();
    private readonly ManualResetEventSlim _stopping = new();
    private SCardContext? _context;
    private Thread? _thread;

    public bool IsRunning => _thread is { IsAlive: true };

    public bool IsStopping => _stopping.IsSet;

    /// <summary>
    /// Runs <paramref name="watch"/> with each fresh context (it waits until <see cref="IsStopping"/>); a PC/SC failure
    /// while not stopping goes to <paramref name="failed"/>, then the thread pauses <paramref name="recoveryDelay"/> and
    /// establishes a new context.
    /// </summary>
    public void Start(Action<SCardContext> watch, Action<PcscException> failed, TimeSpan recoveryDelay)
    {
        lock (_gate)
        {
            if (_thread is not null)
                throw new InvalidOperationException("The monitor is already running.");
            _stopping.Reset();
            _thread = new Thread(() => Run(watch, failed, recoveryDelay)) { IsBackground = true, Name = name };
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

    private void Run(Action<SCardContext> watch, Action<PcscException> failed, TimeSpan recoveryDelay)
    {
        while (!_stopping.IsSet)
        {
            try
            {
                using var context = SCardContext.Establish(scope, api);
                Publish(context);
                if (_stopping.IsSet)
                    return;

                watch(context);
            }
            catch (CancelledException)
            {
                return;
            }
            catch (PcscException ex) when (!_stopping.IsSet)
            {
                failed(ex);
                _stopping.Wait(recoveryDelay);
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
            // The context died with the service; the thread notices it is stopping when it wakes up.
        }
    }
}

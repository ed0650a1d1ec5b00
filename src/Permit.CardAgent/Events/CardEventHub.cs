using System.Collections.Concurrent;
using System.Threading.Channels;
using Permit.CardAgent.Cli;

namespace Permit.CardAgent.Events;

/// <summary>
/// Shares one <see cref="CardEventWatcher"/> among every <c>GET /events</c> listener of the loopback service. The
/// watcher starts with the first listener and keeps running (through pcscd restarts) until the service stops.
/// </summary>
public sealed class CardEventHub(AgentHost host) : IDisposable
{
    private readonly ConcurrentDictionary<Guid, Channel<AgentEvent>> _listeners = new();
    private readonly Lock _gate = new();
    private CardEventWatcher? _watcher;
    private bool _simulatedWatched;

    /// <summary>
    /// Events from now on, until <paramref name="cancellationToken"/> fires. The listener is registered by this call, not
    /// by the first read, so nothing published between the call and the first read is missed. Enumerate it once.
    /// </summary>
    public IAsyncEnumerable<AgentEvent> ListenAsync(CancellationToken cancellationToken)
    {
        var id = Guid.NewGuid();
        var channel = Channel.CreateBounded<AgentEvent>(new BoundedChannelOptions(256) { FullMode = BoundedChannelFullMode.DropOldest });
        _listeners[id] = channel;
        // Also when the stream is abandoned before it is read (the page left during the snapshot).
        cancellationToken.Register(() => _listeners.TryRemove(id, out _));
        EnsureWatching();
        return ReadAsync(id, channel, cancellationToken);
    }

    /// <summary>Sends an event of the service's own (personalization progress) to every listener now connected.</summary>
    public void Publish(AgentEvent e)
    {
        foreach (var listener in _listeners.Values)
            listener.Writer.TryWrite(e);
    }

    private async IAsyncEnumerable<AgentEvent> ReadAsync(
        Guid id, Channel<AgentEvent> channel, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken)
    {
        try
        {
            while (true)
            {
                AgentEvent next;
                try
                {
                    next = await channel.Reader.ReadAsync(cancellationToken).ConfigureAwait(false);
                }
                catch (OperationCanceledException)
                {
                    yield break;
                }

                yield return next;
            }
        }
        finally
        {
            _listeners.TryRemove(id, out _);
        }
    }

    public void Dispose()
    {
        lock (_gate)
        {
            _watcher?.Dispose();
            _watcher = null;
        }
    }

    private void EnsureWatching()
    {
        lock (_gate)
        {
            if (_watcher is not null || _simulatedWatched)
                return;
            if (host.Simulated is { } simulated)
            {
                // No PC/SC to watch: the simulated readers say themselves when the panel moves a card.
                simulated.Changed += (_, e) => Publish(e);
                _simulatedWatched = true;
                return;
            }

            _watcher = new CardEventWatcher(host.Time, host.PcscApi, host.MonitorRecoveryDelay);
            _watcher.Raised += (_, e) =>
            {
                foreach (var listener in _listeners.Values)
                    listener.Writer.TryWrite(e);
            };
            _watcher.Start();
        }
    }
}

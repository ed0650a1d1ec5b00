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

    /// <summary>Events from now on, until <paramref name="cancellationToken"/> fires.</summary>
    public async IAsyncEnumerable<AgentEvent> ListenAsync([System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var id = Guid.NewGuid();
        var channel = Channel.CreateBounded<AgentEvent>(new BoundedChannelOptions(256) { FullMode = BoundedChannelFullMode.DropOldest });
        _listeners[id] = channel;
        EnsureWatching();
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
            if (_watcher is not null)
                return;
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

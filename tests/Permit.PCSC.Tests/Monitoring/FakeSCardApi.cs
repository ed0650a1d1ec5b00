using Permit.PCSC.Interop;

namespace Permit.PCSC.Tests.Monitoring;

/// <summary>
/// A scripted PC/SC API for monitor logic: each <c>SCardGetStatusChange</c> takes the next scripted step; with the
/// script used up it blocks until <c>SCardCancel</c>, like a real wait with nothing happening.
/// </summary>
internal sealed class FakeSCardApi : ISCardApi
{
    private readonly ConcurrentQueue<Func<IReadOnlyList<SCardReaderState>, SCardError>> _steps = new();
    private readonly object _gate = new();
    private int _cancels;

    public List<uint> CurrentStatesSeen { get; } = [];

    public IReadOnlyList<string> Readers { get; set; } = [];

    public int MaxAtrSize => 33;

    /// <summary>The next wait reports these raw event values (flags plus counter &lt;&lt; 16), one per reader state.</summary>
    public FakeSCardApi ThenReport(params uint[] eventValues)
    {
        _steps.Enqueue(states =>
        {
            for (var i = 0; i < states.Count; i++)
                states[i].EventStateValue = eventValues[i];
            return SCardError.Success;
        });
        return this;
    }

    public FakeSCardApi ThenFail(SCardError error)
    {
        _steps.Enqueue(_ => error);
        return this;
    }

    public FakeSCardApi Then(Func<IReadOnlyList<SCardReaderState>, SCardError> step)
    {
        _steps.Enqueue(step);
        return this;
    }

    public SCardError GetStatusChange(nint context, uint timeoutMilliseconds, IReadOnlyList<SCardReaderState> states)
    {
        lock (CurrentStatesSeen)
            CurrentStatesSeen.AddRange(states.Select(s => s.CurrentStateValue));
        if (_steps.TryDequeue(out var step))
            return step(states);
        if (timeoutMilliseconds == 0)
            return SCardError.Timeout;
        lock (_gate)
        {
            while (_cancels == 0)
                Monitor.Wait(_gate);
            _cancels--;
        }

        return SCardError.Cancelled;
    }

    public SCardError Cancel(nint context)
    {
        lock (_gate)
        {
            _cancels++;
            Monitor.PulseAll(_gate);
        }

        return SCardError.Success;
    }

    /// <summary>What <c>SCardEstablishContext</c> answers (Wine's stub: <see cref="SCardError.InternalError"/>).</summary>
    public SCardError EstablishResult { get; set; } = SCardError.Success;

    public SCardError EstablishContext(SCardScope scope, out nint context)
    {
        context = EstablishResult == SCardError.Success ? 1 : 0;
        return EstablishResult;
    }

    public SCardError ReleaseContext(nint context) => SCardError.Success;

    public SCardError IsValidContext(nint context) => SCardError.Success;

    /// <summary>When set, <c>SCardListReaders</c> fails with it (the daemon gone, say).</summary>
    public SCardError? ListFailure { get; set; }

    public SCardError ListReaders(nint context, out IReadOnlyList<string> readers)
    {
        if (ListFailure is { } failure)
        {
            readers = [];
            return failure;
        }

        readers = Readers;
        return readers.Count == 0 ? SCardError.NoReadersAvailable : SCardError.Success;
    }

    public SCardError Connect(nint context, string readerName, SCardShareMode shareMode, SCardProtocol preferredProtocols, out nint card, out SCardProtocol activeProtocol) =>
        throw new NotSupportedException();

    public SCardError Reconnect(nint card, SCardShareMode shareMode, SCardProtocol preferredProtocols, SCardDisposition initialization, out SCardProtocol activeProtocol) =>
        throw new NotSupportedException();

    public SCardError Disconnect(nint card, SCardDisposition disposition) => throw new NotSupportedException();

    public SCardError BeginTransaction(nint card) => throw new NotSupportedException();

    public SCardError EndTransaction(nint card, SCardDisposition disposition) => throw new NotSupportedException();

    public SCardError Status(nint card, out string readerName, out SCardCardState state, out SCardProtocol protocol, out byte[] atr) =>
        throw new NotSupportedException();

    public SCardError Transmit(nint card, SCardProtocol protocol, ReadOnlySpan<byte> command, Span<byte> response, out int received) =>
        throw new NotSupportedException();
}

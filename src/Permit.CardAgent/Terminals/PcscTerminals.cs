using Permit.PCSC;
using Permit.PCSC.Interop;

namespace Permit.CardAgent.Terminals;

/// <summary>
/// Readers through PC/SC. The context is established on first use and established again when the service went
/// away (pcscd restarted, Windows stopped the service with the last reader): a long-running agent never needs a restart.
/// </summary>
public sealed class PcscTerminals : ICardTerminals, IDisposable
{
    private readonly Lock _gate = new();
    private readonly ISCardApi? _api;
    private SCardContext? _context;

    public PcscTerminals(ISCardApi? api = null) => _api = api;

    public IReadOnlyList<ReaderInfo> ListReaders() => WithContext(context =>
    {
        var names = context.GetReaders();
        if (names.Count == 0)
            return (IReadOnlyList<ReaderInfo>)[];

        var states = names.Select(n => new SCardReaderState(n)).ToArray();
        context.GetStatusChange(0, states);
        return states
            .Select(s => new ReaderInfo(s.ReaderName, s.EventState.HasFlag(SCardReaderStates.Present), s.Atr))
            .ToArray();
    });

    public ICardConnection Connect(string readerName)
    {
        ArgumentNullException.ThrowIfNull(readerName);
        var card = WithContext(context => context.Connect(readerName));
        try
        {
            var transaction = card.BeginTransaction();
            return new PcscConnection(card, transaction);
        }
        catch
        {
            card.Dispose();
            throw;
        }
    }

    public void Dispose()
    {
        lock (_gate)
        {
            _context?.Dispose();
            _context = null;
        }
    }

    private T WithContext<T>(Func<SCardContext, T> call)
    {
        lock (_gate)
        {
            for (var attempt = 0; ; attempt++)
            {
                try
                {
                    _context ??= SCardContext.Establish(SCardScope.System, _api);
                    return call(_context);
                }
                catch (PcscException e) when (e.ErrorCode.IsServiceLost())
                {
                    // The service restarted under us: a context from before is dead. Try once with a new one.
                    _context?.Dispose();
                    _context = null;
                    if (attempt > 0)
                        throw;
                }
            }
        }
    }

    private sealed class PcscConnection(CardHandle card, IDisposable transaction) : ICardConnection
    {
        public byte[] Transmit(ReadOnlySpan<byte> command) => card.Transmit(command);

        /// <summary>Reset: the card forgets a verified transport code, so a failed personalization leaves it BLANK.</summary>
        public void DisconnectAndReset() => Close(SCardDisposition.Reset);

        public void Dispose() => Close(SCardDisposition.Leave);

        private void Close(SCardDisposition disposition)
        {
            // Each step on its own: a transaction that cannot end (card gone) must not keep the handle open.
            try
            {
                transaction.Dispose();
            }
            catch (Exception e) when (e is PcscException or Iso7816.CardRemovedException)
            {
                // The card or the service is gone already; nothing is left to end.
            }

            try
            {
                card.Disconnect(disposition);
            }
            catch (Exception e) when (e is PcscException or Iso7816.CardRemovedException)
            {
                // As above: the handle is released either way.
            }
        }
    }
}

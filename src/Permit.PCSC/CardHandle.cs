using System.Buffers;
using Permit.Iso7816;

namespace Permit.PCSC;

/// <summary>
/// A connection to the card in one reader (<c>SCARDHANDLE</c>) that carries APDUs: an <see cref="ICardChannel"/>.
/// Disposing disconnects and leaves the card as it is (<see cref="SCardDisposition.Leave"/>).
/// </summary>
public sealed class CardHandle : ICardChannel, IDisposable
{
    /// <summary>Room for the longest extended answer: 65536 data bytes and SW1 SW2.</summary>
    private const int MaxResponseLength = 65536 + 2;

    private readonly ISCardApi _api;
    private nint _handle;

    internal CardHandle(ISCardApi api, nint handle, string readerName, SCardProtocol activeProtocol)
    {
        _api = api;
        _handle = handle;
        ReaderName = readerName;
        ActiveProtocol = activeProtocol;
    }

    public string ReaderName { get; }

    /// <summary>The protocol <c>SCardConnect</c>/<c>SCardReconnect</c> negotiated (T=1 on vpcd).</summary>
    public SCardProtocol ActiveProtocol { get; private set; }

    public bool IsConnected => _handle != 0;

    /// <summary>The native <c>SCARDHANDLE</c>.</summary>
    public nint Handle => _handle;

    /// <summary>The card's ATR, from <c>SCardStatus</c>.</summary>
    public byte[] Atr => GetStatus().Atr;

    /// <summary>
    /// <c>SCardTransmit</c> with the PCI of the active protocol; returns data ‖ SW1 ‖ SW2 exactly as the card answered.
    /// </summary>
    /// <exception cref="RemovedCardException">The card was pulled out (<c>SCARD_W_REMOVED_CARD</c>).</exception>
    /// <exception cref="PcscException">Any other PC/SC failure, typed by its code.</exception>
    public byte[] Transmit(ReadOnlySpan<byte> command)
    {
        var buffer = ArrayPool<byte>.Shared.Rent(MaxResponseLength);
        try
        {
            _api.Transmit(EnsureConnected(), ActiveProtocol, command, buffer.AsSpan(0, MaxResponseLength), out var received)
                .ThrowIfFailed("SCardTransmit");
            return buffer.AsSpan(0, received).ToArray();
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    /// <summary><c>SCardStatus</c>: reader name, card state, protocol and ATR.</summary>
    public CardStatus GetStatus()
    {
        _api.Status(EnsureConnected(), out var reader, out var state, out var protocol, out var atr).ThrowIfFailed("SCardStatus");
        return new CardStatus(reader, state, protocol, atr);
    }

    /// <summary><c>SCardReconnect</c>, e.g. after <see cref="ResetCardException"/> or to reset the card.</summary>
    public void Reconnect(SCardShareMode shareMode = SCardShareMode.Shared, SCardProtocol preferredProtocols = SCardProtocol.Any, SCardDisposition initialization = SCardDisposition.Leave)
    {
        _api.Reconnect(EnsureConnected(), shareMode, preferredProtocols, initialization, out var active).ThrowIfFailed("SCardReconnect");
        ActiveProtocol = active;
    }

    /// <summary>
    /// <c>SCardBeginTransaction</c>: no other application reaches the card until the returned scope is disposed
    /// (<c>SCardEndTransaction</c> with <paramref name="endDisposition"/>).
    /// </summary>
    public IDisposable BeginTransaction(SCardDisposition endDisposition = SCardDisposition.Leave)
    {
        _api.BeginTransaction(EnsureConnected()).ThrowIfFailed("SCardBeginTransaction");
        return new TransactionScope(this, endDisposition);
    }

    /// <summary><c>SCardDisconnect</c> with <paramref name="disposition"/>; does nothing once disconnected.</summary>
    public void Disconnect(SCardDisposition disposition = SCardDisposition.Leave)
    {
        if (_handle == 0)
            return;
        var rc = _api.Disconnect(_handle, disposition);
        _handle = 0;
        // A removed card or a restarted service leaves nothing to disconnect; the handle is gone either way.
        if (rc is not (SCardError.RemovedCard or SCardError.InvalidHandle) && !rc.IsServiceLost())
            rc.ThrowIfFailed("SCardDisconnect");
    }

    public void Dispose() => Disconnect();

    private nint EnsureConnected() =>
        _handle != 0 ? _handle : throw new ObjectDisposedException(nameof(CardHandle), "The card handle is disconnected.");

    private sealed class TransactionScope(CardHandle card, SCardDisposition disposition) : IDisposable
    {
        private bool _ended;

        public void Dispose()
        {
            if (_ended || card._handle == 0)
                return;
            _ended = true;
            var rc = card._api.EndTransaction(card._handle, disposition);
            // Ending a transaction on a card that has gone is not an error worth masking the original failure with.
            if (rc is not (SCardError.RemovedCard or SCardError.ResetCard) && !rc.IsServiceLost())
                rc.ThrowIfFailed("SCardEndTransaction");
        }
    }
}

namespace Permit.PCSC.Interop;

/// <summary>
/// The PC/SC C API (pcsc-lite <c>winscard.h</c>, Windows <c>winscard.dll</c>, macOS <c>PCSC.framework</c>) behind one
/// interface: each platform's native types (DWORD width, string encoding, ATR size, struct packing) stay in its
/// implementation, and tests can substitute a fake. Methods return the code unchanged; nothing here throws for a
/// PC/SC error. Context and card handles are passed as <see cref="nint"/> whatever their native width.
/// </summary>
public interface ISCardApi
{
    /// <summary><c>MAX_ATR_SIZE</c>: 33 for pcsc-lite, 36 for Windows.</summary>
    int MaxAtrSize { get; }

    /// <summary><c>SCardEstablishContext(dwScope, NULL, NULL, &amp;hContext)</c>.</summary>
    SCardError EstablishContext(SCardScope scope, out nint context);

    /// <summary><c>SCardReleaseContext(hContext)</c>.</summary>
    SCardError ReleaseContext(nint context);

    /// <summary><c>SCardIsValidContext(hContext)</c>.</summary>
    SCardError IsValidContext(nint context);

    /// <summary><c>SCardCancel(hContext)</c>: ends a <c>SCardGetStatusChange</c> waiting on that context.</summary>
    SCardError Cancel(nint context);

    /// <summary><c>SCardListReaders(hContext, NULL, mszReaders, &amp;pcchReaders)</c>, called twice for the size.</summary>
    SCardError ListReaders(nint context, out IReadOnlyList<string> readers);

    /// <summary><c>SCardGetStatusChange(hContext, dwTimeout, rgReaderStates, cReaders)</c>; updates each state's event value and ATR.</summary>
    /// <param name="timeoutMilliseconds"><see cref="SCardContext.Infinite"/> waits for ever.</param>
    SCardError GetStatusChange(nint context, uint timeoutMilliseconds, IReadOnlyList<SCardReaderState> states);

    /// <summary><c>SCardConnect(hContext, szReader, dwShareMode, dwPreferredProtocols, &amp;hCard, &amp;dwActiveProtocol)</c>.</summary>
    SCardError Connect(nint context, string readerName, SCardShareMode shareMode, SCardProtocol preferredProtocols, out nint card, out SCardProtocol activeProtocol);

    /// <summary><c>SCardReconnect(hCard, dwShareMode, dwPreferredProtocols, dwInitialization, &amp;dwActiveProtocol)</c>.</summary>
    SCardError Reconnect(nint card, SCardShareMode shareMode, SCardProtocol preferredProtocols, SCardDisposition initialization, out SCardProtocol activeProtocol);

    /// <summary><c>SCardDisconnect(hCard, dwDisposition)</c>.</summary>
    SCardError Disconnect(nint card, SCardDisposition disposition);

    /// <summary><c>SCardBeginTransaction(hCard)</c>.</summary>
    SCardError BeginTransaction(nint card);

    /// <summary><c>SCardEndTransaction(hCard, dwDisposition)</c>.</summary>
    SCardError EndTransaction(nint card, SCardDisposition disposition);

    /// <summary><c>SCardStatus(hCard, szReaderName, &amp;cch, &amp;dwState, &amp;dwProtocol, pbAtr, &amp;cbAtrLen)</c>.</summary>
    SCardError Status(nint card, out string readerName, out SCardCardState state, out SCardProtocol protocol, out byte[] atr);

    /// <summary>
    /// <c>SCardTransmit(hCard, pioSendPci, pbSendBuffer, cbSendLength, NULL, pbRecvBuffer, &amp;pcbRecvLength)</c>
    /// with the PCI of <paramref name="protocol"/> (<c>g_rgSCardT0Pci</c>/<c>T1Pci</c>/<c>RawPci</c>).
    /// </summary>
    /// <param name="received">The answer's length; on <see cref="SCardError.InsufficientBuffer"/> the length needed.</param>
    SCardError Transmit(nint card, SCardProtocol protocol, ReadOnlySpan<byte> command, Span<byte> response, out int received);
}

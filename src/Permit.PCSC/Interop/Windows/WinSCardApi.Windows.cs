using static Permit.PCSC.SCardErrors;

namespace Permit.PCSC.Interop.Windows;

/// <summary><see cref="ISCardApi"/> over <c>winscard.dll</c>.</summary>
internal sealed unsafe class WinSCardApi : ISCardApi
{
    /// <summary>Windows' <c>SCARD_PROTOCOL_RAW</c>; pcsc-lite's (and our enum's) is 0x4.</summary>
    internal const uint NativeRaw = 0x10000;

    private const int ReaderNameCapacity = 256;
    private readonly ProtocolControlInformation _pci = new(WindowsNative.Library);

    public int MaxAtrSize => WindowsReaderState.MaxAtrSize;

    public SCardError EstablishContext(SCardScope scope, out nint context) =>
        FromNative(WindowsNative.SCardEstablishContext((uint)scope, 0, 0, out context));

    public SCardError ReleaseContext(nint context) => FromNative(WindowsNative.SCardReleaseContext(context));

    public SCardError IsValidContext(nint context) => FromNative(WindowsNative.SCardIsValidContext(context));

    public SCardError Cancel(nint context) => FromNative(WindowsNative.SCardCancel(context));

    public SCardError ListReaders(nint context, out IReadOnlyList<string> readers)
    {
        readers = [];
        uint length = 0;
        var rc = FromNative(WindowsNative.SCardListReadersW(context, null, null, ref length));
        if (rc != SCardError.Success)
            return rc;

        var buffer = new char[length];
        fixed (char* p = buffer)
            rc = FromNative(WindowsNative.SCardListReadersW(context, null, p, ref length));
        if (rc == SCardError.Success)
            readers = MultiString.Split(new string(buffer, 0, (int)length));
        return rc;
    }

    public SCardError GetStatusChange(nint context, uint timeoutMilliseconds, IReadOnlyList<SCardReaderState> states)
    {
        var native = new WindowsReaderState[states.Count];
        var names = new nint[states.Count];
        try
        {
            for (var i = 0; i < states.Count; i++)
            {
                names[i] = Marshal.StringToHGlobalUni(states[i].ReaderName);
                native[i].Reader = names[i];
                native[i].CurrentState = states[i].CurrentStateValue;
            }

            SCardError rc;
            fixed (WindowsReaderState* p = native)
                rc = FromNative(WindowsNative.SCardGetStatusChangeW(context, timeoutMilliseconds, p, (uint)native.Length));

            // A failed wait (cancelled, service gone) leaves the array undefined; keep the last known states.
            if (rc is not (SCardError.Success or SCardError.Timeout))
                return rc;

            for (var i = 0; i < states.Count; i++)
            {
                states[i].EventStateValue = native[i].EventState;
                var atrLength = (int)Math.Min(native[i].AtrLength, WindowsReaderState.MaxAtrSize);
                fixed (byte* atr = native[i].Atr)
                    states[i].Atr = new ReadOnlySpan<byte>(atr, atrLength).ToArray();
            }

            return rc;
        }
        finally
        {
            foreach (var name in names)
                Marshal.FreeHGlobal(name);
        }
    }

    public SCardError Connect(nint context, string readerName, SCardShareMode shareMode, SCardProtocol preferredProtocols, out nint card, out SCardProtocol activeProtocol)
    {
        uint active;
        SCardError rc;
        fixed (char* name = readerName)
            rc = FromNative(WindowsNative.SCardConnectW(context, name, (uint)shareMode, ToNative(preferredProtocols), out card, out active));
        activeProtocol = FromNativeProtocol(active);
        return rc;
    }

    public SCardError Reconnect(nint card, SCardShareMode shareMode, SCardProtocol preferredProtocols, SCardDisposition initialization, out SCardProtocol activeProtocol)
    {
        var rc = FromNative(WindowsNative.SCardReconnect(card, (uint)shareMode, ToNative(preferredProtocols), (uint)initialization, out var active));
        activeProtocol = FromNativeProtocol(active);
        return rc;
    }

    public SCardError Disconnect(nint card, SCardDisposition disposition) =>
        FromNative(WindowsNative.SCardDisconnect(card, (uint)disposition));

    public SCardError BeginTransaction(nint card) => FromNative(WindowsNative.SCardBeginTransaction(card));

    public SCardError EndTransaction(nint card, SCardDisposition disposition) =>
        FromNative(WindowsNative.SCardEndTransaction(card, (uint)disposition));

    public SCardError Status(nint card, out string readerName, out SCardCardState state, out SCardProtocol protocol, out byte[] atr)
    {
        var name = stackalloc char[ReaderNameCapacity];
        var atrBuffer = stackalloc byte[WindowsReaderState.MaxAtrSize];
        uint nameLength = ReaderNameCapacity;
        uint atrLength = WindowsReaderState.MaxAtrSize;
        var rc = FromNative(WindowsNative.SCardStatusW(card, name, ref nameLength, out var nativeState, out var nativeProtocol, atrBuffer, ref atrLength));

        var ok = rc == SCardError.Success;
        readerName = ok ? new string(name, 0, (int)Math.Min(nameLength, ReaderNameCapacity)).Split('\0')[0] : "";
        state = ok ? FromNativeCardState(nativeState) : SCardCardState.None;
        protocol = ok ? FromNativeProtocol(nativeProtocol) : SCardProtocol.Unset;
        atr = ok ? new ReadOnlySpan<byte>(atrBuffer, (int)Math.Min(atrLength, WindowsReaderState.MaxAtrSize)).ToArray() : [];
        return rc;
    }

    public SCardError Transmit(nint card, SCardProtocol protocol, ReadOnlySpan<byte> command, Span<byte> response, out int received)
    {
        var pci = _pci.For(protocol);
        var length = (uint)response.Length;
        SCardError rc;
        fixed (byte* send = command)
        fixed (byte* receive = response)
            rc = FromNative(WindowsNative.SCardTransmit(card, pci, send, (uint)command.Length, 0, receive, ref length));
        received = (int)length;
        return rc;
    }

    /// <summary>Windows reports <c>SCardStatus</c>'s state as an enumeration 0..6, not as pcsc-lite's bit flags.</summary>
    internal static SCardCardState FromNativeCardState(uint state) => state switch
    {
        0 => SCardCardState.Unknown,
        1 => SCardCardState.Absent,
        2 => SCardCardState.Present,
        3 => SCardCardState.Swallowed,
        4 => SCardCardState.Powered,
        5 => SCardCardState.Negotiable,
        6 => SCardCardState.Specific,
        _ => SCardCardState.Unknown,
    };

    internal static uint ToNative(SCardProtocol protocols) =>
        ((uint)protocols & ~(uint)SCardProtocol.Raw) | (protocols.HasFlag(SCardProtocol.Raw) ? NativeRaw : 0);

    internal static SCardProtocol FromNativeProtocol(uint protocols) =>
        (SCardProtocol)(protocols & ~NativeRaw & 0xFFFF) | ((protocols & NativeRaw) != 0 ? SCardProtocol.Raw : SCardProtocol.Unset);
}

using System.Text;
using static Permit.PCSC.SCardErrors;

namespace Permit.PCSC.Interop.Linux;

/// <summary><see cref="ISCardApi"/> over pcsc-lite on 64-bit Linux and the BSDs (<c>libpcsclite.so.1</c>).</summary>
internal sealed unsafe class PcscLiteApi : ISCardApi
{
    private const int ReaderNameCapacity = 256;
    private readonly ProtocolControlInformation _pci = new(LinuxNative.Library);

    public int MaxAtrSize => LinuxReaderState.MaxAtrSize;

    public SCardError EstablishContext(SCardScope scope, out nint context) =>
        FromNative(LinuxNative.SCardEstablishContext((nuint)scope, 0, 0, out context));

    public SCardError ReleaseContext(nint context) => FromNative(LinuxNative.SCardReleaseContext(context));

    public SCardError IsValidContext(nint context) => FromNative(LinuxNative.SCardIsValidContext(context));

    public SCardError Cancel(nint context) => FromNative(LinuxNative.SCardCancel(context));

    public SCardError ListReaders(nint context, out IReadOnlyList<string> readers)
    {
        readers = [];
        nuint length = 0;
        var rc = FromNative(LinuxNative.SCardListReaders(context, null, null, ref length));
        if (rc != SCardError.Success)
            return rc;

        var buffer = new byte[(int)length];
        fixed (byte* p = buffer)
            rc = FromNative(LinuxNative.SCardListReaders(context, null, p, ref length));
        if (rc == SCardError.Success)
            readers = MultiString.SplitUtf8(buffer.AsSpan(0, (int)length));
        return rc;
    }

    public SCardError GetStatusChange(nint context, uint timeoutMilliseconds, IReadOnlyList<SCardReaderState> states)
    {
        var native = new LinuxReaderState[states.Count];
        var names = new nint[states.Count];
        try
        {
            for (var i = 0; i < states.Count; i++)
            {
                names[i] = Marshal.StringToCoTaskMemUTF8(states[i].ReaderName);
                native[i].Reader = names[i];
                native[i].CurrentState = states[i].CurrentStateValue;
            }

            SCardError rc;
            fixed (LinuxReaderState* p = native)
                rc = FromNative(LinuxNative.SCardGetStatusChange(context, timeoutMilliseconds, p, (nuint)native.Length));

            // A failed wait (cancelled, service gone) leaves the array undefined; keep the last known states.
            if (rc is not (SCardError.Success or SCardError.Timeout))
                return rc;

            for (var i = 0; i < states.Count; i++)
            {
                // pcsc-lite reports event counter and flags in the low 32 bits of the 64-bit DWORD.
                states[i].EventStateValue = unchecked((uint)native[i].EventState);
                var atrLength = (int)Math.Min(native[i].AtrLength, LinuxReaderState.MaxAtrSize);
                fixed (byte* atr = native[i].Atr)
                    states[i].Atr = new ReadOnlySpan<byte>(atr, atrLength).ToArray();
            }

            return rc;
        }
        finally
        {
            foreach (var name in names)
                Marshal.FreeCoTaskMem(name);
        }
    }

    public SCardError Connect(nint context, string readerName, SCardShareMode shareMode, SCardProtocol preferredProtocols, out nint card, out SCardProtocol activeProtocol)
    {
        var name = Utf8Z(readerName);
        nuint active;
        SCardError rc;
        fixed (byte* p = name)
            rc = FromNative(LinuxNative.SCardConnect(context, p, (nuint)shareMode, (nuint)preferredProtocols, out card, out active));
        activeProtocol = (SCardProtocol)(int)active;
        return rc;
    }

    public SCardError Reconnect(nint card, SCardShareMode shareMode, SCardProtocol preferredProtocols, SCardDisposition initialization, out SCardProtocol activeProtocol)
    {
        var rc = FromNative(LinuxNative.SCardReconnect(card, (nuint)shareMode, (nuint)preferredProtocols, (nuint)initialization, out var active));
        activeProtocol = (SCardProtocol)(int)active;
        return rc;
    }

    public SCardError Disconnect(nint card, SCardDisposition disposition) =>
        FromNative(LinuxNative.SCardDisconnect(card, (nuint)disposition));

    public SCardError BeginTransaction(nint card) => FromNative(LinuxNative.SCardBeginTransaction(card));

    public SCardError EndTransaction(nint card, SCardDisposition disposition) =>
        FromNative(LinuxNative.SCardEndTransaction(card, (nuint)disposition));

    public SCardError Status(nint card, out string readerName, out SCardCardState state, out SCardProtocol protocol, out byte[] atr)
    {
        var name = stackalloc byte[ReaderNameCapacity];
        var atrBuffer = stackalloc byte[LinuxReaderState.MaxAtrSize];
        nuint nameLength = ReaderNameCapacity;
        nuint atrLength = LinuxReaderState.MaxAtrSize;
        var rc = FromNative(LinuxNative.SCardStatus(card, name, ref nameLength, out var nativeState, out var nativeProtocol, atrBuffer, ref atrLength));

        var ok = rc == SCardError.Success;
        readerName = ok ? MultiString.FirstUtf8(new ReadOnlySpan<byte>(name, (int)Math.Min(nameLength, ReaderNameCapacity))) : "";
        // The upper word may hold pcscd's event counter (seen: 0x10034); the card state is the lower word.
        state = ok ? (SCardCardState)(int)(nativeState & 0xFFFF) : SCardCardState.None;
        protocol = ok ? (SCardProtocol)(int)nativeProtocol : SCardProtocol.Unset;
        atr = ok ? new ReadOnlySpan<byte>(atrBuffer, (int)Math.Min(atrLength, LinuxReaderState.MaxAtrSize)).ToArray() : [];
        return rc;
    }

    public SCardError Transmit(nint card, SCardProtocol protocol, ReadOnlySpan<byte> command, Span<byte> response, out int received)
    {
        var pci = _pci.For(protocol);
        nuint length = (nuint)response.Length;
        SCardError rc;
        fixed (byte* send = command)
        fixed (byte* receive = response)
            rc = FromNative(LinuxNative.SCardTransmit(card, pci, send, (nuint)command.Length, 0, receive, ref length));
        received = (int)length;
        return rc;
    }

    private static byte[] Utf8Z(string value)
    {
        var bytes = new byte[Encoding.UTF8.GetByteCount(value) + 1];
        Encoding.UTF8.GetBytes(value, bytes);
        return bytes;
    }
}

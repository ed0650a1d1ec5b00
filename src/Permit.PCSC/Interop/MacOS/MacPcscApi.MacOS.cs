using System.Text;
using static Permit.PCSC.SCardErrors;

namespace Permit.PCSC.Interop.MacOS;

/// <summary><see cref="ISCardApi"/> over Apple's PCSC.framework (32-bit handles, packed structs).</summary>
internal sealed unsafe class MacPcscApi : ISCardApi
{
    private const int ReaderNameCapacity = 256;
    private readonly ProtocolControlInformation _pci = new(MacNative.Library);

    public int MaxAtrSize => MacReaderState.MaxAtrSize;

    public SCardError EstablishContext(SCardScope scope, out nint context)
    {
        var rc = FromNative(MacNative.SCardEstablishContext((uint)scope, 0, 0, out var handle));
        context = handle;
        return rc;
    }

    public SCardError ReleaseContext(nint context) => FromNative(MacNative.SCardReleaseContext((int)context));

    public SCardError IsValidContext(nint context) => FromNative(MacNative.SCardIsValidContext((int)context));

    public SCardError Cancel(nint context) => FromNative(MacNative.SCardCancel((int)context));

    public SCardError ListReaders(nint context, out IReadOnlyList<string> readers)
    {
        readers = [];
        uint length = 0;
        var rc = FromNative(MacNative.SCardListReaders((int)context, null, null, ref length));
        if (rc != SCardError.Success)
            return rc;

        var buffer = new byte[length];
        fixed (byte* p = buffer)
            rc = FromNative(MacNative.SCardListReaders((int)context, null, p, ref length));
        if (rc == SCardError.Success)
            readers = MultiString.SplitUtf8(buffer.AsSpan(0, (int)length));
        return rc;
    }

    public SCardError GetStatusChange(nint context, uint timeoutMilliseconds, IReadOnlyList<SCardReaderState> states)
    {
        var native = new MacReaderState[states.Count];
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
            fixed (MacReaderState* p = native)
                rc = FromNative(MacNative.SCardGetStatusChange((int)context, timeoutMilliseconds, p, (uint)native.Length));

            // A failed wait (cancelled, service gone) leaves the array undefined; keep the last known states.
            if (rc is not (SCardError.Success or SCardError.Timeout))
                return rc;

            for (var i = 0; i < states.Count; i++)
            {
                states[i].EventStateValue = native[i].EventState;
                var atrLength = (int)Math.Min(native[i].AtrLength, MacReaderState.MaxAtrSize);
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
        var name = Encoding.UTF8.GetBytes(readerName + "\0");
        SCardError rc;
        int handle;
        uint active;
        fixed (byte* p = name)
            rc = FromNative(MacNative.SCardConnect((int)context, p, (uint)shareMode, (uint)preferredProtocols, out handle, out active));
        card = handle;
        activeProtocol = (SCardProtocol)(int)active;
        return rc;
    }

    public SCardError Reconnect(nint card, SCardShareMode shareMode, SCardProtocol preferredProtocols, SCardDisposition initialization, out SCardProtocol activeProtocol)
    {
        var rc = FromNative(MacNative.SCardReconnect((int)card, (uint)shareMode, (uint)preferredProtocols, (uint)initialization, out var active));
        activeProtocol = (SCardProtocol)(int)active;
        return rc;
    }

    public SCardError Disconnect(nint card, SCardDisposition disposition) =>
        FromNative(MacNative.SCardDisconnect((int)card, (uint)disposition));

    public SCardError BeginTransaction(nint card) => FromNative(MacNative.SCardBeginTransaction((int)card));

    public SCardError EndTransaction(nint card, SCardDisposition disposition) =>
        FromNative(MacNative.SCardEndTransaction((int)card, (uint)disposition));

    public SCardError Status(nint card, out string readerName, out SCardCardState state, out SCardProtocol protocol, out byte[] atr)
    {
        var name = stackalloc byte[ReaderNameCapacity];
        var atrBuffer = stackalloc byte[MacReaderState.MaxAtrSize];
        uint nameLength = ReaderNameCapacity;
        uint atrLength = MacReaderState.MaxAtrSize;
        var rc = FromNative(MacNative.SCardStatus((int)card, name, ref nameLength, out var nativeState, out var nativeProtocol, atrBuffer, ref atrLength));

        var ok = rc == SCardError.Success;
        readerName = ok ? MultiString.FirstUtf8(new ReadOnlySpan<byte>(name, (int)Math.Min(nameLength, ReaderNameCapacity))) : "";
        state = ok ? (SCardCardState)(int)(nativeState & 0xFFFF) : SCardCardState.None;
        protocol = ok ? (SCardProtocol)(int)nativeProtocol : SCardProtocol.Unset;
        atr = ok ? new ReadOnlySpan<byte>(atrBuffer, (int)Math.Min(atrLength, MacReaderState.MaxAtrSize)).ToArray() : [];
        return rc;
    }

    public SCardError Transmit(nint card, SCardProtocol protocol, ReadOnlySpan<byte> command, Span<byte> response, out int received)
    {
        var pci = _pci.For(protocol);
        var length = (uint)response.Length;
        SCardError rc;
        fixed (byte* send = command)
        fixed (byte* receive = response)
            rc = FromNative(MacNative.SCardTransmit((int)card, pci, send, (uint)command.Length, 0, receive, ref length));
        received = (int)length;
        return rc;
    }
}

namespace Permit.PCSC.Interop.MacOS;

/// <summary>
/// <c>SCARD_READERSTATE</c> of Apple's PCSC.framework: <c>#pragma pack(1)</c>, <c>DWORD</c> = <c>uint32_t</c>,
/// <c>MAX_ATR_SIZE</c> 33: offsets 0, 8, 16, 20, 24, 28; size 61, no padding.
/// </summary>
[StructLayout(LayoutKind.Sequential, Pack = 1)]
internal unsafe struct MacReaderState
{
    public const int MaxAtrSize = 33;

    public nint Reader;
    public nint UserData;
    public uint CurrentState;
    public uint EventState;
    public uint AtrLength;
    public fixed byte Atr[MaxAtrSize];
}

/// <summary><c>SCARD_IO_REQUEST</c> on macOS: two <c>uint32_t</c>, 8 bytes.</summary>
[StructLayout(LayoutKind.Sequential, Pack = 1)]
internal struct MacIoRequest
{
    public uint Protocol;
    public uint PciLength;
}

/// <summary>PCSC.framework: every <c>DWORD</c>/<c>LONG</c> and handle is a 32-bit integer, strings UTF-8.</summary>
internal static unsafe partial class MacNative
{
    public const string Library = "/System/Library/Frameworks/PCSC.framework/PCSC";

    [LibraryImport(Library)]
    public static partial int SCardEstablishContext(uint scope, nint reserved1, nint reserved2, out int context);

    [LibraryImport(Library)]
    public static partial int SCardReleaseContext(int context);

    [LibraryImport(Library)]
    public static partial int SCardIsValidContext(int context);

    [LibraryImport(Library)]
    public static partial int SCardCancel(int context);

    [LibraryImport(Library)]
    public static partial int SCardListReaders(int context, byte* groups, byte* readers, ref uint readersLength);

    [LibraryImport(Library)]
    public static partial int SCardGetStatusChange(int context, uint timeout, MacReaderState* states, uint count);

    [LibraryImport(Library)]
    public static partial int SCardConnect(int context, byte* reader, uint shareMode, uint preferredProtocols, out int card, out uint activeProtocol);

    [LibraryImport(Library)]
    public static partial int SCardReconnect(int card, uint shareMode, uint preferredProtocols, uint initialization, out uint activeProtocol);

    [LibraryImport(Library)]
    public static partial int SCardDisconnect(int card, uint disposition);

    [LibraryImport(Library)]
    public static partial int SCardBeginTransaction(int card);

    [LibraryImport(Library)]
    public static partial int SCardEndTransaction(int card, uint disposition);

    [LibraryImport(Library)]
    public static partial int SCardStatus(int card, byte* readerName, ref uint readerNameLength, out uint state, out uint protocol, byte* atr, ref uint atrLength);

    [LibraryImport(Library)]
    public static partial int SCardTransmit(int card, nint sendPci, byte* send, uint sendLength, nint receivePci, byte* receive, ref uint receiveLength);
}

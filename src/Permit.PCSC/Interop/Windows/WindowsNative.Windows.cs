namespace Permit.PCSC.Interop.Windows;

/// <summary>
/// <c>SCARD_READERSTATEW</c>: <c>LPCWSTR szReader; LPVOID pvUserData; DWORD dwCurrentState, dwEventState, cbAtr;
/// BYTE rgbAtr[36]</c>. DWORD is 4 bytes; x64 offsets 0, 8, 16, 20, 24, 28, size 64 (x86: 56).
/// </summary>
[StructLayout(LayoutKind.Sequential)]
internal unsafe struct WindowsReaderState
{
    public const int MaxAtrSize = 36;

    public nint Reader;
    public nint UserData;
    public uint CurrentState;
    public uint EventState;
    public uint AtrLength;
    public fixed byte Atr[MaxAtrSize];
}

/// <summary><c>SCARD_IO_REQUEST</c> on Windows: two <c>DWORD</c>, 8 bytes.</summary>
[StructLayout(LayoutKind.Sequential)]
internal struct WindowsIoRequest
{
    public uint Protocol;
    public uint PciLength;
}

/// <summary><c>winscard.dll</c>: <c>LONG</c>/<c>DWORD</c> are 32-bit, handles pointer-sized, strings UTF-16 (the W functions).</summary>
internal static unsafe partial class WindowsNative
{
    public const string Library = "winscard.dll";

    [LibraryImport(Library)]
    public static partial int SCardEstablishContext(uint scope, nint reserved1, nint reserved2, out nint context);

    [LibraryImport(Library)]
    public static partial int SCardReleaseContext(nint context);

    [LibraryImport(Library)]
    public static partial int SCardIsValidContext(nint context);

    [LibraryImport(Library)]
    public static partial int SCardCancel(nint context);

    [LibraryImport(Library)]
    public static partial int SCardListReadersW(nint context, char* groups, char* readers, ref uint readersLength);

    [LibraryImport(Library)]
    public static partial int SCardGetStatusChangeW(nint context, uint timeout, WindowsReaderState* states, uint count);

    [LibraryImport(Library)]
    public static partial int SCardConnectW(nint context, char* reader, uint shareMode, uint preferredProtocols, out nint card, out uint activeProtocol);

    [LibraryImport(Library)]
    public static partial int SCardReconnect(nint card, uint shareMode, uint preferredProtocols, uint initialization, out uint activeProtocol);

    [LibraryImport(Library)]
    public static partial int SCardDisconnect(nint card, uint disposition);

    [LibraryImport(Library)]
    public static partial int SCardBeginTransaction(nint card);

    [LibraryImport(Library)]
    public static partial int SCardEndTransaction(nint card, uint disposition);

    [LibraryImport(Library)]
    public static partial int SCardStatusW(nint card, char* readerName, ref uint readerNameLength, out uint state, out uint protocol, byte* atr, ref uint atrLength);

    [LibraryImport(Library)]
    public static partial int SCardTransmit(nint card, nint sendPci, byte* send, uint sendLength, nint receivePci, byte* receive, ref uint receiveLength);
}

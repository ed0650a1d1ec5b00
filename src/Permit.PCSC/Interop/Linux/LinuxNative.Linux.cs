namespace Permit.PCSC.Interop.Linux;

/// <summary>
/// pcsc-lite's <c>SCARD_READERSTATE</c> on LP64 Linux/BSD: <c>DWORD</c> is <c>unsigned long</c> (8 bytes),
/// <c>MAX_ATR_SIZE</c> 33, natural alignment: offsets 0, 8, 16, 24, 32, 40; size 80.
/// </summary>
[StructLayout(LayoutKind.Sequential)]
internal unsafe struct LinuxReaderState
{
    public const int MaxAtrSize = 33;

    public nint Reader;
    public nint UserData;
    public nuint CurrentState;
    public nuint EventState;
    public nuint AtrLength;
    public fixed byte Atr[MaxAtrSize];
}

/// <summary>pcsc-lite's <c>SCARD_IO_REQUEST</c> on LP64: two <c>unsigned long</c>, 16 bytes.</summary>
[StructLayout(LayoutKind.Sequential)]
internal struct LinuxIoRequest
{
    public nuint Protocol;
    public nuint PciLength;
}

/// <summary><c>libpcsclite.so.1</c>; every <c>DWORD</c>/<c>LONG</c> is <see cref="nuint"/>/<see cref="nint"/>, strings UTF-8.</summary>
internal static unsafe partial class LinuxNative
{
    public const string Library = "libpcsclite.so.1";

    [LibraryImport(Library)]
    public static partial nint SCardEstablishContext(nuint scope, nint reserved1, nint reserved2, out nint context);

    [LibraryImport(Library)]
    public static partial nint SCardReleaseContext(nint context);

    [LibraryImport(Library)]
    public static partial nint SCardIsValidContext(nint context);

    [LibraryImport(Library)]
    public static partial nint SCardCancel(nint context);

    [LibraryImport(Library)]
    public static partial nint SCardListReaders(nint context, byte* groups, byte* readers, ref nuint readersLength);

    [LibraryImport(Library)]
    public static partial nint SCardGetStatusChange(nint context, nuint timeout, LinuxReaderState* states, nuint count);

    [LibraryImport(Library)]
    public static partial nint SCardConnect(nint context, byte* reader, nuint shareMode, nuint preferredProtocols, out nint card, out nuint activeProtocol);

    [LibraryImport(Library)]
    public static partial nint SCardReconnect(nint card, nuint shareMode, nuint preferredProtocols, nuint initialization, out nuint activeProtocol);

    [LibraryImport(Library)]
    public static partial nint SCardDisconnect(nint card, nuint disposition);

    [LibraryImport(Library)]
    public static partial nint SCardBeginTransaction(nint card);

    [LibraryImport(Library)]
    public static partial nint SCardEndTransaction(nint card, nuint disposition);

    [LibraryImport(Library)]
    public static partial nint SCardStatus(nint card, byte* readerName, ref nuint readerNameLength, out nuint state, out nuint protocol, byte* atr, ref nuint atrLength);

    [LibraryImport(Library)]
    public static partial nint SCardTransmit(nint card, nint sendPci, byte* send, nuint sendLength, nint receivePci, byte* receive, ref nuint receiveLength);
}

namespace Permit.PCSC;

/// <summary><c>dwScope</c> of <c>SCardEstablishContext</c>.</summary>
public enum SCardScope
{
    User = 0,
    Terminal = 1,
    System = 2,
}

/// <summary><c>dwShareMode</c> of <c>SCardConnect</c> / <c>SCardReconnect</c>.</summary>
public enum SCardShareMode
{
    Exclusive = 1,
    Shared = 2,
    Direct = 3,
}

/// <summary>
/// <c>SCARD_PROTOCOL_*</c> as pcsc-lite defines them. <see cref="Raw"/> is <c>0x10000</c> on Windows; the Windows
/// binding translates it, so callers always use these values.
/// </summary>
[Flags]
public enum SCardProtocol
{
    Unset = 0,
    T0 = 0x1,
    T1 = 0x2,
    Raw = 0x4,
    T15 = 0x8,
    Any = T0 | T1,
}

/// <summary><c>dwDisposition</c> of <c>SCardDisconnect</c> / <c>SCardEndTransaction</c>, <c>dwInitialization</c> of <c>SCardReconnect</c>.</summary>
public enum SCardDisposition
{
    Leave = 0,
    Reset = 1,
    Unpower = 2,
    Eject = 3,
}

/// <summary><c>SCARD_STATE_*</c> bits of <c>SCARD_READERSTATE.dwCurrentState/dwEventState</c> (lower 16 bits).</summary>
[Flags]
public enum SCardReaderStates
{
    Unaware = 0x0,
    Ignore = 0x1,
    Changed = 0x2,
    Unknown = 0x4,
    Unavailable = 0x8,
    Empty = 0x10,
    Present = 0x20,
    AtrMatch = 0x40,
    Exclusive = 0x80,
    InUse = 0x100,
    Mute = 0x200,
    Unpowered = 0x400,
}

/// <summary>
/// The card state <c>SCardStatus</c> reports in <c>pdwState</c>, as pcsc-lite's bit flags
/// (Windows reports an enumeration 0..6, which the Windows binding maps onto these).
/// </summary>
[Flags]
public enum SCardCardState
{
    None = 0,
    Unknown = 0x1,
    Absent = 0x2,
    Present = 0x4,
    Swallowed = 0x8,
    Powered = 0x10,
    Negotiable = 0x20,
    Specific = 0x40,
}

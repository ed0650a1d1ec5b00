namespace Permit.PCSC;

/// <summary>
/// PC/SC return codes (pcsc-lite <c>pcsclite.h</c>, Windows <c>winerror.h</c>). On 64-bit Linux the C functions
/// return a 64-bit <c>LONG</c>; only its low 32 bits are compared.
/// </summary>
public enum SCardError : uint
{
    Success = 0,
    InternalError = 0x80100001,
    Cancelled = 0x80100002,
    InvalidHandle = 0x80100003,
    InvalidParameter = 0x80100004,
    InvalidTarget = 0x80100005,
    NoMemory = 0x80100006,
    WaitedTooLong = 0x80100007,
    InsufficientBuffer = 0x80100008,
    UnknownReader = 0x80100009,
    Timeout = 0x8010000A,
    SharingViolation = 0x8010000B,
    NoSmartcard = 0x8010000C,
    UnknownCard = 0x8010000D,
    CannotDispose = 0x8010000E,
    ProtocolMismatch = 0x8010000F,
    NotReady = 0x80100010,
    InvalidValue = 0x80100011,
    SystemCancelled = 0x80100012,
    CommunicationError = 0x80100013,
    UnknownError = 0x80100014,
    InvalidAtr = 0x80100015,
    NotTransacted = 0x80100016,
    ReaderUnavailable = 0x80100017,
    Shutdown = 0x80100018,
    PciTooSmall = 0x80100019,
    ReaderUnsupported = 0x8010001A,
    DuplicateReader = 0x8010001B,
    CardUnsupported = 0x8010001C,
    NoService = 0x8010001D,
    ServiceStopped = 0x8010001E,

    /// <summary>pcsc-lite's <c>SCARD_E_UNSUPPORTED_FEATURE</c> (the same value as <c>SCARD_E_UNEXPECTED</c>).</summary>
    UnsupportedFeature = 0x8010001F,
    NoReadersAvailable = 0x8010002E,

    /// <summary>Windows' <c>SCARD_E_UNSUPPORTED_FEATURE</c>.</summary>
    UnsupportedFeatureWindows = 0x80100022,
    UnsupportedCard = 0x80100065,
    UnresponsiveCard = 0x80100066,
    UnpoweredCard = 0x80100067,
    ResetCard = 0x80100068,
    RemovedCard = 0x80100069,
}

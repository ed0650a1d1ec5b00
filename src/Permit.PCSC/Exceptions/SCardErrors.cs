using System.Globalization;

namespace Permit.PCSC;

/// <summary>Translates PC/SC return codes into exceptions at the boundary of the binding.</summary>
public static class SCardErrors
{
    /// <summary>Throws the exception for <paramref name="error"/> unless it is <see cref="SCardError.Success"/>.</summary>
    /// <param name="call">The C function that returned it, for the message (e.g. <c>SCardTransmit</c>).</param>
    public static void ThrowIfFailed(this SCardError error, string call)
    {
        if (error != SCardError.Success)
            throw error.ToException(call);
    }

    /// <summary>The exception type for one return code: one class per error, <see cref="PcscException"/> for the rest.</summary>
    public static Exception ToException(this SCardError error, string call)
    {
        var message = string.Create(CultureInfo.InvariantCulture, $"{call} failed: {Describe(error)} (0x{(uint)error:X8}).");
        return error switch
        {
            SCardError.NoService => new NoServiceException(message),
            SCardError.ServiceStopped => new ServiceStoppedException(message),
            SCardError.CommunicationError => new CommunicationErrorException(message),
            SCardError.InternalError => new InternalErrorException(message),
            SCardError.NoReadersAvailable => new NoReadersAvailableException(message),
            SCardError.Cancelled => new CancelledException(message),
            SCardError.Timeout => new SCardTimeoutException(message),
            SCardError.InvalidHandle => new InvalidHandleException(message),
            SCardError.InvalidParameter => new InvalidParameterException(message),
            SCardError.InvalidValue => new InvalidValueException(message),
            SCardError.InsufficientBuffer => new InsufficientBufferException(message),
            SCardError.UnsupportedFeature or SCardError.UnsupportedFeatureWindows => new UnsupportedFeatureException(error, message),
            SCardError.UnknownReader => new UnknownReaderException(message),
            SCardError.ReaderUnavailable => new ReaderUnavailableException(message),
            SCardError.NotReady => new NotReadyException(message),
            SCardError.SharingViolation => new SharingViolationException(message),
            SCardError.NoSmartcard => new NoSmartcardException(message),
            SCardError.UnknownCard => new UnknownCardException(message),
            SCardError.ProtocolMismatch => new ProtocolMismatchException(message),
            SCardError.UnresponsiveCard => new UnresponsiveCardException(message),
            SCardError.UnpoweredCard => new UnpoweredCardException(message),
            SCardError.ResetCard => new ResetCardException(message),
            SCardError.RemovedCard => new RemovedCardException(message),
            _ => new PcscException(error, message),
        };
    }

    /// <summary>Whether the error means the service (not the card or reader) went away, so a new context is needed.</summary>
    public static bool IsServiceLost(this SCardError error) =>
        error is SCardError.NoService or SCardError.ServiceStopped or SCardError.CommunicationError
            or SCardError.InvalidHandle or SCardError.Shutdown;

    /// <summary>A short English meaning, for messages.</summary>
    public static string Describe(SCardError error) => error switch
    {
        SCardError.Success => "success",
        SCardError.NoService => "the smart-card service is not running",
        SCardError.ServiceStopped => "the smart-card service stopped",
        SCardError.CommunicationError => "communication with the smart-card service failed",
        SCardError.NoReadersAvailable => "no readers available",
        SCardError.Cancelled => "cancelled",
        SCardError.Timeout => "timeout",
        SCardError.InvalidHandle => "invalid handle",
        SCardError.InsufficientBuffer => "buffer too small",
        SCardError.UnknownReader => "unknown reader",
        SCardError.ReaderUnavailable => "reader unavailable",
        SCardError.SharingViolation => "sharing violation",
        SCardError.NoSmartcard => "no card in the reader",
        SCardError.ProtocolMismatch => "protocol mismatch",
        SCardError.UnresponsiveCard => "card unresponsive",
        SCardError.UnpoweredCard => "card unpowered",
        SCardError.ResetCard => "card was reset",
        SCardError.RemovedCard => "card was removed",
        _ => error.ToString(),
    };

    /// <summary>The low 32 bits of a native return value: pcsc-lite's 64-bit <c>LONG</c> holds the code unsigned.</summary>
    internal static SCardError FromNative(nint returnValue) => (SCardError)unchecked((uint)returnValue);

    internal static SCardError FromNative(int returnValue) => (SCardError)unchecked((uint)returnValue);
}

using Permit.CardAgent.Cards;
using Permit.Iso7816;
using Permit.PCSC;

namespace Permit.CardAgent.Failures;

/// <summary>
/// What went wrong, in the three forms the agent reports it: an exit code, a stable code and a plain message.
/// Every exception an operation can end with is translated here, in one place.
/// </summary>
/// <param name="HttpStatus">The status the loopback service answers with.</param>
public sealed record AgentFailure(int ExitCode, string Code, string Message, int HttpStatus)
{
    public static AgentFailure From(Exception exception)
    {
        ArgumentNullException.ThrowIfNull(exception);
        return exception switch
        {
            AgentException e => new(e.ExitCode, e.Code, e.Message, e.HttpStatus ?? StatusFor(e.ExitCode)),
            CardOperationException e => FromCard(e),
            NoSmartcardException => new(ExitCodes.NoCard, "no-card", "There is no card in the reader. Insert the card and try again.", 409),
            CardRemovedException or ResetCardException or UnpoweredCardException => new(ExitCodes.NoCard, "card-removed",
                "The card was removed (or lost power) before the operation finished. Insert it again and repeat; nothing was completed.", 409),
            UnresponsiveCardException => new(ExitCodes.NoCard, "card-unresponsive", "The card does not answer. Check that it is inserted the right way round.", 409),
            NoReadersAvailableException or UnknownReaderException or ReaderUnavailableException => new(ExitCodes.NoReader, "no-reader",
                "The card reader is not attached (or was unplugged). Plug it in and try again.", 503),
            SharingViolationException => new(ExitCodes.NoReader, "reader-busy", "Another program is using the card reader. Close it and try again.", 503),
            PcscException e when e.ErrorCode is SCardError.NotTransacted or SCardError.UnknownCard or SCardError.InvalidAtr
                or SCardError.NotReady or SCardError.UnsupportedCard => new(ExitCodes.NoCard, "card-communication",
                    "The exchange with the card failed (was it pulled out?). Insert it again and repeat; nothing was completed.", 409),
            PcscException e when e.ErrorCode.IsServiceLost() => new(ExitCodes.NoReader, "no-service",
                "No smart-card service: the smart-card service (pcscd on Linux, Smart Card on Windows) is not running, was restarted or does not work on this PC. Start it and try again.", 503),
            PcscException e => new(ExitCodes.NoReader, "reader-error", $"The card reader failed: {SCardErrors.Describe(e.ErrorCode)}.", 503),
            CardCommunicationException => new(ExitCodes.NoCard, "card-communication", "Communication with the card failed. Insert it again and repeat.", 409),
            _ => throw new InvalidOperationException("Not a failure the agent reports; a bug.", exception),
        };
    }

    /// <summary>True for the exceptions <see cref="From"/> translates; anything else is a bug and is left to crash loudly.</summary>
    public static bool IsReported(Exception exception) =>
        exception is AgentException or CardOperationException or CardCommunicationException;

    private static AgentFailure FromCard(CardOperationException e)
    {
        var exit = e.Code switch
        {
            "not-a-permit-card" or "not-an-id-card" or "id-card-not-resident" => ExitCodes.WrongCard,
            "transport-code-invalid" => ExitCodes.Usage,
            _ when e.Code.StartsWith("file-", StringComparison.Ordinal) || e.Code == "id-card-malformed" => ExitCodes.DataInvalid,
            _ => ExitCodes.CardRefused,
        };
        return new AgentFailure(exit, e.Code, e.Message, exit == ExitCodes.WrongCard ? 422 : StatusFor(exit));
    }

    private static int StatusFor(int exitCode) => exitCode switch
    {
        ExitCodes.Usage => 400,
        ExitCodes.NoReader => 503,
        ExitCodes.NoCard or ExitCodes.CardRefused => 409,
        ExitCodes.WrongCard or ExitCodes.DataInvalid => 422,
        ExitCodes.ApiUnavailable => 502,
        ExitCodes.ApiRefused => 409,
        _ => 500,
    };
}

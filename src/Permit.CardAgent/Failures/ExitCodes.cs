namespace Permit.CardAgent.Failures;

/// <summary>
/// permit-agent's documented exit codes. Scripts branch on these, so a number never changes meaning.
/// </summary>
public static class ExitCodes
{
    /// <summary>Done; for read-permit: the card is genuine and in force.</summary>
    public const int Ok = 0;

    /// <summary>read-permit: the card was read, but the verdict is "not genuine" or "not in force".</summary>
    public const int NotGenuine = 1;

    /// <summary>Unknown command or option, missing value.</summary>
    public const int Usage = 2;

    /// <summary>No smart-card service (pcscd), no reader, or the configured reader is not attached.</summary>
    public const int NoReader = 3;

    /// <summary>No card in the reader, or the card was removed during the operation.</summary>
    public const int NoCard = 4;

    /// <summary>The card is not the kind the command needs (an ID card in the permit reader, a foreigner's card...).</summary>
    public const int WrongCard = 5;

    /// <summary>The card refused: transport code wrong or blocked, not blank, not active, terminated, unexpected status word.</summary>
    public const int CardRefused = 6;

    /// <summary>Input data is invalid (permit.json, photo, issuer key, trust list, revocation list) or a card file is malformed.</summary>
    public const int DataInvalid = 7;

    /// <summary>The permit API could not be reached, timed out, or failed on its side (5xx); nothing was recorded there.</summary>
    public const int ApiUnavailable = 8;

    /// <summary>The permit API refused: not signed in (401), not allowed (403), unknown permit (404), or the permit has
    /// no card waiting to be personalized (409).</summary>
    public const int ApiRefused = 9;
}

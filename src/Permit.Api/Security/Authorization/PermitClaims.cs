namespace Permit.Api.Security.Authorization;

/// <summary>Claim types of Permit tokens and terminal principals (JWT names, inbound mapping off).</summary>
public static class PermitClaims
{
    /// <summary>The account id (officer or migrant) or terminal id.</summary>
    public const string Subject = "sub";

    public const string Name = "name";

    /// <summary>registrar, supervisor, admin, migrant or verifier (policies, not tokens, encode that higher roles include lower).</summary>
    public const string Role = "role";

    /// <summary>A migrant's own resident id: the only record the migrant may see.</summary>
    public const string ResidentId = "resident_id";

    public const string TerminalId = "terminal_id";

    /// <summary>
    /// An officer's jurisdiction code (absent: the whole register). Changing it renews the officer's stamp, so a token
    /// or cookie never outlives the jurisdiction it names.
    /// </summary>
    public const string Jurisdiction = "jurisdiction";

    /// <summary>The officer's or terminal's security stamp when the token or cookie was issued (see <c>CredentialStamps</c>).</summary>
    public const string SecurityStamp = "stamp";

    /// <summary>When the browser signed in (Unix seconds): cookie sessions end a fixed time after it, however active.</summary>
    public const string SessionStarted = "session_started";

    /// <summary>One claim per service category a verifier terminal serves.</summary>
    public const string ServiceCategory = "service_category";
}

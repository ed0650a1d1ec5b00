namespace Permit.Api.Security.RateLimits;

/// <summary>
/// Section <c>RateLimits</c>: fixed windows per client address, user name or terminal key. Sign-in and activation run
/// PBKDF2 (hundreds of milliseconds of CPU each), so they are the tightest; signed-in officers are not limited.
/// </summary>
public sealed class RateLimitOptions
{
    public const string Section = "RateLimits";

    /// <summary>Off only in tests that sign in hundreds of times from one address.</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>Sign-in and activation attempts (API and pages) per client address.</summary>
    public WindowLimit SignInPerAddress { get; set; } = new() { PermitLimit = 20, WindowSeconds = 60 };

    /// <summary>Sign-in attempts per user name, whatever the address (an attacker spreading guesses over many addresses).</summary>
    public WindowLimit SignInPerUserName { get; set; } = new() { PermitLimit = 10, WindowSeconds = 60 };

    /// <summary>Requests per terminal API key (a counter's lookups).</summary>
    public WindowLimit TerminalPerKey { get; set; } = new() { PermitLimit = 600, WindowSeconds = 60 };

    /// <summary>Any other request without a signed-in user (trust list, revocation list, health, pages), per address.</summary>
    public WindowLimit AnonymousPerAddress { get; set; } = new() { PermitLimit = 300, WindowSeconds = 60 };
}

public sealed class WindowLimit
{
    public int PermitLimit { get; set; }

    public int WindowSeconds { get; set; }

    public TimeSpan Window => TimeSpan.FromSeconds(WindowSeconds);
}

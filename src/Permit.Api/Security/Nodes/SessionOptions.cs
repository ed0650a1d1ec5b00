namespace Permit.Api.Security.Nodes;

/// <summary>Section <c>Sessions</c>: how long sessions last and how soon a revocation elsewhere is noticed.</summary>
public sealed class SessionOptions
{
    public const string Section = "Sessions";

    /// <summary>A cookie session ends this long after sign-in, however active (8 h: one working day).</summary>
    public double AbsoluteHours { get; set; } = 8;

    /// <summary>
    /// How long a node trusts its memory of an account's security stamp and of a terminal key (at most 5 s, so a
    /// revocation on one node reaches every node within 5 s).
    /// </summary>
    public double StampCacheSeconds { get; set; } = 5;
}

namespace Permit.Domain.Entitlements;

/// <summary>
/// The answer to "may this holder have this service today?". <see cref="ReasonCode"/> is one of
/// <see cref="EntitlementReasons"/> and is stable; the messages are for the person at the counter.
/// <see cref="EarliestEligibleOn"/> is set only when waiting alone would make the holder eligible (held too briefly,
/// insurance too short), assuming the permit stays endorsed and insurance keeps being paid.
/// </summary>
public sealed record EntitlementDecision(
    string ServiceCode,
    bool Eligible,
    string ReasonCode,
    string MessageZh,
    string MessageEn,
    DateOnly? EarliestEligibleOn = null);

/// <summary>Stable reason codes of <see cref="EntitlementDecision"/>.</summary>
public static class EntitlementReasons
{
    public const string Eligible = "eligible";
    public const string UnknownService = "unknown-service";
    public const string PermitPendingCard = "permit-pending-card";
    public const string PermitSuspended = "permit-suspended";
    public const string PermitRevoked = "permit-revoked";
    public const string PermitTerminated = "permit-terminated";
    public const string PermitExpired = "permit-expired";
    public const string PointsFrozen = "points-frozen";
    public const string PointsBelowThreshold = "points-below-threshold";
    public const string PermitHeldTooBriefly = "permit-held-too-briefly";
    public const string SocialInsuranceTooShort = "social-insurance-too-short";
}

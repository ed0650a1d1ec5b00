using Permit.Domain.Entitlements;

namespace Permit.Domain.Tests.Entitlements;

/// <summary>Holder facts for tests: by default a long-standing, well-insured holder with plenty of points.</summary>
internal static class Holders
{
    public static readonly DateOnly Today = new(2026, 9, 1);

    public static HolderFacts InGoodStanding() => new()
    {
        PermitStatus = HolderPermitStatus.Active,
        ValidUntil = Today.AddMonths(6),
        HeldUnbrokenSince = Today.AddYears(-3),
        SocialInsuranceContinuousMonths = 36,
        PointsTotal = 150,
        PointsFrozen = false,
    };

    public static EntitlementDecision AskFor(this HolderFacts facts, string serviceCode) =>
        EntitlementPolicy.Evaluate(ServiceCatalogues.NingboZhenhai2026, serviceCode, facts, Today);
}

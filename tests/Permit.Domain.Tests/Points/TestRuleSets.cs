using Permit.Domain.Points;

namespace Permit.Domain.Tests.Points;

/// <summary>Tiny rule sets built in code for rules the default set cannot exercise (its district items never reach the tier cap).</summary>
internal static class TestRuleSets
{
    public static PointsRuleSet WithDistrictItems(decimal tierCap, params (string Code, decimal Cap)[] items) =>
        new(
            "test-rules",
            1,
            "测试规则",
            new DateOnly(2026, 1, 1),
            effectiveUntil: null,
            isPublished: false,
            new Dictionary<PointsTier, decimal> { [PointsTier.District] = tierCap },
            items.Select(i => new PointsIndicator(i.Code, i.Code, PointsTier.District, i.Cap, new PerUnitScoring(1, 1, "次"))));
}

using Permit.Domain.Points;
using static Permit.Domain.Tests.Points.ProfileBuilder;

namespace Permit.Domain.Tests.Points;

public class PointsRuleSetJsonTests
{
    [Fact]
    public void The_default_rule_set_has_the_framework_caps_and_is_published_from_2026()
    {
        var rules = PointsRuleSets.NingboZhenhai2026;

        Assert.Equal(100m, rules.CapFor(PointsTier.Province));
        Assert.Equal(150m, rules.CapFor(PointsTier.City));
        Assert.Equal(50m, rules.CapFor(PointsTier.District));
        Assert.Null(rules.CapFor(PointsTier.Deduction));
        Assert.True(rules.IsInForceOn(new DateOnly(2026, 1, 1)));
        Assert.False(rules.IsInForceOn(new DateOnly(2025, 12, 31)));
    }

    [Fact]
    public void The_provincial_indicator_caps_add_up_to_the_provincial_100()
    {
        var provincial = PointsRuleSets.NingboZhenhai2026.Indicators.Where(i => i.Tier == PointsTier.Province).ToArray();

        Assert.Equal(
            [(IndicatorCodes.Age, 20m), (IndicatorCodes.Education, 10m), (IndicatorCodes.Skill, 10m), (IndicatorCodes.SocialInsurance, 30m), (IndicatorCodes.Residence, 30m)],
            provincial.Select(i => (i.Code, i.Cap!.Value)));
    }

    [Fact]
    public void Only_the_deduction_and_freeze_indicators_freeze()
    {
        var freezing = PointsRuleSets.NingboZhenhai2026.Indicators.Where(i => i.Freezes).Select(i => i.Code);

        Assert.Equal([IndicatorCodes.DishonestDebtor, IndicatorCodes.Criminal], freezing);
    }

    [Fact]
    public void A_rule_set_survives_a_json_round_trip_unchanged()
    {
        var original = PointsRuleSets.NingboZhenhai2026;

        var json = PointsRuleSetJson.Serialize(original);
        var reloaded = PointsRuleSetJson.Parse(json);

        Assert.Equal(json, PointsRuleSetJson.Serialize(reloaded));
        var profile = (AgedOnAssessment(47) with { SocialInsuranceMonths = 61, SkillLevels = [SkillLevel.Grade4] })
            .With(IndicatorCodes.BloodDonation, 800)
            .With(IndicatorCodes.DishonestDebtor, 1);
        var before = PointsCalculator.Calculate(original, profile, AssessedOn);
        var after = PointsCalculator.Calculate(reloaded, profile, AssessedOn);
        Assert.Equal(before.Total, after.Total);
        Assert.Equal(before.Lines, after.Lines, (a, b) => a.Code == b.Code && a.Points == b.Points && a.ExplanationZh == b.ExplanationZh);
    }

    [Fact]
    public void Saved_json_is_camel_case_and_keeps_chinese_readable()
    {
        var json = PointsRuleSetJson.Serialize(PointsRuleSets.NingboZhenhai2026);

        Assert.Contains("\"effectiveFrom\": \"2026-01-01\"", json, StringComparison.Ordinal);
        Assert.Contains("\"pointsPerUnit\": 0.5", json, StringComparison.Ordinal);
        Assert.Contains("\"name\": \"年龄\"", json, StringComparison.Ordinal);
    }

    [Fact]
    public void The_embedded_json_is_the_source_of_the_default_rule_set()
    {
        var parsed = PointsRuleSetJson.Parse(PointsRuleSets.NingboZhenhai2026Json());

        Assert.Equal(PointsRuleSetJson.Serialize(PointsRuleSets.NingboZhenhai2026), PointsRuleSetJson.Serialize(parsed));
    }

    [Theory]
    [InlineData("\"code\": \"city.housing\"", "\"code\": \"city.employment\"", "'city.employment' more than once")]
    [InlineData("\"cap\": 20,\n      \"scoring\": {\n        \"kind\": \"level-table\"", "\"cap\": -20,\n      \"scoring\": {\n        \"kind\": \"level-table\"", "negative cap")]
    [InlineData("\"kind\": \"age-bands\"", "\"kind\": \"age-curve\"", "unknown scoring kind 'age-curve'")]
    [InlineData("\"tier\": \"district\"", "\"tier\": \"county\"", "unknown tier 'county'")]
    [InlineData("\"district\": 50", "\"district\": -50", "negative cap for the District tier")]
    [InlineData("\"unitSize\": 100", "\"unitSize\": 0", "positive unit size")]
    [InlineData("\"pointsEach\": -2 }", "\"pointsEach\": 2 }", "'deduction.traffic-violation' is a deduction but can award points")]
    [InlineData("\"fromAge\": 41", "\"fromAge\": 40", "overlap")]
    [InlineData("\"version\": 1", "\"version\": 0", "versions start at 1")]
    [InlineData("\"effectiveFrom\": \"2026-01-01\"", "\"effectiveFrom\": \"2026-01-01\", \"effectiveUntil\": \"2025-01-01\"", "ends (2025-01-01) before it starts")]
    [InlineData("\"published\": true", "\"published\": true, \"publishd\": true", "publishd")]
    [InlineData("\"name\": \"年龄\",", "", "missing required properties")]
    [InlineData("\"kind\": \"per-unit\", \"pointsPerUnit\": 1,", "\"kind\": \"per-unit\",", "needs 'pointsPerUnit'")]
    public void An_inconsistent_rule_set_is_rejected_with_the_reason(string find, string replace, string expectedReason)
    {
        var json = PointsRuleSets.NingboZhenhai2026Json();
        Assert.Contains(find, json, StringComparison.Ordinal);
        var broken = ReplaceFirst(json, find, replace);

        var ex = Assert.Throws<DomainException>(() => PointsRuleSetJson.Parse(broken));

        Assert.Equal("points-rule-set-invalid", ex.Code);
        Assert.Contains(expectedReason, ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Text_that_is_not_json_is_rejected_as_an_invalid_rule_set()
    {
        var ex = Assert.Throws<DomainException>(() => PointsRuleSetJson.Parse("{ \"id\": "));

        Assert.Equal("points-rule-set-invalid", ex.Code);
    }

    [Fact]
    public void A_draft_is_not_in_force_until_published_and_cannot_be_published_twice()
    {
        var draft = TestRuleSets.WithDistrictItems(50, ("district.honours", 10m));
        var published = draft.Publish();

        Assert.False(draft.IsInForceOn(new DateOnly(2026, 3, 1)));
        Assert.True(published.IsInForceOn(new DateOnly(2026, 3, 1)));
        Assert.Equal("points-rule-set-already-published", Assert.Throws<DomainException>(published.Publish).Code);
    }

    [Fact]
    public void The_highest_published_version_in_force_is_chosen()
    {
        var v1 = PointsRuleSets.NingboZhenhai2026;
        var v2 = PointsRuleSetJson.Parse(PointsRuleSets.NingboZhenhai2026Json()
            .Replace("\"version\": 1", "\"version\": 2", StringComparison.Ordinal)
            .Replace("\"effectiveFrom\": \"2026-01-01\"", "\"effectiveFrom\": \"2026-07-01\"", StringComparison.Ordinal));

        Assert.Equal(1, PointsRuleSet.InForceOn([v1, v2], new DateOnly(2026, 6, 30))!.Version);
        Assert.Equal(2, PointsRuleSet.InForceOn([v1, v2], new DateOnly(2026, 7, 1))!.Version);
        Assert.Null(PointsRuleSet.InForceOn([v1, v2], new DateOnly(2025, 1, 1)));
    }

    private static string ReplaceFirst(string text, string find, string replace)
    {
        var at = text.IndexOf(find, StringComparison.Ordinal);
        return string.Concat(text.AsSpan(0, at), replace, text.AsSpan(at + find.Length));
    }
}

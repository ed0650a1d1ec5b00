using Permit.Domain.Points;
using static Permit.Domain.Tests.Points.ProfileBuilder;

namespace Permit.Domain.Tests.Points;

public class PointsCalculatorTests
{
    [Theory]
    [InlineData(0, 0)]
    [InlineData(1, 0.5)]
    [InlineData(59, 29.5)]
    [InlineData(60, 30)]
    [InlineData(61, 30)]
    [InlineData(240, 30)]
    public void Social_insurance_earns_half_a_point_a_month_up_to_30(int months, double expected)
    {
        var line = (Someone() with { SocialInsuranceMonths = months }).AssessedUnderDefaultRules().Line(IndicatorCodes.SocialInsurance);

        Assert.Equal((decimal)expected, line.Points);
    }

    [Fact]
    public void Sixty_one_months_of_insurance_shows_the_raw_30_5_and_the_capped_30()
    {
        var line = (Someone() with { SocialInsuranceMonths = 61 }).AssessedUnderDefaultRules().Line(IndicatorCodes.SocialInsurance);

        Assert.Equal(30.5m, line.RawPoints);
        Assert.Equal(30m, line.Points);
        Assert.True(line.WasCapped);
        Assert.Equal("社会保险：61个月，每个月0.5分，得30.5分，上限30分，计30分", line.ExplanationZh);
        Assert.Equal("per-unit(quantity=61;unitSize=1;pointsPerUnit=0.5;cap=30)", line.Explanation.ToString());
    }

    [Theory]
    [InlineData(1, 0.25)]
    [InlineData(119, 29.75)]
    [InlineData(120, 30)]
    [InlineData(121, 30)]
    public void Residence_earns_a_quarter_point_a_month_up_to_30(int months, double expected)
    {
        var line = (Someone() with { ResidenceMonths = months }).AssessedUnderDefaultRules().Line(IndicatorCodes.Residence);

        Assert.Equal((decimal)expected, line.Points);
    }

    [Fact]
    public void Only_the_highest_education_counts()
    {
        var profile = Someone() with { EducationLevels = [EducationLevel.College, EducationLevel.BachelorOrHigher] };

        var line = profile.AssessedUnderDefaultRules().Line(IndicatorCodes.Education);

        Assert.Equal(10m, line.Points);
        Assert.Equal("bachelor-or-higher+college", line.Input);
        Assert.Equal("文化程度：持有2项，按最高的本科及以上计，得10分", line.ExplanationZh);
        Assert.Equal("bachelor-or-higher", line.Explanation.Fact("level"));
    }

    [Theory]
    [InlineData(EducationLevel.HighSchoolOrLower, 5)]
    [InlineData(EducationLevel.College, 8)]
    [InlineData(EducationLevel.BachelorOrHigher, 10)]
    public void Each_education_level_scores_as_the_provincial_table_says(EducationLevel level, int expected)
    {
        var line = (Someone() with { EducationLevels = [level] }).AssessedUnderDefaultRules().Line(IndicatorCodes.Education);

        Assert.Equal(expected, line.Points);
    }

    [Fact]
    public void No_education_on_record_scores_nothing_and_says_so()
    {
        var line = Someone().AssessedUnderDefaultRules().Line(IndicatorCodes.Education);

        Assert.Equal(0m, line.Points);
        Assert.Equal("no-level", line.Explanation.Reason);
    }

    [Theory]
    [InlineData(SkillLevel.Grade5, 3)]
    [InlineData(SkillLevel.BasicSpecialSkill, 3)]
    [InlineData(SkillLevel.Grade4, 5)]
    [InlineData(SkillLevel.Grade3, 8)]
    [InlineData(SkillLevel.JuniorTitle, 8)]
    [InlineData(SkillLevel.AdvancedSpecialSkill, 8)]
    [InlineData(SkillLevel.Grade2, 10)]
    [InlineData(SkillLevel.Grade1, 10)]
    [InlineData(SkillLevel.IntermediateTitle, 10)]
    [InlineData(SkillLevel.SeniorTitle, 10)]
    public void Each_skill_level_scores_as_the_provincial_table_says(SkillLevel level, int expected)
    {
        var line = (Someone() with { SkillLevels = [level] }).AssessedUnderDefaultRules().Line(IndicatorCodes.Skill);

        Assert.Equal(expected, line.Points);
    }

    [Fact]
    public void Only_the_highest_skill_counts()
    {
        var profile = Someone() with { SkillLevels = [SkillLevel.Grade5, SkillLevel.Grade4, SkillLevel.JuniorTitle] };

        Assert.Equal(8m, profile.AssessedUnderDefaultRules().Line(IndicatorCodes.Skill).Points);
    }

    [Fact]
    public void A_full_profile_adds_up_tier_by_tier()
    {
        var profile = (AgedOnAssessment(35) with
        {
            EducationLevels = [EducationLevel.BachelorOrHigher],
            SkillLevels = [SkillLevel.Grade3],
            SocialInsuranceMonths = 48,
            ResidenceMonths = 60,
        })
            .WithLevels(IndicatorCodes.Employment, "labour-contract-1-year")
            .WithLevels(IndicatorCodes.Housing, "registered-rental")
            .With(IndicatorCodes.BloodDonation, 450)
            .With(IndicatorCodes.Volunteer, 3)
            .With(IndicatorCodes.TrafficViolation, 3);

        var assessment = profile.AssessedUnderDefaultRules();

        Assert.Equal(77m, assessment.Subtotal(PointsTier.Province)); // 20 + 10 + 8 + 24 + 15
        Assert.Equal(24m, assessment.Subtotal(PointsTier.City));     // 10 + 10 + 4 (450 ml → 4 whole 100 ml)
        Assert.Equal(6m, assessment.Subtotal(PointsTier.District));
        Assert.Equal(-6m, assessment.Subtotal(PointsTier.Deduction));
        Assert.Equal(101m, assessment.Total);
        Assert.Equal("ningbo-zhenhai", assessment.RuleSetId);
        Assert.Equal(1, assessment.RuleSetVersion);
        Assert.False(assessment.IsFrozen);
    }

    [Fact]
    public void Housing_counts_only_the_best_arrangement()
    {
        var profile = Someone().WithLevels(IndicatorCodes.Housing, "dormitory", "own-home");

        Assert.Equal(20m, profile.AssessedUnderDefaultRules().Line(IndicatorCodes.Housing).Points);
    }

    [Fact]
    public void A_level_the_table_does_not_know_scores_nothing_and_is_named_in_the_explanation()
    {
        var line = Someone().WithLevels(IndicatorCodes.Housing, "castle").AssessedUnderDefaultRules().Line(IndicatorCodes.Housing);

        Assert.Equal(0m, line.Points);
        Assert.Equal("castle", line.Explanation.Fact("unrecognised"));
    }

    [Fact]
    public void Volunteer_events_stop_counting_at_the_indicator_cap()
    {
        var line = Someone().With(IndicatorCodes.Volunteer, 7).AssessedUnderDefaultRules().Line(IndicatorCodes.Volunteer);

        Assert.Equal(14m, line.RawPoints);
        Assert.Equal(10m, line.Points);
    }

    [Fact]
    public void A_tier_subtotal_is_capped_even_when_each_indicator_is_within_its_own_cap()
    {
        var ruleSet = TestRuleSets.WithDistrictItems(tierCap: 50, ("district.honours", 40m), ("district.donation", 40m));
        var profile = Someone().With("district.honours", 40).With("district.donation", 40);

        var assessment = PointsCalculator.Calculate(ruleSet, profile, AssessedOn);

        var district = Assert.Single(assessment.Tiers, t => t.Tier == PointsTier.District);
        Assert.Equal(80m, district.Uncapped);
        Assert.Equal(50m, district.Points);
        Assert.Equal(50m, assessment.Total);
    }

    [Fact]
    public void Deductions_are_subtracted_per_occurrence()
    {
        var profile = AgedOnAssessment(30)
            .With(IndicatorCodes.Detention, 2)
            .With(IndicatorCodes.TrafficViolation, 4);

        var assessment = profile.AssessedUnderDefaultRules();

        Assert.Equal(-40m, assessment.Line(IndicatorCodes.Detention).Points);
        Assert.Equal(-8m, assessment.Line(IndicatorCodes.TrafficViolation).Points);
        Assert.Equal("交通违法：4次，每次扣2分，共扣8分", assessment.Line(IndicatorCodes.TrafficViolation).ExplanationZh);
        Assert.Equal(20m - 48m, assessment.Total);
        Assert.False(assessment.IsFrozen);
    }

    [Fact]
    public void A_dishonest_debtor_listing_deducts_50_and_freezes_points_services()
    {
        var assessment = Someone().With(IndicatorCodes.DishonestDebtor, 1).AssessedUnderDefaultRules();

        Assert.True(assessment.IsFrozen);
        Assert.Equal([IndicatorCodes.DishonestDebtor], assessment.FrozenBy);
        Assert.Equal(-50m, assessment.Line(IndicatorCodes.DishonestDebtor).Points);
        Assert.EndsWith("积分服务冻结", assessment.Line(IndicatorCodes.DishonestDebtor).ExplanationZh, StringComparison.Ordinal);
    }

    [Fact]
    public void A_criminal_punishment_deducts_100_and_freezes()
    {
        var assessment = Someone().With(IndicatorCodes.Criminal, 1).AssessedUnderDefaultRules();

        Assert.Equal([IndicatorCodes.Criminal], assessment.FrozenBy);
        Assert.Equal(-80m, assessment.Total);
    }

    [Fact]
    public void A_freeze_indicator_with_no_occurrence_does_not_freeze()
    {
        Assert.False(Someone().With(IndicatorCodes.Criminal, 0).AssessedUnderDefaultRules().IsFrozen);
    }

    [Fact]
    public void Half_an_occurrence_is_refused()
    {
        var ex = Assert.Throws<DomainException>(() => Someone().With(IndicatorCodes.TrafficViolation, 1.5m).AssessedUnderDefaultRules());

        Assert.Equal("points-profile-invalid", ex.Code);
    }

    [Fact]
    public void Negative_months_cannot_be_put_in_a_profile()
    {
        var ex = Assert.Throws<DomainException>(() => Someone() with { SocialInsuranceMonths = -1 });

        Assert.Equal("points-profile-invalid", ex.Code);
    }

    [Fact]
    public void A_provincial_fact_cannot_also_be_given_by_code()
    {
        Assert.Throws<DomainException>(() => Someone().With(IndicatorCodes.SocialInsurance, 12));
    }

    [Fact]
    public void The_same_inputs_give_the_same_assessment_line_for_line()
    {
        var profile = (Someone() with { SocialInsuranceMonths = 37, EducationLevels = [EducationLevel.College] })
            .WithLevels(IndicatorCodes.Housing, "own-home", "dormitory")
            .With(IndicatorCodes.TrafficViolation, 1);
        var reordered = profile.WithLevels(IndicatorCodes.Housing, "dormitory", "own-home");

        var first = profile.AssessedUnderDefaultRules();
        var second = reordered.AssessedUnderDefaultRules();

        Assert.Equal(first.Total, second.Total);
        Assert.Equal(first.Lines.Select(l => (l.Input, l.Points, l.ExplanationZh, l.Explanation.ToString())),
                     second.Lines.Select(l => (l.Input, l.Points, l.ExplanationZh, l.Explanation.ToString())));
    }

    [Fact]
    public void Lines_follow_the_rule_set_order_and_cover_every_indicator()
    {
        var assessment = Someone().AssessedUnderDefaultRules();

        Assert.Equal(PointsRuleSets.NingboZhenhai2026.Indicators.Select(i => i.Code), assessment.Lines.Select(l => l.Code));
    }
}

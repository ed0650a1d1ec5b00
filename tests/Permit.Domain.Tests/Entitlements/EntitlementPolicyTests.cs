using Permit.Domain.Entitlements;
using static Permit.Domain.Tests.Entitlements.Holders;

namespace Permit.Domain.Tests.Entitlements;

public class EntitlementPolicyTests
{
    private const string School = "school-place-by-points";
    private const string CompulsoryEducation = "compulsory-education";

    [Fact]
    public void A_holder_in_good_standing_is_eligible_for_a_school_place_by_points()
    {
        var decision = InGoodStanding().AskFor(School);

        Assert.True(decision.Eligible);
        Assert.Equal(EntitlementReasons.Eligible, decision.ReasonCode);
        Assert.Equal(School, decision.ServiceCode);
        Assert.Null(decision.EarliestEligibleOn);
        Assert.Equal("可以办理“积分入学”。", decision.MessageZh);
        Assert.Equal("Eligible for School place by points.", decision.MessageEn);
    }

    [Fact]
    public void A_service_the_catalogue_does_not_have_is_unknown()
    {
        var decision = InGoodStanding().AskFor("free-lunch");

        Assert.False(decision.Eligible);
        Assert.Equal(EntitlementReasons.UnknownService, decision.ReasonCode);
    }

    [Theory]
    [InlineData(HolderPermitStatus.PendingCard, EntitlementReasons.PermitPendingCard)]
    [InlineData(HolderPermitStatus.Suspended, EntitlementReasons.PermitSuspended)]
    [InlineData(HolderPermitStatus.Revoked, EntitlementReasons.PermitRevoked)]
    [InlineData(HolderPermitStatus.Terminated, EntitlementReasons.PermitTerminated)]
    public void A_permit_that_is_not_active_gives_no_service_and_no_date_to_wait_for(HolderPermitStatus status, string expectedReason)
    {
        var decision = (InGoodStanding() with { PermitStatus = status }).AskFor(CompulsoryEducation);

        Assert.False(decision.Eligible);
        Assert.Equal(expectedReason, decision.ReasonCode);
        Assert.Null(decision.EarliestEligibleOn);
        Assert.StartsWith("“义务教育”：", decision.MessageZh, StringComparison.Ordinal);
        Assert.StartsWith("Compulsory education: ", decision.MessageEn, StringComparison.Ordinal);
    }

    [Fact]
    public void A_permit_is_usable_on_its_last_valid_day_and_expired_the_day_after()
    {
        var lastDay = InGoodStanding() with { ValidUntil = Today };
        var dayAfter = InGoodStanding() with { ValidUntil = Today.AddDays(-1) };

        Assert.True(lastDay.AskFor(CompulsoryEducation).Eligible);
        var expired = dayAfter.AskFor(CompulsoryEducation);
        Assert.Equal(EntitlementReasons.PermitExpired, expired.ReasonCode);
        Assert.Null(expired.EarliestEligibleOn);
        Assert.Contains("2026-08-31", expired.MessageZh, StringComparison.Ordinal);
    }

    [Fact]
    public void Frozen_points_stop_points_services_with_no_date_to_wait_for()
    {
        var decision = (InGoodStanding() with { PointsFrozen = true }).AskFor(School);

        Assert.Equal(EntitlementReasons.PointsFrozen, decision.ReasonCode);
        Assert.Null(decision.EarliestEligibleOn);
    }

    [Fact]
    public void Frozen_or_low_points_do_not_touch_the_services_every_holder_has()
    {
        var facts = InGoodStanding() with { PointsFrozen = true, PointsTotal = 0 };

        Assert.True(facts.AskFor(CompulsoryEducation).Eligible);
        Assert.True(facts.AskFor("driving-licence").Eligible);
    }

    [Theory]
    [InlineData(59.75, false)]
    [InlineData(60, true)]
    public void The_points_threshold_is_inclusive(double points, bool eligible)
    {
        var decision = (InGoodStanding() with { PointsTotal = (decimal)points }).AskFor(School);

        Assert.Equal(eligible, decision.Eligible);
        if (!eligible)
        {
            Assert.Equal(EntitlementReasons.PointsBelowThreshold, decision.ReasonCode);
            Assert.Null(decision.EarliestEligibleOn);
            Assert.Equal("“积分入学”：积分59.75分，未达到60分。", decision.MessageZh);
        }
    }

    [Fact]
    public void A_holder_never_assessed_is_below_the_threshold()
    {
        var decision = (InGoodStanding() with { PointsTotal = null }).AskFor(School);

        Assert.Equal(EntitlementReasons.PointsBelowThreshold, decision.ReasonCode);
    }

    [Fact]
    public void Held_too_briefly_says_when_twelve_unbroken_months_are_reached()
    {
        var decision = (InGoodStanding() with { HeldUnbrokenSince = new DateOnly(2026, 3, 10) }).AskFor(School);

        Assert.Equal(EntitlementReasons.PermitHeldTooBriefly, decision.ReasonCode);
        Assert.Equal(new DateOnly(2027, 3, 10), decision.EarliestEligibleOn);
        Assert.Contains("2027-03-10", decision.MessageEn, StringComparison.Ordinal);
    }

    [Fact]
    public void Twelve_months_to_the_day_is_long_enough()
    {
        var decision = (InGoodStanding() with { HeldUnbrokenSince = Today.AddMonths(-12) }).AskFor(School);

        Assert.True(decision.Eligible);
    }

    [Fact]
    public void Insurance_too_short_says_when_the_missing_months_will_have_been_paid()
    {
        var decision = (InGoodStanding() with { SocialInsuranceContinuousMonths = 9 }).AskFor(School);

        Assert.Equal(EntitlementReasons.SocialInsuranceTooShort, decision.ReasonCode);
        Assert.Equal(new DateOnly(2026, 12, 1), decision.EarliestEligibleOn);
        Assert.Contains("现9个月", decision.MessageZh, StringComparison.Ordinal);
    }

    [Fact]
    public void When_both_periods_are_short_the_later_date_is_the_earliest()
    {
        var facts = InGoodStanding() with { HeldUnbrokenSince = new DateOnly(2026, 3, 10), SocialInsuranceContinuousMonths = 2 };

        var decision = facts.AskFor(School);

        Assert.Equal(EntitlementReasons.PermitHeldTooBriefly, decision.ReasonCode);
        Assert.Equal(new DateOnly(2027, 7, 1), decision.EarliestEligibleOn); // insurance: 10 more months from 2026-09-01
    }

    [Fact]
    public void A_holding_that_began_on_31_august_counts_to_the_end_of_a_shorter_month()
    {
        var facts = InGoodStanding() with { HeldUnbrokenSince = new DateOnly(2026, 8, 31) };

        var decision = EntitlementPolicy.Evaluate(ServiceCatalogues.NingboZhenhai2026, "free-health-check", facts, Today);

        Assert.Equal(new DateOnly(2027, 2, 28), decision.EarliestEligibleOn);
    }

    [Fact]
    public void Points_below_threshold_wins_over_waiting_so_no_date_is_promised()
    {
        var facts = InGoodStanding() with { PointsTotal = 10, HeldUnbrokenSince = Today.AddMonths(-1) };

        var decision = facts.AskFor(School);

        Assert.Equal(EntitlementReasons.PointsBelowThreshold, decision.ReasonCode);
        Assert.Null(decision.EarliestEligibleOn);
    }

    [Fact]
    public void An_active_permit_without_a_valid_until_date_is_a_caller_error()
    {
        var ex = Assert.Throws<DomainException>(() => (InGoodStanding() with { ValidUntil = null }).AskFor(CompulsoryEducation));

        Assert.Equal(HolderFacts.InvalidCode, ex.Code);
    }

    [Fact]
    public void Evaluating_a_category_gives_one_decision_per_service_of_that_category()
    {
        var decisions = EntitlementPolicy.EvaluateAll(
            ServiceCatalogues.NingboZhenhai2026, InGoodStanding() with { PointsTotal = 20 }, Today, ServiceCategory.Education);

        Assert.Equal(
            [(CompulsoryEducation, EntitlementReasons.Eligible), (School, EntitlementReasons.PointsBelowThreshold)],
            decisions.Select(d => (d.ServiceCode, d.ReasonCode)));
    }
}

using Permit.Domain.Applications;

namespace Permit.Domain.Tests.Applications;

public sealed class EligibilityTests
{
    private static readonly DateOnly RegisteredOn = new(2025, 3, 10);

    [Fact]
    public void Five_months_and_thirty_days_of_registration_are_not_enough()
    {
        // 2025-03-10 + 5 months = 2025-08-10, + 30 days = 2025-09-09: one day short of 6 months.
        var eligibility = Eligibility.Evaluate(RegisteredOn, registrationActive: true, DistrictExemption.None, new DateOnly(2025, 9, 9));

        Assert.False(eligibility.IsEligible);
        Assert.Equal(new DateOnly(2025, 9, 10), eligibility.EligibleFrom);
        Assert.Contains("2025-09-10", eligibility.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Exactly_six_months_of_registration_are_enough() =>
        Assert.True(Eligibility.Evaluate(RegisteredOn, true, DistrictExemption.None, new DateOnly(2025, 9, 10)).IsEligible);

    [Theory]
    [InlineData(DistrictExemption.Talent)]
    [InlineData(DistrictExemption.Investor)]
    [InlineData(DistrictExemption.Entrepreneur)]
    public void People_the_district_exempts_are_eligible_on_the_day_they_register(DistrictExemption exemption) =>
        Assert.True(Eligibility.Evaluate(RegisteredOn, true, exemption, RegisteredOn).IsEligible);

    [Fact]
    public void A_moved_out_registration_makes_no_one_eligible() =>
        Assert.False(Eligibility.Evaluate(RegisteredOn, registrationActive: false, DistrictExemption.Talent, new DateOnly(2026, 1, 1)).IsEligible);

    [Fact]
    public void Six_months_from_the_31st_of_August_end_on_the_last_day_of_February()
    {
        var registered = new DateOnly(2025, 8, 31);

        Assert.False(Eligibility.Evaluate(registered, true, DistrictExemption.None, new DateOnly(2026, 2, 27)).IsEligible);
        Assert.True(Eligibility.Evaluate(registered, true, DistrictExemption.None, new DateOnly(2026, 2, 28)).IsEligible);
    }
}

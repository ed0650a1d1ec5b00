using Permit.Domain.Regions;
using Permit.Domain.Registrations;

namespace Permit.Domain.Tests.Registrations;

public sealed class ResidenceRegistrationTests
{
    private static readonly CommunityCode Zhuangshi = CommunityCode.Parse("330211004002");

    [Fact]
    public void A_new_registration_is_active_with_its_community()
    {
        var registration = new RegistrationBuilder().Build();

        Assert.Equal(RegistrationStatus.Active, registration.Status);
        Assert.Equal("330211003001", registration.CommunityCode.Value);
        Assert.Equal(new DateOnly(2025, 3, 10), registration.RegistrationDate);
    }

    [Fact]
    public void Arrival_cannot_come_after_registration() =>
        DomainAssert.Breaks(
            "registration-arrival-after-registration",
            () => ResidenceRegistration.Declare(
                Guid.CreateVersion7(), "中街1号", Zhuangshi, new DateOnly(2025, 3, 11), new DateOnly(2025, 3, 10),
                ResidenceBasis.Residence, "tenancy/1", "房东"));

    [Fact]
    public void An_address_change_declared_on_the_tenth_day_is_on_time()
    {
        var registration = new RegistrationBuilder().Build();

        var change = registration.ChangeAddress("庄市街道测试路8号", Zhuangshi, new DateOnly(2025, 5, 1), new DateOnly(2025, 5, 11));

        Assert.False(change.IsLate);
        Assert.Equal("庄市街道测试路8号", registration.Address);
        Assert.Equal(Zhuangshi, registration.CommunityCode);
    }

    [Fact]
    public void An_address_change_declared_on_the_eleventh_day_is_accepted_but_flagged_late()
    {
        var registration = new RegistrationBuilder().Build();

        var change = registration.ChangeAddress("庄市街道测试路8号", Zhuangshi, new DateOnly(2025, 5, 1), new DateOnly(2025, 5, 12));

        Assert.True(change.IsLate);
        Assert.Equal(Zhuangshi, registration.CommunityCode);
        Assert.Single(registration.Changes);
    }

    [Fact]
    public void A_workplace_change_updates_the_employer_and_its_evidence()
    {
        var registration = new RegistrationBuilder().Build();

        var change = registration.ChangeWorkplace("宁波测试机械有限公司", "contracts/test-8", new DateOnly(2025, 6, 1), new DateOnly(2025, 6, 20));

        Assert.Equal(RegistrationChangeKind.Workplace, change.Kind);
        Assert.True(change.IsLate);
        Assert.Equal("宁波测试机械有限公司", registration.EmployerOrLandlord);
        Assert.Equal("contracts/test-8", registration.Evidence);
    }

    [Fact]
    public void A_change_cannot_be_declared_before_it_happens() =>
        DomainAssert.Breaks(
            "registration-change-declared-before-it-happened",
            () => new RegistrationBuilder().Build().ChangeAddress("x路1号", Zhuangshi, new DateOnly(2025, 5, 2), new DateOnly(2025, 5, 1)));

    [Fact]
    public void After_moving_out_the_registration_no_longer_changes()
    {
        var registration = new RegistrationBuilder().Build();

        registration.MoveOut(new DateOnly(2025, 9, 1));

        Assert.False(registration.IsActive);
        Assert.Equal(new DateOnly(2025, 9, 1), registration.MovedOutOn);
        DomainAssert.Breaks(
            "registration-not-active",
            () => registration.ChangeAddress("x路1号", Zhuangshi, new DateOnly(2025, 9, 2), new DateOnly(2025, 9, 2)));
        DomainAssert.Breaks("registration-not-active", () => registration.MoveOut(new DateOnly(2025, 9, 3)));
    }

    [Fact]
    public void Six_months_are_counted_from_the_registration_date()
    {
        var registration = new RegistrationBuilder().RegisteredOn(new DateOnly(2025, 3, 10)).Build();

        Assert.False(registration.HasLastedSixMonths(new DateOnly(2025, 9, 9)));
        Assert.True(registration.HasLastedSixMonths(new DateOnly(2025, 9, 10)));
    }
}

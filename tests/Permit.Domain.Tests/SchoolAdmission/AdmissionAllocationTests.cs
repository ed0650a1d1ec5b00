using Permit.Domain.SchoolAdmission;
using static Permit.Domain.SchoolAdmission.AdmissionAllocation;

namespace Permit.Domain.Tests.SchoolAdmission;

public sealed class AdmissionAllocationTests
{
    private static readonly Guid Round = Guid.Parse("0193a000-0000-7000-8000-000000000001");
    private static readonly AdmissionConditions Conditions = new(residenceMonths: 12, insuranceMonths: 12, minimumAge: 6, maximumAge: 6);
    private static readonly DateTimeOffset Monday = new(2026, 5, 4, 1, 0, 0, TimeSpan.Zero);

    private static AdmissionCandidate Child(int n, decimal points, int residence = 24, int insurance = 24, int minutes = 0,
        bool valid = true, bool frozen = false, DateOnly? born = null) =>
        new(Guid.Parse($"0193a000-0000-7000-8000-{n:000000000000}"), born ?? new DateOnly(2020, 3, 1), residence, insurance,
            Monday.AddMinutes(minutes), (int)(points * 100), frozen, valid);

    [Fact]
    public void Places_go_by_points_high_to_low_until_none_are_left()
    {
        var outcomes = Allocate(Round, 2026, 2, Conditions, [Child(1, 60), Child(2, 90.5m), Child(3, 75)]);

        Assert.Equal([(2, 1, Outcomes.Admitted), (3, 2, Outcomes.Admitted), (1, 3, Outcomes.NotAdmitted)],
            outcomes.Select(o => (int.Parse(o.ApplicantId.ToString()[^2..], System.Globalization.CultureInfo.InvariantCulture), o.Rank!.Value, o.Outcome)));
        Assert.Equal(Reasons.PlacesFilled, outcomes[2].Reason);
        Assert.All(outcomes, o => Assert.Null(o.TieBreak));
    }

    [Fact]
    public void Equal_points_go_to_the_longer_residence_then_the_earlier_application_then_the_final_key()
    {
        AdmissionCandidate[] children =
        [
            Child(1, 80, residence: 30, minutes: 5),
            Child(2, 80, residence: 40, minutes: 9),
            Child(3, 80, residence: 30, minutes: 1),
            Child(4, 70, residence: 30, minutes: 3),
            Child(5, 70, residence: 30, minutes: 3),
        ];

        var outcomes = Allocate(Round, 2026, 3, Conditions, children);

        Assert.Equal([children[1].ApplicantId, children[2].ApplicantId, children[0].ApplicantId], outcomes.Take(3).Select(o => o.ApplicantId));
        Assert.Equal(TieBreaks.ResidenceMonths, outcomes[0].TieBreak);
        Assert.Equal(TieBreaks.ApplicationTime, outcomes[1].TieBreak);
        Assert.Equal(TieBreaks.ApplicationTime, outcomes[2].TieBreak);
        Assert.Equal([TieBreaks.FinalKey, TieBreaks.FinalKey], outcomes.Skip(3).Select(o => o.TieBreak));
        var (first, second) = string.CompareOrdinal(FinalKey(Round, children[3].ApplicantId), FinalKey(Round, children[4].ApplicantId)) < 0
            ? (children[3], children[4]) : (children[4], children[3]);
        Assert.Equal([first.ApplicantId, second.ApplicantId], outcomes.Skip(3).Select(o => o.ApplicantId));
    }

    [Fact]
    public void The_same_inputs_in_any_order_give_the_same_result()
    {
        var children = Enumerable.Range(1, 40).Select(n => Child(n, 50 + (n % 7), residence: 12 + (n % 3), minutes: n % 4)).ToArray();

        var once = Allocate(Round, 2026, 15, Conditions, children);
        var reversed = Allocate(Round, 2026, 15, Conditions, children.Reverse());
        var shuffled = Allocate(Round, 2026, 15, Conditions, children.OrderBy(c => c.ApplicantId.GetHashCode()));

        Assert.Equal(once, reversed);
        Assert.Equal(once, shuffled);
        Assert.Equal(15, once.Count(o => o.Outcome == Outcomes.Admitted));
    }

    [Fact]
    public void Applicants_who_miss_a_condition_are_ineligible_with_the_first_condition_missed()
    {
        var floor = new AdmissionConditions(12, 12, 6, 6, minimumPoints: 50);

        var outcomes = Allocate(Round, 2026, 10, floor,
        [
            Child(1, 99, valid: false),
            Child(2, 99, frozen: true),
            Child(3, 49.99m),
            Child(4, 99, residence: 11),
            Child(5, 99, insurance: 6),
            Child(6, 99, born: new DateOnly(2020, 9, 1)),
            Child(7, 99, born: new DateOnly(2019, 8, 31)),
            Child(8, 50),
        ]);

        Assert.Equal((1, Outcomes.Admitted), (outcomes[0].Rank!.Value, outcomes[0].Outcome));
        Assert.Equal([Reasons.PermitNotValid, Reasons.PointsFrozen, Reasons.PointsBelowMinimum, Reasons.ResidenceTooShort,
            Reasons.InsuranceTooShort, Reasons.AgeOutsideWindow, Reasons.AgeOutsideWindow], outcomes.Skip(1).Select(o => o.Reason));
        Assert.All(outcomes.Skip(1), o => Assert.Equal((Outcomes.Ineligible, (int?)null), (o.Outcome, o.Rank)));
    }

    [Theory]
    [InlineData("2020-08-31", 6)]
    [InlineData("2020-09-01", 5)]
    [InlineData("2019-09-01", 6)]
    public void A_childs_age_is_counted_on_31_August_of_the_school_year(string born, int age) =>
        Assert.Equal(age, AdmissionConditions.AgeOnCutOff(DateOnly.Parse(born, System.Globalization.CultureInfo.InvariantCulture), 2026));
}

using Permit.Domain.Families;
using Permit.Domain.Settlement;

namespace Permit.Domain.Tests.Settlement;

/// <summary>
/// Each condition of the shipped condition set (Settlement/Defaults/zhenhai-settlement-categories-2026.json), met and
/// unmet at the numbers the file writes.
/// </summary>
public sealed class CategoryConditionTests
{
    private static readonly SettlementConditionSet Set = SettlementConditionSets.Zhenhai2026;

    /// <summary>An applicant who meets every condition of every category.</summary>
    internal static SettlementFacts Everything() => new(
        ResidenceMonths: 36, InsuranceMonths: 36, HasActiveRegistration: true, RegistrationBasis: "employment",
        EducationLevel: "bachelor-or-higher", SkillLevel: null, InvestmentTenThousandYuan: 100m,
        Documents: new HashSet<string>(["housing-proof", "talent-introduction", "commendation", "relative-hukou", "relationship-proof", "ningbo-hukou"]));

    private static ConditionResult Check(string category, string condition, SettlementFacts facts) =>
        Set.Category(category)!.Conditions.Single(c => c.Code == condition).Check(facts);

    [Fact]
    public void The_shipped_set_is_version_1_with_seven_categories()
    {
        Assert.Equal("zhenhai-settlement-categories@1", Set.Label);
        Assert.Equal(["stable-residence", "stable-employment", "talent", "investor", "contribution", "family-reunion", "within-region"],
            Set.Categories.Select(c => c.Code));
    }

    [Fact]
    public void Someone_meeting_everything_meets_every_condition_of_every_category() =>
        Assert.All(Set.Categories, c => Assert.All(c.Assess(Everything()), r => Assert.True(r.Met, r.Code)));

    [Theory]
    [InlineData("stable-residence", "residence-36", 36)]
    [InlineData("stable-employment", "residence-24", 24)]
    [InlineData("investor", "residence-12", 12)]
    [InlineData("within-region", "residence-6", 6)]
    public void Continuous_residence_counts_from_the_months_the_file_sets(string category, string condition, int months)
    {
        Assert.True(Check(category, condition, Everything() with { ResidenceMonths = months }).Met);
        var unmet = Check(category, condition, Everything() with { ResidenceMonths = months - 1 });
        Assert.False(unmet.Met);
        Assert.Equal($"{months} months", unmet.Required);
        Assert.Equal($"{months - 1} months", unmet.Found);
    }

    [Theory]
    [InlineData("stable-residence", "insurance-36", 36)]
    [InlineData("stable-employment", "insurance-24", 24)]
    public void Social_insurance_counts_from_the_months_the_file_sets(string category, string condition, int months)
    {
        Assert.True(Check(category, condition, Everything() with { InsuranceMonths = months }).Met);
        Assert.False(Check(category, condition, Everything() with { InsuranceMonths = months - 1 }).Met);
    }

    [Fact]
    public void A_stable_residence_needs_an_active_registration_rental_included()
    {
        Assert.True(Check("stable-residence", "active-registration", Everything() with { RegistrationBasis = "residence" }).Met);
        Assert.False(Check("stable-residence", "active-registration", Everything() with { HasActiveRegistration = false }).Met);
    }

    [Fact]
    public void Stable_employment_needs_the_registration_to_be_for_employment()
    {
        Assert.True(Check("stable-employment", "employment-registration", Everything()).Met);
        Assert.False(Check("stable-employment", "employment-registration", Everything() with { RegistrationBasis = "residence" }).Met);
    }

    [Theory]
    [InlineData("bachelor-or-higher", null, true)]
    [InlineData("college", null, false)]
    [InlineData("college", "grade-2", true)]
    [InlineData(null, "grade-1", true)]
    [InlineData(null, "grade-3", false)]
    [InlineData(null, null, false)]
    public void Talent_needs_a_bachelors_degree_or_a_technician_grade(string? education, string? skill, bool met) =>
        Assert.Equal(met, Check("talent", "education-bachelor", Everything() with { EducationLevel = education, SkillLevel = skill }).Met);

    [Fact]
    public void An_investor_needs_one_million_yuan_written_as_100_wan()
    {
        Assert.True(Check("investor", "investment-100", Everything() with { InvestmentTenThousandYuan = 100m }).Met);
        Assert.False(Check("investor", "investment-100", Everything() with { InvestmentTenThousandYuan = 99.99m }).Met);
        Assert.False(Check("investor", "investment-100", Everything() with { InvestmentTenThousandYuan = null }).Met);
    }

    [Theory]
    [InlineData("stable-residence", "housing-proof")]
    [InlineData("talent", "talent-introduction")]
    [InlineData("contribution", "commendation")]
    [InlineData("family-reunion", "relative-hukou")]
    [InlineData("family-reunion", "relationship-proof")]
    [InlineData("within-region", "ningbo-hukou")]
    public void A_document_condition_is_met_only_when_the_document_was_presented(string category, string document)
    {
        var condition = Set.Category(category)!.Conditions.Single(c => c.Document == document);
        Assert.True(condition.Check(Everything()).Met);
        var without = Everything() with { Documents = Everything().Documents.Where(d => d != document).ToHashSet() };
        var unmet = condition.Check(without);
        Assert.False(unmet.Met);
        Assert.False(string.IsNullOrWhiteSpace(unmet.Evidence));
    }

    [Fact]
    public void Every_unmet_condition_is_listed_at_once()
    {
        var nothing = new SettlementFacts(0, 0, false, null, null, null, null, new HashSet<string>());

        var unmet = Set.Category("stable-residence")!.Assess(nothing).Where(r => !r.Met).Select(r => r.Code);

        Assert.Equal(["active-registration", "residence-36", "insurance-36", "housing-proof"], unmet);
    }

    [Fact]
    public void A_condition_set_round_trips_through_its_json()
    {
        var again = SettlementConditionSet.Parse(SettlementConditionSet.Serialize(Set));

        Assert.Equal(Set.Label, again.Label);
        Assert.Equal(Set.Categories.SelectMany(c => c.Conditions).Select(c => (c.Code, c.Kind, c.Minimum)),
            again.Categories.SelectMany(c => c.Conditions).Select(c => (c.Code, c.Kind, c.Minimum)));
    }

    [Theory]
    [InlineData("""{"id":"x","version":1,"name":"n","effectiveFrom":"2026-01-01","family":{"childMaxAge":17,"unmarriedChildWithoutIncome":true,"parentsMustLiveTogether":true},"categories":[{"code":"c","name":"n","conditions":[{"code":"a","name":"n","kind":"residence-months","evidence":"e"}]}]}""")]
    [InlineData("""{"id":"x","version":1,"name":"n","effectiveFrom":"2026-01-01","family":{"childMaxAge":17,"unmarriedChildWithoutIncome":true,"parentsMustLiveTogether":true},"categories":[{"code":"c","name":"n","conditions":[{"code":"a","name":"n","kind":"astrology","evidence":"e"}]}]}""")]
    [InlineData("""{"id":"x"}""")]
    [InlineData("not json")]
    public void A_condition_set_that_cannot_be_checked_is_refused(string json) =>
        Assert.Equal(SettlementConditionSet.InvalidCode, Assert.Throws<DomainException>(() => SettlementConditionSet.Parse(json)).Code);
}

public sealed class SettlingMemberTests
{
    private static readonly SettlementConditionSet Set = SettlementConditionSets.Zhenhai2026;

    private static SettlingMemberFacts Member(FamilyRelationship relationship, int age, bool together = true, bool unmarried = false) =>
        new(Guid.NewGuid(), relationship, age, together, unmarried);

    [Fact]
    public void A_spouse_settles_with_the_applicant() =>
        Assert.Empty(Set.CheckMember(Member(FamilyRelationship.Spouse, 30, together: false)));

    [Fact]
    public void A_child_settles_up_to_the_age_the_file_sets_or_older_when_unmarried_without_income()
    {
        Assert.Equal(17, Set.Family.ChildMaxAge);
        Assert.Empty(Set.CheckMember(Member(FamilyRelationship.Child, 17)));
        Assert.Equal(["member-child-too-old"], Set.CheckMember(Member(FamilyRelationship.Child, 18)));
        Assert.Empty(Set.CheckMember(Member(FamilyRelationship.Child, 22, unmarried: true)));
    }

    [Fact]
    public void A_parent_settles_only_when_living_with_the_applicant()
    {
        Assert.Empty(Set.CheckMember(Member(FamilyRelationship.Parent, 62)));
        Assert.Equal(["member-parent-not-living-together"], Set.CheckMember(Member(FamilyRelationship.Parent, 62, together: false)));
    }
}

using Permit.Domain.Families;
using Permit.Domain.Settlement;

namespace Permit.Domain.Tests.Settlement;

/// <summary>The one check both routes (category and points round) apply to the family members named to settle.</summary>
public sealed class NamedMembersTests
{
    private static readonly SettlementConditionSet Set = SettlementConditionSets.Zhenhai2026;
    private static readonly Guid Applicant = Guid.NewGuid();

    private static SettlingMemberFacts Member(FamilyRelationship relationship, int age, bool together = true, bool unmarried = false, Guid? id = null) =>
        new(id ?? Guid.NewGuid(), relationship, age, together, unmarried);

    [Fact]
    public void A_spouse_a_child_of_17_and_a_parent_living_together_settle_with_the_applicant()
    {
        var members = SettlingMember.CheckAll(Applicant, Set,
            [Member(FamilyRelationship.Spouse, 40, together: false), Member(FamilyRelationship.Child, Set.Family.ChildMaxAge), Member(FamilyRelationship.Parent, 66)]);

        Assert.Equal([FamilyRelationship.Spouse, FamilyRelationship.Child, FamilyRelationship.Parent], members.Select(m => m.Relationship));
    }

    [Fact]
    public void A_child_past_the_age_settles_only_when_unmarried_and_without_income()
    {
        var tooOld = Assert.Throws<DomainException>(() => SettlingMember.CheckAll(Applicant, Set, [Member(FamilyRelationship.Child, Set.Family.ChildMaxAge + 1)]));
        var unmarried = SettlingMember.CheckAll(Applicant, Set, [Member(FamilyRelationship.Child, Set.Family.ChildMaxAge + 1, unmarried: true)]);

        Assert.Equal("settlement-member-not-eligible", tooOld.Code);
        Assert.Contains("member-child-too-old", tooOld.Details["members"], StringComparison.Ordinal);
        Assert.True(Assert.Single(unmarried).UnmarriedWithoutIncome);
    }

    [Fact]
    public void Every_member_who_may_not_settle_is_named_at_once()
    {
        var child = Member(FamilyRelationship.Child, 30);
        var parent = Member(FamilyRelationship.Parent, 70, together: false);

        var error = Assert.Throws<DomainException>(() => SettlingMember.CheckAll(Applicant, Set, [child, parent]));

        Assert.Equal($"{child.MemberId}:member-child-too-old,{parent.MemberId}:member-parent-not-living-together", error.Details["members"]);
    }

    [Fact]
    public void A_member_named_twice_or_the_applicant_named_as_a_member_is_refused()
    {
        var spouse = Member(FamilyRelationship.Spouse, 40);

        var twice = Assert.Throws<DomainException>(() => SettlingMember.CheckAll(Applicant, Set, [spouse, spouse]));
        var self = Assert.Throws<DomainException>(() => SettlingMember.CheckAll(Applicant, Set, [Member(FamilyRelationship.Spouse, 40, id: Applicant)]));

        Assert.Equal(("settlement-member-repeated", "settlement-member-repeated"), (twice.Code, self.Code));
    }
}

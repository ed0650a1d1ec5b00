using Permit.Domain.Families;
using Permit.Domain.Settlement;

namespace Permit.Domain.Tests.Settlement;

public sealed class SettlementApplicationTests
{
    private static readonly SettlementConditionSet Set = SettlementConditionSets.Zhenhai2026;
    private static readonly DateOnly Today = new(2026, 3, 10);
    private static readonly Official Supervisor = new("sup", OfficialRole.Supervisor);
    private static readonly Guid Applicant = Guid.NewGuid();

    private static SettlementApplication Submitted(SettlementFacts? facts = null, params SettlingMemberFacts[] members) =>
        SettlementApplication.Submit(Applicant, Set, "stable-residence", facts ?? CategoryConditionTests.Everything(), members, Today, "registrar");

    [Fact]
    public void Submitting_keeps_every_unmet_condition_as_the_one_time_notice()
    {
        var application = Submitted(CategoryConditionTests.Everything() with { ResidenceMonths = 10, InsuranceMonths = 5 });

        Assert.Equal("residence-36,insurance-36", application.UnmetConditions);
        Assert.Equal(SettlementStatus.Submitted, application.Status);
        Assert.Equal("zhenhai-settlement-categories@1", application.ConditionSetVersion);
    }

    [Fact]
    public void A_member_who_may_not_settle_is_named_in_the_refusal()
    {
        var parent = new SettlingMemberFacts(Guid.NewGuid(), FamilyRelationship.Parent, 60, LivesTogether: false, UnmarriedWithoutIncome: false);

        var error = Assert.Throws<DomainException>(() => Submitted(null, parent));

        Assert.Equal("settlement-member-not-eligible", error.Code);
        Assert.Contains("member-parent-not-living-together", error.Details["members"], StringComparison.Ordinal);
    }

    [Fact]
    public void A_clerk_cannot_decide()
    {
        var application = Submitted();

        var error = Assert.Throws<DomainException>(() => application.Approve(new Official("clerk", OfficialRole.Clerk), "ok", Set, CategoryConditionTests.Everything(), Today));

        Assert.Equal("settlement-supervisor-required", error.Code);
        Assert.Equal(SettlementStatus.Submitted, application.Status);
    }

    [Fact]
    public void Approval_needs_reasons_and_every_condition_met_on_the_decision_day()
    {
        var application = Submitted();

        Assert.Equal("settlement-reasons-required", Assert.Throws<DomainException>(() => application.Approve(Supervisor, " ", Set, CategoryConditionTests.Everything(), Today)).Code);
        var unmet = Assert.Throws<DomainException>(() => application.Approve(Supervisor, "条件符合", Set, CategoryConditionTests.Everything() with { HasActiveRegistration = false }, Today));
        Assert.Equal("settlement-conditions-unmet", unmet.Code);
        Assert.Equal("active-registration", unmet.Details["unmet"]);
        Assert.Null(application.DecidedBy);

        application.Approve(Supervisor, "条件符合", Set, CategoryConditionTests.Everything(), Today);

        Assert.Equal(SettlementStatus.Approved, application.Status);
        Assert.Equal("条件符合", application.DecisionReasons);
        Assert.Equal("settlement-already-decided", Assert.Throws<DomainException>(() => application.Refuse(Supervisor, "no", Today)).Code);
    }
}

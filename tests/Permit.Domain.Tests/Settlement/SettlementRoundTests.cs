using Permit.Domain.Settlement;

namespace Permit.Domain.Tests.Settlement;

public sealed class SettlementRoundTests
{
    private static readonly DateOnly Opens = new(2026, 4, 1);
    private static readonly DateOnly Closes = new(2026, 4, 30);
    private static readonly DateTimeOffset Now = new(2026, 5, 2, 2, 0, 0, TimeSpan.Zero);
    private static readonly Official Supervisor = new("sup", OfficialRole.Supervisor);

    private static SettlementRound Round() =>
        SettlementRound.Open(2026, 20, SettlementIndexes.Zhenhai2026, Opens, Closes, 7, new RoundFloors(24, 24, true), "sup");

    [Fact]
    public void Applications_are_taken_only_inside_the_window()
    {
        var round = Round();
        round.EnsureTakingApplications(Opens);
        round.EnsureTakingApplications(Closes);
        Assert.Equal("settlement-round-not-taking-applications", Assert.Throws<DomainException>(() => round.EnsureTakingApplications(Closes.AddDays(1))).Code);
        Assert.Equal("settlement-round-not-taking-applications", Assert.Throws<DomainException>(() => round.EnsureTakingApplications(Opens.AddDays(-1))).Code);
    }

    [Fact]
    public void Closing_the_window_early_ends_applications_with_the_day_and_lets_the_ranking_be_published_the_next()
    {
        var round = Round();
        var today = new DateOnly(2026, 4, 10);

        round.CloseApplications(today);

        round.EnsureTakingApplications(today);
        Assert.Equal("settlement-round-not-taking-applications", Assert.Throws<DomainException>(() => round.EnsureTakingApplications(today.AddDays(1))).Code);
        Assert.Equal("settlement-round-window-still-open", Assert.Throws<DomainException>(() => round.Publish(today)).Code);
        round.Publish(today.AddDays(1));
        Assert.Equal(RoundStatus.Publicity, round.Status);
        Assert.Equal("settlement-round-not-taking-applications", Assert.Throws<DomainException>(() => Round().CloseApplications(Opens.AddDays(-1))).Code);
    }

    [Fact]
    public void Publicity_runs_for_the_days_set_and_objections_are_taken_only_then()
    {
        var round = Round();
        Assert.Equal("settlement-objection-outside-window",
            Assert.Throws<DomainException>(() => RoundObjection.File(round, Guid.NewGuid(), "insurance-months", "40", "社保少算", Closes, Now, "reg")).Code);
        Assert.Equal("settlement-round-window-still-open", Assert.Throws<DomainException>(() => round.Publish(Closes)).Code);

        round.Publish(new DateOnly(2026, 5, 2));

        Assert.Equal(new DateOnly(2026, 5, 8), round.PublicityCloses);
        var objection = RoundObjection.File(round, Guid.NewGuid(), "insurance-months", "40", "社保少算", new DateOnly(2026, 5, 8), Now, "reg");
        Assert.Equal("settlement-objection-outside-window",
            Assert.Throws<DomainException>(() => objection.Decide(round, Supervisor, true, "核实", new DateOnly(2026, 5, 9), Now)).Code);
        Assert.Equal("settlement-supervisor-required",
            Assert.Throws<DomainException>(() => objection.Decide(round, new Official("clerk", OfficialRole.Clerk), true, "核实", new DateOnly(2026, 5, 8), Now)).Code);
        Assert.Equal(ObjectionStatus.Pending, objection.Status);
        Assert.Equal("settlement-round-objections-pending", Assert.Throws<DomainException>(() => round.Finalize(new DateOnly(2026, 5, 9), 1)).Code);
    }

    [Fact]
    public void An_upheld_objection_corrects_the_fact_and_a_dismissed_one_does_not()
    {
        var round = Round();
        round.Publish(new DateOnly(2026, 5, 2));
        var facts = new IndexFacts(null, null, 36, 36, 30, 0);
        var upheld = RoundObjection.File(round, Guid.NewGuid(), "insurance-months", "48", "社保少算", new DateOnly(2026, 5, 3), Now, "reg");
        var dismissed = RoundObjection.File(round, Guid.NewGuid(), "education-level", "bachelor-or-higher", "学历", new DateOnly(2026, 5, 3), Now, "reg");

        upheld.Decide(round, Supervisor, true, "社保局对账单核实", new DateOnly(2026, 5, 4), Now);
        dismissed.Decide(round, Supervisor, false, "无学历证书", new DateOnly(2026, 5, 4), Now);

        Assert.Equal(48, upheld.Apply(facts).InsuranceMonths);
        Assert.Equal(facts, dismissed.Apply(facts));
    }

    [Fact]
    public void A_claimed_month_count_must_be_a_whole_number() =>
        Assert.Equal("settlement-objection-value-invalid", Assert.Throws<DomainException>(() =>
        {
            var round = Round();
            round.Publish(new DateOnly(2026, 5, 2));
            RoundObjection.File(round, Guid.NewGuid(), "insurance-months", "-3", "x", new DateOnly(2026, 5, 3), Now, "reg");
        }).Code);
}

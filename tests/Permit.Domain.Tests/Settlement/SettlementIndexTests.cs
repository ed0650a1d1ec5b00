using Permit.Domain.Settlement;

namespace Permit.Domain.Tests.Settlement;

/// <summary>Each indicator of the shipped index (Settlement/Defaults/zhenhai-settlement-index-2026.json) at the numbers the file writes.</summary>
public sealed class SettlementIndexTests
{
    private static readonly SettlementIndex Index = SettlementIndexes.Zhenhai2026;
    private static readonly IndexFacts Nothing = new(null, null, 0, 0, 0, 0);

    private static decimal Points(string indicator, IndexFacts facts) =>
        Index.Score(facts).Single(s => s.Code == indicator).PointsHundredths / 100m;

    [Fact]
    public void The_shipped_index_is_version_1_with_six_indicators()
    {
        Assert.Equal("zhenhai-settlement-index@1", Index.Label);
        Assert.Equal(["education", "skill", "residence", "work", "insurance", "contribution"], Index.Indicators.Select(i => i.Code));
        Assert.All(Index.Indicators, i => Assert.False(string.IsNullOrWhiteSpace(i.Explanation)));
    }

    [Theory]
    [InlineData("high-school-or-lower", 10)]
    [InlineData("college", 30)]
    [InlineData("bachelor-or-higher", 60)]
    [InlineData(null, 0)]
    public void Education_scores_by_the_level_table(string? level, int points) =>
        Assert.Equal(points, Points("education", Nothing with { EducationLevel = level }));

    [Theory]
    [InlineData("grade-5", 5)]
    [InlineData("grade-4", 10)]
    [InlineData("grade-3", 20)]
    [InlineData("grade-2", 40)]
    [InlineData("grade-1", 60)]
    [InlineData("unknown-level", 0)]
    public void Skill_scores_by_the_level_table(string level, int points) =>
        Assert.Equal(points, Points("skill", Nothing with { SkillLevel = level }));

    [Theory]
    [InlineData(11, 0)]
    [InlineData(12, 10)]
    [InlineData(35, 20)]
    [InlineData(120, 100)]
    [InlineData(200, 100)]
    public void Residence_earns_10_per_whole_year_up_to_100(int months, int points) =>
        Assert.Equal(points, Points("residence", Nothing with { ResidenceMonths = months }));

    [Theory]
    [InlineData(23, 5)]
    [InlineData(24, 10)]
    [InlineData(240, 50)]
    public void Work_earns_5_per_whole_year_up_to_50(int months, int points) =>
        Assert.Equal(points, Points("work", Nothing with { WorkMonths = months }));

    [Theory]
    [InlineData(36, 30)]
    [InlineData(47, 30)]
    [InlineData(150, 100)]
    public void Insurance_earns_10_per_whole_year_up_to_100(int months, int points) =>
        Assert.Equal(points, Points("insurance", Nothing with { InsuranceMonths = months }));

    [Theory]
    [InlineData(550, 5.5)]
    [InlineData(3000, 20)]
    public void Contribution_earns_1_per_point_up_to_20(int hundredths, decimal points) =>
        Assert.Equal(points, Points("contribution", Nothing with { ContributionHundredths = hundredths }));

    [Fact]
    public void The_total_is_the_sum_of_the_indicators() =>
        Assert.Equal((60 + 20 + 30 + 10 + 30 + 2) * 100, Index.TotalHundredths(new IndexFacts("bachelor-or-higher", "grade-3", 36, 24, 36, 200)));

    [Fact]
    public void An_index_with_an_indicator_it_cannot_score_is_refused() =>
        Assert.Equal(SettlementIndex.InvalidCode, Assert.Throws<DomainException>(() => SettlementIndex.Parse(
            """{"id":"x","version":1,"name":"n","effectiveFrom":"2026-01-01","indicators":[{"code":"a","name":"n","source":"residence-months","explanation":"e"}]}""")).Code);
}

public sealed class SettlementRankingTests
{
    private static readonly Guid Round = Guid.Parse("0193b000-0000-7000-8000-000000000001");
    private static readonly RoundFloors Floors = new(PermitMonths: 24, InsuranceMonths: 24, NoFreeze: true);
    private static readonly DateTimeOffset Monday = new(2026, 5, 4, 1, 0, 0, TimeSpan.Zero);

    private static RoundCandidate Applicant(int n, int insuranceMonths = 36, int residence = 36, int minutes = 0, int permit = 36, bool frozen = false) =>
        new(Guid.Parse($"0193b000-0000-7000-8000-{n:000000000000}"), Monday.AddMinutes(minutes), new IndexFacts(null, null, residence, 0, insuranceMonths, 0), permit, frozen);

    [Fact]
    public void The_quota_goes_by_score_and_ties_are_broken_as_in_school_admission()
    {
        var lines = SettlementRanking.Rank(Round, 2, Floors, SettlementIndexes.Zhenhai2026,
            [Applicant(1, insuranceMonths: 60), Applicant(2, residence: 40), Applicant(3, residence: 38), Applicant(4, minutes: 5, residence: 38)]);

        Assert.Equal([1, 2, 3, 4], lines.Select(l => int.Parse(l.ApplicantId.ToString()[^1..], System.Globalization.CultureInfo.InvariantCulture)));
        Assert.Equal(["settled", "settled", "not-settled", "not-settled"], lines.Select(l => l.Outcome));
        Assert.Equal([null, "residence-months", "application-time", "application-time"], lines.Select(l => l.TieBreak));
    }

    [Theory]
    [InlineData(23, 36, false, "permit-too-short")]
    [InlineData(24, 23, false, "insurance-too-short")]
    [InlineData(24, 24, true, "points-frozen")]
    public void The_floors_set_the_ineligible_aside(int permit, int insurance, bool frozen, string reason)
    {
        var line = Assert.Single(SettlementRanking.Rank(Round, 5, Floors, SettlementIndexes.Zhenhai2026, [Applicant(1, insurance, permit: permit, frozen: frozen)]));

        Assert.Equal(("ineligible", reason, (int?)null), (line.Outcome, line.Reason, line.Rank));
    }

    [Fact]
    public void The_ranking_does_not_depend_on_the_input_order()
    {
        var applicants = Enumerable.Range(1, 30).Select(n => Applicant(n, residence: 36 + (n % 3))).ToList();

        Assert.Equal(SettlementRanking.Rank(Round, 10, Floors, SettlementIndexes.Zhenhai2026, applicants),
            SettlementRanking.Rank(Round, 10, Floors, SettlementIndexes.Zhenhai2026, Enumerable.Reverse(applicants)));
    }
}

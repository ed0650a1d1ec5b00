using Permit.Api.Features.Points;
using Permit.Domain.Points;
using static Permit.Api.Tests.Features.Points.PointsArrange;

namespace Permit.Api.Tests.Features.Points;

/// <summary>The points ledger end to end through the API, on SQLite and PostgreSQL.</summary>
public sealed class PointsLedgerTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [MemberData(nameof(TestProviders.Both), MemberType = typeof(TestProviders))]
    public async Task The_provincial_table_entered_on_the_ledger_and_accrued_gives_the_calculators_total(DatabaseProvider provider)
    {
        await using var host = new PermitTestHost(provider);
        using var officer = host.Officer();
        var birth = new DateOnly(1985, 7, 15);
        var resident = await ResidentAsync(host, birth, ct: Ct);
        foreach (var (indicator, level, quantity) in new (string, string?, int?)[]
                 {
                     (IndicatorCodes.Education, "college", null), (IndicatorCodes.Education, "bachelor-or-higher", null),
                     (IndicatorCodes.Skill, "grade-4", null), (IndicatorCodes.Skill, "grade-3", null),
                     (IndicatorCodes.SocialInsurance, null, 40), (IndicatorCodes.Residence, null, 20),
                 })
        {
            using var recorded = await RecordAsync(officer, resident, indicator, level, quantity, ct: Ct);
            Assert.Equal(HttpStatusCode.Created, recorded.StatusCode);
        }

        using var cover = await officer.PostAsJsonAsync($"/api/points/residents/{resident}/social-insurance",
            new { coveredFrom = new DateOnly(2025, 1, 1), evidenceReference = "社保缴费证明 2025-001" }, Ct);
        Assert.Equal(HttpStatusCode.Created, cover.StatusCode);

        var accrual = await AccrueAsync(host, 2026, 2, Ct);

        Assert.Equal((1, 1), (accrual.SocialInsuranceEntries, accrual.ResidenceEntries));
        var expected = PointsCalculator.Calculate(PointsRuleSets.NingboZhenhai2026, new PointsProfile
        {
            BirthDate = birth,
            EducationLevels = [EducationLevel.College, EducationLevel.BachelorOrHigher],
            SkillLevels = [SkillLevel.Grade4, SkillLevel.Grade3],
            SocialInsuranceMonths = 41,
            ResidenceMonths = 21,
        }, Today);
        Assert.Equal(63.75m, expected.Total); // 20 + 10 + 8 + 20.5 + 5.25
        var statement = await officer.GetFromJsonAsync<StatementView>($"/api/points/residents/{resident}", Ct);
        Assert.Equal(expected.Total, statement!.Total);
        Assert.Equal(expected.Lines.Select(l => (l.Code, l.Points)), statement.Lines.Select(l => (l.Code, l.Points)));
        Assert.Equal("41", statement.Line(IndicatorCodes.SocialInsurance).Input);
        Assert.Equal("highest-level", statement.Line(IndicatorCodes.Education).Reason);
        var balance = await BalanceAsync(host, resident, Ct);
        Assert.Equal((6375, 63, 41, 21), (balance.TotalHundredths, balance.Total, balance.SocialInsuranceMonths, balance.ResidenceMonths));
        Assert.Equal("ningbo-zhenhai@1", balance.RuleSetVersion);
        // Each indicator's entries add up to its line: the ledger explains the total.
        var entries = await EntriesAsync(host, resident, Ct);
        foreach (var line in expected.Lines.Where(l => l.Code != IndicatorCodes.Age))
            Assert.Equal(line.Points, entries.Where(e => e.Indicator == line.Code).Sum(e => e.Points));
    }

    [Theory]
    [MemberData(nameof(TestProviders.Both), MemberType = typeof(TestProviders))]
    public async Task The_set_based_accrual_scores_every_age_and_month_count_as_the_calculator_does(DatabaseProvider provider)
    {
        await using var host = new PermitTestHost(provider);
        using var officer = host.Officer();
        var residents = new List<(Guid Id, DateOnly Birth, int Months)>();
        // Birthdays the day before, on and after today at the ages where the age points change, a 29 February, and
        // earlier months (backfilled from the bureau's statements) on both sides of the caps.
        foreach (var age in new[] { 20, 40, 41, 45, 54, 55, 60, 61, 70 })
        {
            foreach (var shift in new[] { -1, 0, 1 })
            {
                var birth = Today.AddYears(-age).AddDays(shift);
                var months = (age * 3) + shift;
                var id = await ResidentAsync(host, birth, ct: Ct);
                using var backfill = await RecordAsync(officer, id, IndicatorCodes.Residence, quantity: months, ct: Ct);
                using var insurance = await RecordAsync(officer, id, IndicatorCodes.SocialInsurance, quantity: months / 2, ct: Ct);
                Assert.Equal(HttpStatusCode.Created, insurance.StatusCode);
                residents.Add((id, birth, months));
            }
        }

        residents.Add((await ResidentAsync(host, new DateOnly(1984, 2, 29), ct: Ct), new DateOnly(1984, 2, 29), 0));

        var result = await AccrueAsync(host, 2026, 2, Ct);

        Assert.Equal(1, result.BalancesCreated);
        Assert.Equal(residents.Count, result.ResidenceEntries);
        foreach (var (id, birth, months) in residents)
        {
            var profile = new PointsProfile { BirthDate = birth, ResidenceMonths = months + 1, SocialInsuranceMonths = months / 2 };
            var expected = PointsCalculator.Calculate(PointsRuleSets.NingboZhenhai2026, profile, Today);
            var balance = await BalanceAsync(host, id, Ct);
            Assert.True(expected.Total * 100 == balance.TotalHundredths, $"born {birth:yyyy-MM-dd}, {months} months: calculator {expected.Total}, accrual {balance.TotalHundredths / 100m}");
            Assert.Equal((int)Math.Floor(expected.Total), balance.Total);
        }
    }

    [Theory]
    [MemberData(nameof(TestProviders.Both), MemberType = typeof(TestProviders))]
    public async Task Accruing_the_same_month_twice_gives_the_same_totals_and_no_second_entries(DatabaseProvider provider)
    {
        await using var host = new PermitTestHost(provider);
        using var officer = host.Officer();
        var resident = await ResidentAsync(host, new DateOnly(1990, 1, 1), ct: Ct);
        using var cover = await officer.PostAsJsonAsync($"/api/points/residents/{resident}/social-insurance",
            new { coveredFrom = new DateOnly(2025, 6, 1), evidenceReference = "社保缴费证明" }, Ct);

        var first = await AccrueAsync(host, 2026, 1, Ct);
        var afterFirst = await BalanceAsync(host, resident, Ct);
        var second = await AccrueAsync(host, 2026, 1, Ct);
        var afterSecond = await BalanceAsync(host, resident, Ct);
        var next = await AccrueAsync(host, 2026, 2, Ct);
        var again = await AccrueAsync(host, 2026, 2, Ct);

        Assert.Equal((1, 1), (first.SocialInsuranceEntries, first.ResidenceEntries));
        Assert.Equal((0, 0), (second.SocialInsuranceEntries, second.ResidenceEntries));
        Assert.Equal((1, 1), (next.SocialInsuranceEntries, next.ResidenceEntries));
        Assert.Equal((0, 0), (again.SocialInsuranceEntries, again.ResidenceEntries));
        Assert.Equal(afterFirst.TotalHundredths, afterSecond.TotalHundredths);
        Assert.Equal(2000 + 50 + 25, afterFirst.TotalHundredths);
        var final = await BalanceAsync(host, resident, Ct);
        Assert.Equal((2, 2, 2000 + 100 + 50), (final.SocialInsuranceMonths, final.ResidenceMonths, final.TotalHundredths));
        Assert.Equal(4, (await EntriesAsync(host, resident, Ct)).Count);
    }

    [Theory]
    [MemberData(nameof(TestProviders.Both), MemberType = typeof(TestProviders))]
    public async Task A_frozen_resident_earns_nothing_until_a_supervisor_lifts_the_freeze(DatabaseProvider provider)
    {
        await using var host = new PermitTestHost(provider);
        using var registrar = host.Officer();
        using var supervisor = host.Officer(OfficerRole.Supervisor);
        var resident = await ResidentAsync(host, new DateOnly(1990, 1, 1), ct: Ct);
        await AccrueAsync(host, 2026, 1, Ct);
        using var criminal = await RecordAsync(registrar, resident, IndicatorCodes.Criminal, quantity: 1, ct: Ct);
        var freeze = (await criminal.Content.ReadFromJsonAsync<LedgerChangeView>(Ct))!;

        var accrual = await AccrueAsync(host, 2026, 2, Ct);
        using var award = await RecordAsync(registrar, resident, IndicatorCodes.Education, "college", ct: Ct);
        using var byRegistrar = await registrar.PostAsJsonAsync($"/api/points/entries/{freeze.Entries[0].Id}/reversal", new { reason = "判决撤销" }, Ct);
        var frozen = await BalanceAsync(host, resident, Ct);
        using var bySupervisor = await supervisor.PostAsJsonAsync($"/api/points/entries/{freeze.Entries[0].Id}/reversal", new { reason = "判决撤销" }, Ct);
        var lifted = await BalanceAsync(host, resident, Ct);

        Assert.Equal(HttpStatusCode.Created, criminal.StatusCode);
        Assert.Equal(-100m, freeze.Entries[0].Points);
        Assert.True(freeze.Balance.Frozen);
        Assert.Equal(0, accrual.ResidenceEntries);
        Assert.Equal(HttpStatusCode.Conflict, award.StatusCode);
        Assert.EndsWith("/points-frozen", (await award.Content.ReadFromJsonAsync<ProblemView>(Ct))!.Type, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Forbidden, byRegistrar.StatusCode);
        Assert.EndsWith("/points-supervisor-required", (await byRegistrar.Content.ReadFromJsonAsync<ProblemView>(Ct))!.Type, StringComparison.Ordinal);
        Assert.Equal((true, 1, 2000 + 25 - 10000), (frozen.Frozen, frozen.ResidenceMonths, frozen.TotalHundredths));
        Assert.Equal(HttpStatusCode.Created, bySupervisor.StatusCode);
        Assert.Equal((false, 2025), (lifted.Frozen, lifted.TotalHundredths));
        var resumed = await AccrueAsync(host, 2026, 2, Ct);
        Assert.Equal(1, resumed.ResidenceEntries);
    }

    [Theory]
    [MemberData(nameof(TestProviders.Both), MemberType = typeof(TestProviders))]
    public async Task A_mistake_is_reversed_by_a_new_entry_and_the_ledger_refuses_edits(DatabaseProvider provider)
    {
        await using var host = new PermitTestHost(provider);
        using var officer = host.Officer();
        var resident = await ResidentAsync(host, new DateOnly(1990, 1, 1), ct: Ct);
        using var wrong = await RecordAsync(officer, resident, IndicatorCodes.Housing, "own-home", ct: Ct);
        var entry = (await wrong.Content.ReadFromJsonAsync<LedgerChangeView>(Ct))!.Entries[0];

        using var reversal = await officer.PostAsJsonAsync($"/api/points/entries/{entry.Id}/reversal", new { reason = "房产证属他人" }, Ct);
        using var twice = await officer.PostAsJsonAsync($"/api/points/entries/{entry.Id}/reversal", new { reason = "again" }, Ct);
        using var right = await RecordAsync(officer, resident, IndicatorCodes.Housing, "registered-rental", ct: Ct);
        using var noReason = await officer.PostAsJsonAsync($"/api/points/entries/{entry.Id}/reversal", new { reason = " " }, Ct);

        Assert.Equal(HttpStatusCode.Created, reversal.StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, twice.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, noReason.StatusCode);
        var ledger = await officer.GetFromJsonAsync<List<EntryView>>($"/api/points/residents/{resident}/entries", Ct);
        Assert.Equal([("Evidence", 20m), ("Reversal", -20m), ("Evidence", 10m)], ledger!.Select(e => (e.Kind, e.Points)));
        Assert.Equal(entry.Id, ledger![1].ReversesEntryId);
        Assert.Equal(3000, (await BalanceAsync(host, resident, Ct)).TotalHundredths);

        await using var db = host.NewContext();
        var saved = await db.PointsEntries.FirstAsync(e => e.Id == entry.Id, Ct);
        db.Entry(saved).Property(e => e.PointsHundredths).CurrentValue = 5000;
        await Assert.ThrowsAsync<InvalidOperationException>(() => db.SaveChangesAsync(Ct));
        db.ChangeTracker.Clear();
        db.PointsEntries.Remove(await db.PointsEntries.FirstAsync(e => e.Id == entry.Id, Ct));
        await Assert.ThrowsAsync<InvalidOperationException>(() => db.SaveChangesAsync(Ct));
    }

    [Theory]
    [MemberData(nameof(TestProviders.Both), MemberType = typeof(TestProviders))]
    public async Task A_bad_fact_is_refused_with_field_errors_and_nothing_is_written(DatabaseProvider provider)
    {
        await using var host = new PermitTestHost(provider);
        using var officer = host.Officer();
        var resident = await ResidentAsync(host, new DateOnly(1990, 1, 1), ct: Ct);

        using var unknown = await RecordAsync(officer, resident, "city.moon-landing", quantity: 1, ct: Ct);
        using var badLevel = await RecordAsync(officer, resident, IndicatorCodes.Education, "phd-from-hogwarts", ct: Ct);
        using var age = await RecordAsync(officer, resident, IndicatorCodes.Age, quantity: 3, ct: Ct);
        using var noEvidence = await officer.PostAsJsonAsync($"/api/points/residents/{resident}/entries", new { indicator = IndicatorCodes.Volunteer, quantity = 2 }, Ct);
        using var nobody = await RecordAsync(officer, Guid.NewGuid(), IndicatorCodes.Volunteer, quantity: 1, ct: Ct);

        Assert.All(new[] { unknown, badLevel, age, noEvidence }, r => Assert.Equal(HttpStatusCode.BadRequest, r.StatusCode));
        Assert.EndsWith("/points-indicator-unknown", (await unknown.Content.ReadFromJsonAsync<ProblemView>(Ct))!.Type, StringComparison.Ordinal);
        Assert.EndsWith("/points-level-invalid", (await badLevel.Content.ReadFromJsonAsync<ProblemView>(Ct))!.Type, StringComparison.Ordinal);
        Assert.EndsWith("/points-evidence-required", (await noEvidence.Content.ReadFromJsonAsync<ProblemView>(Ct))!.Type, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, nobody.StatusCode);
        await using var db = host.NewContext();
        Assert.Equal(0, await db.PointsEntries.CountAsync(Ct));
        Assert.Equal(0, await db.PointsBalances.CountAsync(Ct));
    }
}

using Permit.Api.Features.LegacyImport;
using Permit.Api.Features.Permits;
using Permit.Api.Features.Points;
using Permit.Api.Tests.Features.Residents;
using Permit.Domain.Common;
using Permit.Domain.Identity;
using Permit.Domain.Permits;
using Permit.Domain.Regions;

namespace Permit.Api.Tests.Features.LegacyImport;

/// <summary>Permits, social-insurance covers and points facts from the old system, and the points their months earn.</summary>
public sealed class LegacyHistoryImportTests
{
    private const int People = 40;

    [Theory]
    [MemberData(nameof(TestProviders.Both), MemberType = typeof(TestProviders))]
    public async Task Permits_keep_their_numbers_cards_and_endorsements_the_months_are_backfilled_once_and_a_rerun_changes_nothing(DatabaseProvider provider)
    {
        await using var desk = new PermitTestHost(provider, DeskData.Morning);

        var first = await ImportAllAsync(desk, batch: 15);
        var before = await DumpAsync(desk);
        var again = await ImportAllAsync(desk, batch: 15);

        Assert.Equal([People, People * 5, People, People + People / 5, People + People / 4], first.Files.Select(f => f.Written));
        Assert.All(first.Files, f => Assert.Equal(0, f.Rejected));
        Assert.All(again.Files, f => Assert.Equal(0, f.Written));
        Assert.True(again.Backfill!.AlreadyDone);
        Assert.Equal(before, await DumpAsync(desk));

        await using var db = desk.NewContext();
        var permits = await db.ResidencePermits.AsNoTracking().ToListAsync(TestContext.Current.CancellationToken);
        var replaced = permits.Single(p => p.Number == PermitNumber.Create(RegionCode.Parse("330211"), 2021, 1));
        Assert.Equal((PermitStatus.Active, 2, CardStatus.Issued), (replaced.Status, replaced.CurrentCard.Sequence, replaced.CurrentCard.Status));
        Assert.Equal(CardStatus.Revoked, replaced.Cards.Single(c => c.Sequence == 1).Status);
        Assert.Equal(4, replaced.Endorsements.Count);
        var late = permits.Single(p => p.Number.Serial == 10);
        Assert.Equal([false, false, true, false], late.Endorsements.OrderBy(e => e.Sequence).Select(e => e.IsLate));
        Assert.Equal(late.Endorsements.Single(e => e.IsLate).EndorsedOn, late.ContinuousResidenceSince);

        // Person 1 registered on 4 March 2021 and moved every March (each March is no whole registered month), and paid
        // social insurance from April 2021: months April 2021 to February 2026.
        var one = await db.ResidentsWithCitizenId(CitizenIdNumber.Parse(EmployerFiles.IdNumberOf(1))).SingleAsync(TestContext.Current.CancellationToken);
        var balance = await db.PointsBalances.AsNoTracking().SingleAsync(b => b.ResidentId == one.Id, TestContext.Current.CancellationToken);
        Assert.Equal((55, 59), (balance.ResidenceMonths, balance.SocialInsuranceMonths));
        Assert.True(balance.TotalHundredths > 0);
    }

    [Fact]
    public async Task The_backfill_scoring_once_at_its_end_leaves_the_balances_the_monthly_job_scoring_every_month_leaves()
    {
        await using var backfilled = new PermitTestHost(DatabaseProvider.Sqlite, DeskData.Morning);
        await using var monthly = new PermitTestHost(DatabaseProvider.Sqlite, DeskData.Morning);
        var result = await ImportAllAsync(backfilled);
        await using (var db = monthly.NewContext())
        {
            var importer = new LegacyImporter(db, monthly.Time, LegacyImportActor.TrailOn(db, monthly.Time));
            foreach (var (name, text) in Files(People))
                await importer.ImportAsync(name, LegacyFiles.Bytes(text), new LegacyImportOptions(), TestContext.Current.CancellationToken);
            var first = DateOnly.ParseExact(result.Backfill!.From + "-01", "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
            for (var month = first; month < new DateOnly(DeskData.Today.Year, DeskData.Today.Month, 1); month = month.AddMonths(1))
                await MonthlyAccrual.RunAsync(db, month.Year, month.Month, ChinaDate.StartOf(month.AddMonths(1)), TestContext.Current.CancellationToken);
        }

        Assert.Equal(await BalancesAsync(monthly), await BalancesAsync(backfilled));
        Assert.Contains(await BalancesAsync(backfilled), b => b.EndsWith(" 55 59", StringComparison.Ordinal));
    }

    private static async Task<List<string>> BalancesAsync(PermitTestHost desk)
    {
        await using var db = desk.NewContext();
        var numbers = await db.Residents.AsNoTracking().ToDictionaryAsync(r => r.Id, r => r.CitizenId.Value, TestContext.Current.CancellationToken);
        var balances = await db.PointsBalances.AsNoTracking().ToListAsync(TestContext.Current.CancellationToken);
        return [.. balances.Select(b => $"{numbers[b.ResidentId]} {b.TotalHundredths} {b.Total} {b.RuleSetVersion} {b.ComputedAt:O} {b.ResidenceMonths} {b.SocialInsuranceMonths}").Order(StringComparer.Ordinal)];
    }

    [Fact]
    public async Task The_next_permit_issued_after_an_import_never_takes_an_imported_number()
    {
        await using var desk = new PermitTestHost(DatabaseProvider.Sqlite, DeskData.Morning);
        await ImportAllAsync(desk);

        await using var db = desk.NewContext();
        await using var transaction = await db.Database.BeginTransactionAsync(TestContext.Current.CancellationToken);
        var next = await PermitNumberAllocator.NextAsync(db, RegionCode.Parse("330211"), 2021, TestContext.Current.CancellationToken);

        Assert.Equal(People + 1, next.Serial);
    }

    [Fact]
    public async Task Bad_permit_cover_and_fact_rows_are_rejected_naming_row_column_and_rule_and_write_nothing_of_themselves()
    {
        await using var desk = new PermitTestHost(DatabaseProvider.Sqlite, DeskData.Morning);
        await ImportAllAsync(desk);
        var stranger = EmployerFiles.IdNumberOf(People);
        var someone = EmployerFiles.IdNumberOf(3);
        var permits = LegacyLayoutsHeader(LegacyLayouts.Permits)
            + $"{DeskData.WrongCheck(Number(2021, 904))},{someone},2021-10-13,镇海分局,1,2021-10-16,,,,,\r\n"
            + $"{Number(2021, 2)},{someone},2021-10-13,镇海分局,1,2021-10-16,,,,,\r\n"
            + $"{Number(2021, 900)},{someone},2021-10-13,镇海分局,1,2021-10-16,,,,,\r\n"
            + $"{Number(2025, 901)},{someone},2025-10-13,镇海分局,1,2025-10-16,,2025-11-01,2025-12-01,localHukou,\r\n"
            + $"{Number(2021, 902)},{someone},2021-05-01,镇海分局,1,2021-05-02,,,2021-06-01,death,\r\n"
            + $"{Number(2021, 903)},{stranger},2021-10-13,镇海分局,0,2021-10-16,,,,,\r\n";
        var covers = LegacyLayoutsHeader(LegacyLayouts.SocialInsurance)
            + $"{someone},2024-05-01,2024-04-30,社保对账单X\r\n"
            + $"{someone},2024-05-01,,\r\n";
        var facts = LegacyLayoutsHeader(LegacyLayouts.PointsFacts)
            + $"{someone},province.flying,,,证书,2022-01-01,\r\n"
            + $"{someone},province.education,phd,,证书,2022-01-01,\r\n"
            + $"{someone},province.age,,1,证书,2022-01-01,\r\n";
        var rejects = new List<LegacyReject>();

        var before = await DumpAsync(desk);
        await using (var db = desk.NewContext())
        {
            var importer = new LegacyImporter(db, desk.Time, LegacyImportActor.TrailOn(db, desk.Time));
            var options = new LegacyImportOptions { Rejected = rejects.Add };
            foreach (var (name, text) in new[] { ("permits.csv", permits), ("covers.csv", covers), ("facts.csv", facts) })
                await importer.ImportAsync(name, LegacyFiles.Bytes(text), options, TestContext.Current.CancellationToken);
        }

        Assert.Equal(
            [(2, "permitNumber", "permit-number-check-character"), (3, "permitNumber", "duplicate-permit-number"),
             (4, "idNumber", "live-permit-exists"), (5, "endorsedOn", "endorsement-outside-window"), (6, "issueDate", "application-not-eligible"),
             (7, "cardSequence", "card-sequence-invalid"),
             (2, "coveredUntil", "points-cover-invalid"), (3, "evidenceReference", "points-evidence-required"),
             (2, "indicator", "points-indicator-unknown"), (3, "level", "points-level-invalid"), (4, "indicator", "points-indicator-not-entered")],
            rejects.Select(r => (r.Row, r.Column, r.Rule)));
        Assert.Equal(before, await DumpAsync(desk));
    }

    private static string Number(int year, int serial) => PermitNumber.Create(RegionCode.Parse("330211"), year, serial).Value;

    private static string LegacyLayoutsHeader(IReadOnlyList<string> columns) => string.Join(',', columns) + "\r\n";

    internal static async Task<(List<LegacyFileResult> Files, LegacyBackfillResult? Backfill)> ImportAllAsync(PermitTestHost desk, int batch = 1000)
    {
        await using var db = desk.NewContext();
        var importer = new LegacyImporter(db, desk.Time, LegacyImportActor.TrailOn(db, desk.Time));
        var options = new LegacyImportOptions { BatchSize = batch };
        var files = new List<LegacyFileResult>();
        foreach (var (name, text) in Files(People))
            files.Add(await importer.ImportAsync(name, LegacyFiles.Bytes(text), options, TestContext.Current.CancellationToken));
        var backfill = await LegacyPointsBackfill.RunAsync(db, LegacyImportActor.TrailOn(db, desk.Time), desk.Time, null, TestContext.Current.CancellationToken);
        return (files, backfill);
    }

    internal static IEnumerable<(string Name, string Text)> Files(int people) =>
    [
        ("residents.csv", LegacyFiles.Residents(people)),
        ("registrations.csv", LegacyFiles.Registrations(people)),
        ("permits.csv", LegacyHistory.Permits(people, DeskData.Today)),
        ("social-insurance.csv", LegacyHistory.Covers(people)),
        ("points-facts.csv", LegacyHistory.Facts(people)),
    ];

    /// <summary>Everything the import writes, in a canonical order, without the ids and ciphertexts that differ between runs.</summary>
    internal static async Task<List<string>> DumpAsync(PermitTestHost desk)
    {
        var lines = await LegacyImportTests.DumpAsync(desk);
        await using var db = desk.NewContext();
        var numbers = (await db.Residents.AsNoTracking().ToListAsync(TestContext.Current.CancellationToken)).ToDictionary(r => r.Id, r => r.CitizenId.Value);
        foreach (var p in await db.ResidencePermits.AsNoTracking().ToListAsync(TestContext.Current.CancellationToken))
        {
            lines.Add($"P {p.Number} {numbers[p.ResidentId]} {p.Status} {p.IssueDate} {p.Anchor} {p.EndorsementsSinceAnchor} {p.ValidUntil} {p.ContinuousResidenceSince} {p.SuspendedOn} {p.EndedOn} {p.EndReason}");
            lines.AddRange(p.Cards.Select(c => $"C {p.Number} {c.Sequence} {c.Reason} {c.Status} {c.OrderedOn} {c.IssuedOn} {c.RevokedOn} {c.RevocationReason}"));
            lines.AddRange(p.Endorsements.Select(e => $"E {p.Number} {e.Sequence} {e.EndorsedOn} {e.PreviousValidUntil} {e.NewValidUntil} {e.IsLate}"));
        }
        lines.AddRange((await db.PermitApplications.AsNoTracking().ToListAsync(TestContext.Current.CancellationToken))
            .Select(a => $"A {numbers[a.ResidentId]} {a.Status} {a.RegistrationDate} {a.DecidedOn} {a.DecidedBy}"));
        lines.AddRange((await db.SocialInsuranceCovers.AsNoTracking().ToListAsync(TestContext.Current.CancellationToken))
            .Select(c => $"S {numbers[c.ResidentId]} {c.CoveredFrom} {c.CoveredUntil} {c.EvidenceReference} {c.RecordedBy}"));
        lines.AddRange((await db.PointsEntries.AsNoTracking().ToListAsync(TestContext.Current.CancellationToken))
            .Select(e => $"L {numbers[e.ResidentId]} {e.Kind} {e.Indicator} {e.Quantity} {e.Level} {e.PointsHundredths} {e.Period} {e.Source} {e.RuleSetVersion} {e.Officer} {e.EvidenceReference} {e.CreatedAt:O} {e.FrozenUntil} {e.Key}"));
        lines.AddRange((await db.PointsBalances.AsNoTracking().ToListAsync(TestContext.Current.CancellationToken))
            .Select(b => $"B {numbers[b.ResidentId]} {b.TotalHundredths} {b.Total} {b.Frozen} {b.RuleSetVersion} {b.ComputedAt:O} {b.SocialInsuranceMonths} {b.ResidenceMonths} {b.ProvinceFixedHundredths} {b.OtherTiersHundredths}"));
        lines.AddRange((await db.Set<PermitNumberCounter>().AsNoTracking().ToListAsync(TestContext.Current.CancellationToken))
            .Select(c => $"N {c.Region} {c.Year} {c.LastSerial}"));
        return [.. lines.Order(StringComparer.Ordinal)];
    }
}

using Permit.Api.Features.LegacyImport;
using Permit.Api.Tests.Features.Residents;
using Permit.Domain.Regions;
using Permit.Domain.Registrations;

namespace Permit.Api.Tests.Features.LegacyImport;

public sealed class LegacyImportTests
{
    [Theory]
    [MemberData(nameof(TestProviders.Both), MemberType = typeof(TestProviders))]
    public async Task Residents_come_in_with_five_years_of_registrations_dated_as_they_happened_and_a_rerun_changes_nothing(DatabaseProvider provider)
    {
        await using var desk = new PermitTestHost(provider, DeskData.Morning);
        var residents = LegacyFiles.Bytes(LegacyFiles.Residents(120));
        var registrations = LegacyFiles.Bytes(LegacyFiles.Registrations(120));

        var first = await ImportAsync(desk, residents, registrations, batch: 50);
        var before = await DumpAsync(desk);
        var again = await ImportAsync(desk, residents, registrations, batch: 50);

        Assert.Equal((120, 600), (first[0].Written, first[1].Written));
        Assert.Equal((0, 0), (again[0].Written, again[1].Written));
        Assert.Equal(before, await DumpAsync(desk));
        await using var db = desk.NewContext();
        var someone = await db.ResidentsWithCitizenId(Permit.Domain.Identity.CitizenIdNumber.Parse(EmployerFiles.IdNumberOf(7))).SingleAsync(TestContext.Current.CancellationToken);
        var history = await db.ResidenceRegistrations.Where(g => g.ResidentId == someone.Id).OrderBy(g => g.RegistrationDate).ToListAsync(TestContext.Current.CancellationToken);
        Assert.Equal(new DateOnly(2021, 3, 10), history[0].RegistrationDate);
        Assert.Equal([RegistrationStatus.MovedOut, RegistrationStatus.MovedOut, RegistrationStatus.MovedOut, RegistrationStatus.MovedOut, RegistrationStatus.Active], history.Select(g => g.Status));
        Assert.True(history[^1].HasLastedSixMonths(DeskData.Today));
    }

    [Fact]
    public async Task A_changed_file_adds_only_its_new_rows_matched_by_natural_keys()
    {
        await using var desk = new PermitTestHost(DatabaseProvider.Sqlite, DeskData.Morning);
        await ImportAsync(desk, LegacyFiles.Bytes(LegacyFiles.Residents(30)), LegacyFiles.Bytes(LegacyFiles.Registrations(30, years: 2)));

        var more = await ImportAsync(desk, LegacyFiles.Bytes(LegacyFiles.Residents(40)), LegacyFiles.Bytes(LegacyFiles.Registrations(40, years: 2)));

        Assert.Equal((10, 30, 20, 60), (more[0].Written, more[0].Unchanged, more[1].Written, more[1].Unchanged));
        Assert.Equal((40, 80, 0), await desk.CountsAsync());
    }

    [Fact]
    public async Task Bad_rows_are_rejected_naming_row_column_and_rule_and_leave_nothing_half_written()
    {
        await using var desk = new PermitTestHost(DatabaseProvider.Sqlite, DeskData.Morning);
        var residents = LegacyFiles.ResidentsHeader + "\r\n"
            + $"{EmployerFiles.IdNumberOf(1)},甲,01,河南省,\r\n"
            + $"{DeskData.WrongCheck(EmployerFiles.IdNumberOf(2))},乙,01,河南省,\r\n"
            + $"{EmployerFiles.IdNumberOf(3)},{new string('名', 30)},01,河南省,\r\n"
            + $"{EmployerFiles.IdNumberOf(4)},丁,99x,河南省,\r\n";
        var registrations = LegacyFiles.RegistrationsHeader + "\r\n"
            + $"{EmployerFiles.IdNumberOf(1)},2024-01-01,2024-01-05,某路1号,330211003001,residence,租赁001,某房东,2024-12-31\r\n"
            + $"{EmployerFiles.IdNumberOf(1)},2025-01-01,2024-12-30,某路2号,330211003001,residence,租赁002,某房东,\r\n"
            + $"{EmployerFiles.IdNumberOf(1)},2025-02-01,2025-02-03,某路3号,330211003001,residence,租赁003,某房东,2025-01-01\r\n"
            + $"{EmployerFiles.IdNumberOf(9)},2025-02-01,2025-02-03,某路3号,330211003001,residence,租赁004,某房东,\r\n"
            + $"{EmployerFiles.IdNumberOf(1)},2025-02-01,2027-02-03,某路3号,330211003001,residence,租赁005,某房东,\r\n";
        var rejects = new List<LegacyReject>();

        await ImportAsync(desk, LegacyFiles.Bytes(residents), LegacyFiles.Bytes(registrations), rejects: rejects);

        Assert.Equal(
            [(3, "idNumber", "citizen-id-check-character"), (4, "name", "resident-name-invalid"), (5, "ethnicGroup", "ethnic-group-invalid"),
             (3, "arrivalDate", "registration-arrival-after-registration"), (4, "movedOutOn", "registration-move-out-before-registration"),
             (5, "idNumber", "legacy-resident-unknown"), (6, "registrationDate", "legacy-date-in-future")],
            rejects.Select(r => (r.Row, r.Column, r.Rule)));
        Assert.Equal((1, 1, 0), await desk.CountsAsync());
    }

    [Fact]
    public async Task Once_the_directory_lists_communities_a_registration_in_an_unlisted_one_or_still_active_in_a_retired_one_is_rejected()
    {
        await using var desk = new PermitTestHost(DatabaseProvider.Sqlite, DeskData.Morning);
        await using (var db = desk.NewContext())
        {
            db.Communities.Add(Community.List(CommunityCode.Parse("330211003001"), "中街社区"));
            var old = Community.List(CommunityCode.Parse("330211003002"), "旧社区");
            old.Retire();
            db.Communities.Add(old);
            await db.SaveChangesAsync(TestContext.Current.CancellationToken);
        }
        var residents = LegacyFiles.ResidentsHeader + "\r\n" + $"{EmployerFiles.IdNumberOf(1)},甲,01,河南省,\r\n";
        var registrations = LegacyFiles.RegistrationsHeader + "\r\n"
            + $"{EmployerFiles.IdNumberOf(1)},2023-01-01,2023-01-05,某路1号,330211004001,residence,租赁001,某房东,2023-12-31\r\n"
            + $"{EmployerFiles.IdNumberOf(1)},2024-01-01,2024-01-05,某路2号,330211003002,residence,租赁002,某房东,2024-12-31\r\n"
            + $"{EmployerFiles.IdNumberOf(1)},2025-01-01,2025-01-05,某路3号,330211003002,residence,租赁003,某房东,\r\n"
            + $"{EmployerFiles.IdNumberOf(1)},2025-01-01,2025-01-06,某路4号,330211003001,residence,租赁004,某房东,\r\n";
        var rejects = new List<LegacyReject>();

        await ImportAsync(desk, LegacyFiles.Bytes(residents), LegacyFiles.Bytes(registrations), rejects: rejects);

        // The ended registration in the since-retired community is history and comes in; the listed active one too.
        Assert.Equal(
            [(2, "communityCode", "community-not-in-directory"), (4, "communityCode", "community-retired")],
            rejects.Select(r => (r.Row, r.Column, r.Rule)));
        Assert.Equal((1, 2, 0), await desk.CountsAsync());
    }

    [Fact]
    public async Task A_dry_run_checks_registrations_against_the_residents_it_would_create_and_writes_nothing()
    {
        await using var desk = new PermitTestHost(DatabaseProvider.Sqlite, DeskData.Morning);

        var results = await ImportAsync(desk, LegacyFiles.Bytes(LegacyFiles.Residents(20)), LegacyFiles.Bytes(LegacyFiles.Registrations(20)), dryRun: true);

        Assert.Equal((20, 100, 0), (results[0].Written, results[1].Written, results[0].Rejected + results[1].Rejected));
        Assert.Equal((0, 0, 0), await desk.CountsAsync());
    }

    internal static async Task<List<LegacyFileResult>> ImportAsync(
        PermitTestHost desk, byte[] residents, byte[] registrations, int batch = 1000, bool dryRun = false, List<LegacyReject>? rejects = null)
    {
        await using var db = desk.NewContext();
        var importer = new LegacyImporter(db, desk.Time, LegacyImportActor.TrailOn(db, desk.Time));
        var options = new LegacyImportOptions { BatchSize = batch, DryRun = dryRun, Rejected = r => rejects?.Add(r) };
        return
        [
            await importer.ImportAsync("residents.csv", residents, options, TestContext.Current.CancellationToken),
            await importer.ImportAsync("registrations.csv", registrations, options, TestContext.Current.CancellationToken),
        ];
    }

    /// <summary>Every imported fact in a canonical order, without the ids and ciphertexts that differ between runs.</summary>
    internal static async Task<List<string>> DumpAsync(PermitTestHost desk)
    {
        await using var db = desk.NewContext();
        var residents = await db.Residents.AsNoTracking().ToListAsync(TestContext.Current.CancellationToken);
        var numbers = residents.ToDictionary(r => r.Id, r => r.CitizenId.Value);
        var registrations = await db.ResidenceRegistrations.AsNoTracking().ToListAsync(TestContext.Current.CancellationToken);
        List<string> lines =
        [
            .. residents.Select(r => $"R {r.CitizenId.Value} {r.Name} {r.Sex} {r.BirthDate} {r.EthnicGroup} {r.HukouAddress} {r.Contact}"),
            .. registrations.Select(g => $"G {numbers[g.ResidentId]} {g.ArrivalDate} {g.RegistrationDate} {g.MovedOutOn} {g.Status} {g.Address} {g.CommunityCode} {g.Basis} {g.Evidence} {g.EmployerOrLandlord}"),
        ];
        return [.. lines.Order(StringComparer.Ordinal)];
    }
}

using System.IO.Compression;
using System.Net.Http.Headers;
using System.Text;
using Permit.Api.Tests.Features.Residents;

namespace Permit.Api.Tests.Features.BulkReports;

/// <summary>Employers' files as they really come: GB18030 CSV from Chinese Excel, .xlsx, 50,000 rows, and bad ones.</summary>
public sealed class EmployerFileTests
{
    private const string Xlsx = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    private static readonly DateOnly Arrival = new(2026, 2, 27);

    [Fact]
    public async Task A_GB18030_csv_of_50000_rows_from_Chinese_Excel_is_read_in_a_dry_run_then_recorded()
    {
        await using var desk = new PermitTestHost(DatabaseProvider.Sqlite, DeskData.Morning);
        using var client = desk.Officer();
        // 50,000 rows on a machine shared by many builds can take longer than HttpClient's 100 s: the test asserts what
        // the upload does, not how fast (bench/Permit.Bench.BulkReports measures that).
        client.Timeout = Timeout.InfiniteTimeSpan;
        var file = EmployerFiles.Gb18030Csv(EmployerFiles.Arrivals(50_000, Arrival));

        var dry = await (await PostAsync(client, file, "text/csv", "?dryRun=true")).JsonAsync();
        Assert.Equal(("gb18030", true, 50_000, 0), (dry.GetProperty("readAs").GetString(), dry.GetProperty("dryRun").GetBoolean(),
            dry.GetProperty("acceptedCount").GetInt32(), dry.GetProperty("rejectedCount").GetInt32()));
        Assert.Equal((0, 0, 0), await desk.CountsAsync());

        var real = await (await PostAsync(client, file, "text/csv")).JsonAsync();
        Assert.Equal(50_000, real.GetProperty("acceptedCount").GetInt32());
        Assert.Equal((50_000, 50_000, 0), await desk.CountsAsync());
        await using var db = desk.NewContext();
        var someone = await db.Residents.Where(r => r.Name == "王某0").FirstAsync(TestContext.Current.CancellationToken);
        Assert.Equal("河南省郑州市金水区", someone.HukouAddress);
    }

    [Fact]
    public async Task An_xlsx_of_50000_rows_with_shared_strings_and_serial_dates_is_read_in_a_dry_run_then_recorded()
    {
        await using var desk = new PermitTestHost(DatabaseProvider.Sqlite, DeskData.Morning);
        using var client = desk.Officer();
        // 50,000 rows on a machine shared by many builds can take longer than HttpClient's 100 s: the test asserts what
        // the upload does, not how fast (bench/Permit.Bench.BulkReports measures that).
        client.Timeout = Timeout.InfiniteTimeSpan;
        var file = EmployerFiles.Xlsx(EmployerFiles.Arrivals(50_000, Arrival));

        var dry = await (await PostAsync(client, file, Xlsx, "?dryRun=true")).JsonAsync();
        Assert.Equal(("xlsx", 50_000), (dry.GetProperty("readAs").GetString(), dry.GetProperty("acceptedCount").GetInt32()));
        Assert.Equal((0, 0, 0), await desk.CountsAsync());

        var real = await (await PostAsync(client, file, Xlsx)).JsonAsync();
        Assert.Equal(50_000, real.GetProperty("acceptedCount").GetInt32());
        await using var db = desk.NewContext();
        Assert.Equal(50_000, await db.ResidenceRegistrations.CountAsync(g => g.ArrivalDate == Arrival, TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task Lateness_counts_China_s_working_days_with_the_Spring_Festival_and_its_make_up_Saturdays_and_is_stored()
    {
        await using var desk = new PermitTestHost(DatabaseProvider.Sqlite, DeskData.Morning);
        using var client = desk.Officer();
        // Friday 13 February 2026, reported Monday 2 March: 14 Feb and 28 Feb are worked Saturdays, 15–23 Feb are the
        // Spring Festival: 7 working days (Monday to Friday alone would say 11).
        var row = EmployerFiles.Arrivals(1, new DateOnly(2026, 2, 13));

        var report = await (await PostAsync(client, Encoding.UTF8.GetBytes(EmployerFiles.Csv(row)), "text/csv")).JsonAsync();

        var accepted = report.GetProperty("accepted")[0];
        Assert.Equal((true, 7), (accepted.GetProperty("reportedLate").GetBoolean(), accepted.GetProperty("reportDelayWorkingDays").GetInt32()));
        await using var db = desk.NewContext();
        var registration = await db.ResidenceRegistrations.SingleAsync(TestContext.Current.CancellationToken);
        Assert.Equal((DeskData.Today, 7, true), (registration.ReportedOn, registration.ReportDelayWorkingDays, registration.WasReportedLate));
    }

    [Fact]
    public async Task A_formula_typed_into_a_report_stays_text_in_the_result_spreadsheet()
    {
        await using var desk = new PermitTestHost(DatabaseProvider.Sqlite, DeskData.Morning);
        using var client = desk.Officer();
        var rows = EmployerFiles.Arrivals(2, Arrival);
        rows[0][6] = "=cmd|' /C calc'!A0";
        rows[1][2] = "@SUM(1+1)*cmd|' /C calc'!A0";
        rows[1][3] = "not a community";

        var report = await (await PostAsync(client, Encoding.UTF8.GetBytes(EmployerFiles.Csv(rows)), "text/csv")).JsonAsync();
        using var sheet = await client.GetAsync(new Uri($"/api/bulk-reports/runs/{report.GetProperty("runId").GetGuid()}/result.xlsx", UriKind.Relative), TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.OK, sheet.StatusCode);
        Assert.Equal(Xlsx, sheet.Content.Headers.ContentType?.MediaType);
        var (cells, anyFormula) = EmployerFiles.ReadSheet(await sheet.Content.ReadAsByteArrayAsync(TestContext.Current.CancellationToken));
        Assert.False(anyFormula);
        Assert.Contains("'=cmd|' /C calc'!A0", cells[1]);
        Assert.Contains("'@SUM(1+1)*cmd|' /C calc'!A0", cells[2]);
        Assert.DoesNotContain(cells.SelectMany(c => c), c => c.Length > 0 && c[0] is '=' or '@' or '+' or '-');
    }

    [Fact]
    public async Task Another_officer_cannot_see_a_run_s_progress_or_result()
    {
        await using var desk = new PermitTestHost(DatabaseProvider.Sqlite, DeskData.Morning);
        using var registrar = desk.Officer();
        using var supervisor = desk.Officer(OfficerRole.Supervisor);
        var report = await (await PostAsync(registrar, Encoding.UTF8.GetBytes(EmployerFiles.Csv(EmployerFiles.Arrivals(3, Arrival))), "text/csv", "?dryRun=true")).JsonAsync();
        var run = report.GetProperty("runId").GetGuid();

        using var own = await registrar.GetAsync(new Uri($"/api/bulk-reports/runs/{run}", UriKind.Relative), TestContext.Current.CancellationToken);
        using var other = await supervisor.GetAsync(new Uri($"/api/bulk-reports/runs/{run}/result.xlsx", UriKind.Relative), TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.OK, own.StatusCode);
        var progress = await own.JsonAsync();
        Assert.Equal(("done", 3, 3), (progress.GetProperty("stage").GetString(), progress.GetProperty("done").GetInt32(), progress.GetProperty("total").GetInt32()));
        Assert.Equal(HttpStatusCode.NotFound, other.StatusCode);
    }

    [Fact]
    public async Task A_zip_bomb_posing_as_an_xlsx_is_refused_before_it_is_unpacked_and_writes_nothing()
    {
        await using var desk = new PermitTestHost(DatabaseProvider.Sqlite, DeskData.Morning);
        using var client = desk.Officer();
        using var bomb = new MemoryStream();
        using (var archive = new ZipArchive(bomb, ZipArchiveMode.Create, leaveOpen: true))
        {
            using var sheet = archive.CreateEntry("xl/worksheets/sheet1.xml", CompressionLevel.SmallestSize).Open();
            var zeros = new byte[1024 * 1024];
            for (var i = 0; i < 200; i++)
                sheet.Write(zeros);
        }

        using var response = await PostAsync(client, bomb.ToArray(), Xlsx);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("https://permit.example/problems/bulk-report-xlsx-too-large", (await response.JsonAsync()).GetProperty("type").GetString());
        Assert.Equal((0, 0, 0), await desk.CountsAsync());
    }

    [Fact]
    public async Task A_file_that_is_neither_UTF_8_nor_GB18030_is_refused_and_one_declared_GB18030_is_read_as_such()
    {
        await using var desk = new PermitTestHost(DatabaseProvider.Sqlite, DeskData.Morning);
        using var client = desk.Officer();
        var gb = EmployerFiles.Gb18030Csv(EmployerFiles.Arrivals(1, Arrival));

        using var broken = await PostAsync(client, [.. gb, 0x80, 0xFF], "text/csv");
        var chosen = await (await PostAsync(client, gb, "text/csv", "?dryRun=true&encoding=gb18030")).JsonAsync();

        Assert.Equal("https://permit.example/problems/bulk-report-not-text", (await broken.JsonAsync()).GetProperty("type").GetString());
        Assert.Equal(("gb18030", 1), (chosen.GetProperty("readAs").GetString(), chosen.GetProperty("acceptedCount").GetInt32()));
    }

    [Fact]
    public async Task A_row_that_fails_a_rule_after_its_person_was_found_new_leaves_no_resident_behind()
    {
        await using var desk = new PermitTestHost(DatabaseProvider.Sqlite, DeskData.Morning);
        using var client = desk.Officer();
        var rows = EmployerFiles.Arrivals(2, Arrival);
        rows[1][4] = new string('址', 80); // 240 UTF-8 bytes: longer than the card's address field
        rows[1][9] = "01";

        var report = await (await PostAsync(client, Encoding.UTF8.GetBytes(EmployerFiles.Csv(rows)), "text/csv")).JsonAsync();

        Assert.Equal((1, 1), (report.GetProperty("acceptedCount").GetInt32(), report.GetProperty("rejectedCount").GetInt32()));
        Assert.Equal("address", report.GetProperty("rejected")[0].GetProperty("column").GetString());
        Assert.Equal((1, 1, 0), await desk.CountsAsync());
    }

    private static async Task<HttpResponseMessage> PostAsync(HttpClient client, byte[] body, string mediaType, string query = "")
    {
        var content = new ByteArrayContent(body);
        content.Headers.ContentType = new MediaTypeHeaderValue(mediaType);
        return await client.PostAsync(new Uri("/api/bulk-reports" + query, UriKind.Relative), content, TestContext.Current.CancellationToken);
    }
}

using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using System.Text;
using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;
using Permit.Api.Features.BulkReports;
using Permit.Api.Features.LegacyImport;
using Permit.Api.Features.Registrations;
using Permit.Api.Keys;
using Permit.Api.Persistence;
using Permit.Api.Security.Fields;
using Permit.CommandLine;
using Permit.Domain.Common;

// Permit.Bench.Import: the legacy import (100,000 residents with five years of registrations) and employers' bulk
// reports (50,000 rows as UTF-8 CSV, GB18030 CSV and .xlsx), each timed once. Arguments (System.CommandLine, --help
// lists them): [legacy|legacy-sqlite|legacy-postgres|bulk|all] [residents=100000] [rows=50000] [batch=2000]
// PERMIT_BENCH_POSTGRES (a server connection string) adds the PostgreSQL legacy run. Prints rows/s and the load average.
var whatArgument = new Argument<string>("what") { Description = "legacy (both providers), legacy-sqlite, legacy-postgres, bulk or all.", DefaultValueFactory = _ => "all" };
whatArgument.AcceptOnlyFromAmong("legacy", "legacy-sqlite", "legacy-postgres", "bulk", "all");
var residentsArgument = new Argument<int>("residents") { Description = "Residents in the legacy files (five years of registrations each).", DefaultValueFactory = _ => 100_000 };
var rowsArgument = new Argument<int>("rows") { Description = "Rows in each bulk report.", DefaultValueFactory = _ => 50_000 };
var batchArgument = new Argument<int>("batch") { Description = "Legacy rows per transaction.", DefaultValueFactory = _ => 2000 };
var command = new RootCommand("Permit.Bench.Import: the legacy import and employers' bulk reports, each timed once; prints figures.")
{
    whatArgument, residentsArgument, rowsArgument, batchArgument,
};
var parsed = ProgramCommandLine.Parse(command, args);
if (ProgramCommandLine.IsUsageError(parsed))
{
    foreach (var problem in ProgramCommandLine.Errors(parsed))
        Console.Error.WriteLine(problem);
    return 2;
}
// --help and --version are the library's to answer; the bench itself has no action to invoke.
if (parsed.Action is not null)
    return await ProgramCommandLine.InvokeAsync(parsed, Console.Out, Console.Error, CancellationToken.None);
var what = parsed.GetValue(whatArgument)!;
var residents = parsed.GetValue(residentsArgument);
var bulkRows = parsed.GetValue(rowsArgument);
var batch = parsed.GetValue(batchArgument);
var work = Directory.CreateTempSubdirectory("permit-bench-import-");
// BENCH KEYS ONLY: made in the bench's temporary folder and deleted with it.
var protector = new CitizenIdProtector(DataProtectionKeys.LoadOrCreate(new KeyDirectory(Path.Combine(work.FullName, "keys"))));
var time = TimeProvider.System;
Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"Permit.Bench.Import on {Environment.ProcessorCount} cores (shared machine: load average printed with each figure)"));
try
{
    if (what is "legacy" or "legacy-sqlite" or "all")
        await LegacyAsync(DatabaseProvider.Sqlite, $"Data Source={Path.Combine(work.FullName, "legacy.db")}");
    if (what is "legacy" or "legacy-postgres" or "all")
    {
        if (Environment.GetEnvironmentVariable("PERMIT_BENCH_POSTGRES") is { Length: > 0 } server)
        {
            var database = $"permit_bench_import_{Guid.NewGuid():N}";
            await LegacyAsync(DatabaseProvider.Postgres, server.TrimEnd(';') + ";Database=" + database);
        }
    }
    if (what is "bulk" or "all")
        await BulkAsync();
}
finally
{
    Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
    work.Delete(recursive: true);
}
return 0;

async Task LegacyAsync(DatabaseProvider provider, string connectionString)
{
    var today = ChinaDate.Today(time);
    // The files are written to the bench's folder first, as an operator would have them, and read back from there.
    var files = new List<(string Name, byte[] Bytes)>();
    foreach (var (name, text) in new[]
    {
        ("residents.csv", Files.Residents(residents)),
        ("registrations.csv", Files.Registrations(residents, 5)),
        ("permits.csv", LegacyData.Permits(residents, today)),
        ("social-insurance.csv", LegacyData.Covers(residents)),
        ("points-facts.csv", LegacyData.Facts(residents)),
    })
    {
        var path = Path.Combine(work.FullName, name);
        await File.WriteAllTextAsync(path, text);
        files.Add((name, await File.ReadAllBytesAsync(path)));
    }
    await using (var db = PermitDatabase.CreateContext(provider, connectionString, protector))
        await db.Database.MigrateAsync();
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"legacy {provider}: {residents:N0} people, {files.Sum(f => f.Bytes.Length) / 1024.0 / 1024:F1} MiB in 5 files  {Load()}"));
    for (var run = 0; run < 2; run++)
    {
        var clock = Stopwatch.StartNew();
        var rows = 0;
        await using (var db = PermitDatabase.CreateContext(provider, connectionString, protector))
        {
            var importer = new LegacyImporter(db, time);
            var options = new LegacyImportOptions { BatchSize = batch };
            foreach (var (name, bytes) in files)
            {
                var split = clock.Elapsed;
                var result = await importer.ImportAsync(name, bytes, options, CancellationToken.None);
                rows += result.Rows;
                var seconds = (clock.Elapsed - split).TotalSeconds;
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"  {(run == 0 ? "" : "re-run ")}{name,-22} {result.Rows,9:N0} rows ({result.Written:N0} written, {result.Unchanged:N0} unchanged, {result.Rejected:N0} rejected) in {seconds,6:F1} s = {result.Rows / seconds,8:N0} rows/s  {Load()}"));
            }
            var before = clock.Elapsed;
            var backfill = await LegacyPointsBackfill.RunAsync(db, time, null, CancellationToken.None);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"  {(run == 0 ? "" : "re-run ")}points backfill {backfill?.From} to {backfill?.Through}: {backfill?.Entries:N0} ledger entries{(backfill?.AlreadyDone == true ? " (already done)" : "")} in {(clock.Elapsed - before).TotalSeconds:F1} s  {Load()}"));
        }
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"legacy {provider} {(run == 0 ? "clean run" : "re-run (must change nothing)")}: {rows:N0} rows in {clock.Elapsed.TotalSeconds:F1} s = {rows / clock.Elapsed.TotalSeconds:N0} rows/s  {Load()}"));
    }
    if (provider == DatabaseProvider.Postgres)
    {
        await using var db = PermitDatabase.CreateContext(provider, connectionString, protector);
        await db.Database.EnsureDeletedAsync();
    }
}

async Task BulkAsync()
{
    var rows = Files.Arrivals(bulkRows);
    var calendar = CalendarFiles.Load();
    var files = new (string Name, byte[] Bytes)[]
    {
        ("UTF-8 CSV", Encoding.UTF8.GetBytes(Files.Csv(rows))),
        ("GB18030 CSV", Files.Gb18030(Files.Csv(rows))),
        ("xlsx", Files.Xlsx(rows)),
    };
    foreach (var (name, bytes) in files)
    {
        var connectionString = $"Data Source={Path.Combine(work.FullName, $"bulk-{Guid.NewGuid():N}.db")}";
        await using (var db = PermitDatabase.CreateContext(DatabaseProvider.Sqlite, connectionString, protector))
            await db.Database.MigrateAsync();
        var clock = Stopwatch.StartNew();
        var (table, _) = ReportFile.Read(bytes, bulkRows + 1, ReportEncoding.Detect);
        var read = clock.Elapsed;
        await using (var db = PermitDatabase.CreateContext(DatabaseProvider.Sqlite, connectionString, protector))
        {
            var http = new DefaultHttpContext();
            var report = await BulkReportWriter.WriteAsync(table.Skip(1).ToList(), db, time, http, new BulkReportOptions { Calendar = calendar }, CancellationToken.None);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"bulk {name,-12} {bytes.Length / 1024.0 / 1024:F1} MiB: read {read.TotalSeconds:F2} s, {report.AcceptedCount:N0} rows written in {clock.Elapsed.TotalSeconds:F1} s total = {report.AcceptedCount / clock.Elapsed.TotalSeconds:N0} rows/s  {Load()}"));
        }
    }
}

// The load average, and the CPU time this process has used so far: on a machine shared by many builds the wall time
// mostly measures the others, the CPU time measures the import.
static string Load() => (File.Exists("/proc/loadavg") ? "(load " + string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) + ")" : "")
    + string.Create(CultureInfo.InvariantCulture, $" [bench CPU {Process.GetCurrentProcess().TotalProcessorTime.TotalSeconds:F0} s]");

/// <summary>The bench's data, laid out as docs/legacy-import.md and the bulk-report README say.</summary>
internal static class Files
{
    private const string BulkHeader = "type,idNumber,name,communityCode,address,date,reporter,basis,evidence,ethnicGroup,hukouAddress";

    public static string IdNumberOf(int i)
    {
        var birth = new DateOnly(1960, 1, 1).AddDays(i / 900);
        var seventeen = string.Create(CultureInfo.InvariantCulture, $"410102{birth:yyyyMMdd}{i % 900 + 100:000}");
        return seventeen + Mod11Check.Compute(seventeen);
    }

    public static string Residents(int count)
    {
        var text = new StringBuilder("idNumber,name,ethnicGroup,hukouAddress,contact\r\n");
        for (var i = 0; i < count; i++)
            text.Append(CultureInfo.InvariantCulture, $"{IdNumberOf(i)},旧系统{i % 1000},01,河南省郑州市金水区{i % 50}号,\r\n");
        return text.ToString();
    }

    public static string Registrations(int count, int years)
    {
        var text = new StringBuilder("idNumber,arrivalDate,registrationDate,address,communityCode,basis,evidence,employerOrLandlord,movedOutOn\r\n");
        for (var i = 0; i < count; i++)
        {
            for (var y = 0; y < years; y++)
            {
                var arrival = new DateOnly(2021, 3, 1).AddYears(y).AddDays(i % 20);
                var movedOut = y < years - 1 ? arrival.AddYears(1).AddDays(-1).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) : "";
                text.Append(CultureInfo.InvariantCulture,
                    $"{IdNumberOf(i)},{arrival:yyyy-MM-dd},{arrival.AddDays(2):yyyy-MM-dd},镇海区骆驼街道{y + 1}号楼{i % 300}室,330211003001,employment,劳动合同{i}-{y},宁波某机械有限公司,{movedOut}\r\n");
            }
        }
        return text.ToString();
    }

    public static List<string[]> Arrivals(int count) => [.. Enumerable.Range(0, count).Select(i => new[]
    {
        "arrival", IdNumberOf(i), "工人" + i.ToString(CultureInfo.InvariantCulture), "330211003001", $"镇海区骆驼街道工业路{i % 500 + 1}号宿舍",
        "2026-11-02", "宁波某机械有限公司", "employment", $"劳动合同{i:000000}", "01", "河南省郑州市金水区",
    })];

    public static string Csv(List<string[]> rows) => BulkHeader + "\r\n" + string.Concat(rows.Select(r => string.Join(',', r) + "\r\n"));

    public static byte[] Gb18030(string text)
    {
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        return Encoding.GetEncoding(54936).GetBytes(text);
    }

    public static byte[] Xlsx(List<string[]> rows)
    {
        // The bench writes its workbook with the same shape as Excel (shared strings, serial dates) using the test helper's recipe.
        using var output = new MemoryStream();
        using (var document = DocumentFormat.OpenXml.Packaging.SpreadsheetDocument.Create(output, DocumentFormat.OpenXml.SpreadsheetDocumentType.Workbook))
        {
            var workbook = document.AddWorkbookPart();
            var strings = new Dictionary<string, int>(StringComparer.Ordinal);
            int Shared(string s) => strings.TryGetValue(s, out var i) ? i : strings[s] = strings.Count;
            var styles = workbook.AddNewPart<DocumentFormat.OpenXml.Packaging.WorkbookStylesPart>();
            styles.Stylesheet = new DocumentFormat.OpenXml.Spreadsheet.Stylesheet(
                new DocumentFormat.OpenXml.Spreadsheet.CellFormats(new DocumentFormat.OpenXml.Spreadsheet.CellFormat(),
                    new DocumentFormat.OpenXml.Spreadsheet.CellFormat { NumberFormatId = 14, ApplyNumberFormat = true }));
            var sheet = workbook.AddNewPart<DocumentFormat.OpenXml.Packaging.WorksheetPart>();
            using (var writer = DocumentFormat.OpenXml.OpenXmlWriter.Create(sheet))
            {
                writer.WriteStartElement(new DocumentFormat.OpenXml.Spreadsheet.Worksheet());
                writer.WriteStartElement(new DocumentFormat.OpenXml.Spreadsheet.SheetData());
                foreach (var (row, index) in new[] { BulkHeader.Split(',') }.Concat(rows).Select((r, i) => (r, (uint)i + 1)))
                {
                    writer.WriteStartElement(new DocumentFormat.OpenXml.Spreadsheet.Row { RowIndex = index });
                    for (var c = 0; c < row.Length; c++)
                    {
                        var reference = $"{(char)('A' + c)}{index}";
                        writer.WriteElement(index > 1 && c == 5
                            ? new DocumentFormat.OpenXml.Spreadsheet.Cell(new DocumentFormat.OpenXml.Spreadsheet.CellValue(DateTime.Parse(row[c], CultureInfo.InvariantCulture).ToOADate())) { StyleIndex = 1, CellReference = reference }
                            : new DocumentFormat.OpenXml.Spreadsheet.Cell(new DocumentFormat.OpenXml.Spreadsheet.CellValue(Shared(row[c]))) { DataType = DocumentFormat.OpenXml.Spreadsheet.CellValues.SharedString, CellReference = reference });
                    }
                    writer.WriteEndElement();
                }
                writer.WriteEndElement();
                writer.WriteEndElement();
            }
            var table = workbook.AddNewPart<DocumentFormat.OpenXml.Packaging.SharedStringTablePart>();
            table.SharedStringTable = new DocumentFormat.OpenXml.Spreadsheet.SharedStringTable(
                strings.OrderBy(s => s.Value).Select(s => new DocumentFormat.OpenXml.Spreadsheet.SharedStringItem(new DocumentFormat.OpenXml.Spreadsheet.Text(s.Key))));
            workbook.Workbook = new DocumentFormat.OpenXml.Spreadsheet.Workbook(new DocumentFormat.OpenXml.Spreadsheet.Sheets(
                new DocumentFormat.OpenXml.Spreadsheet.Sheet { Id = workbook.GetIdOfPart(sheet), SheetId = 1, Name = "Sheet1" }));
            workbook.Workbook.Save();
        }
        return output.ToArray();
    }
}

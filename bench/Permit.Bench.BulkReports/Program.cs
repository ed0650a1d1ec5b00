using System.Diagnostics;
using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Permit.Api.Features.Registrations;
using Permit.Api.Keys;
using Permit.Api.Persistence;
using Permit.Api.Security.Fields;
using Permit.Bench.BulkReports;
using Permit.Domain.Common;
using Permit.TestData;

// Permit.Bench.BulkReports: one employer's 50,000 arrivals as UTF-8 CSV, GB18030 CSV (Chinese Excel's "CSV (逗号分隔)")
// and .xlsx, each uploaded as a dry run and then for real through the upload endpoint, on a fresh database per file.
// Arguments: [sqlite|postgres|all] [rows=50000] [utf-8|gb18030|xlsx|all] [rounds=3]. PostgreSQL needs PERMIT_BENCH_POSTGRES (a server connection string
// without Database: a throw-away database is made per file and dropped). Prints rows/s, the time and the load average.
var what = args.Length > 0 ? args[0] : "sqlite";
var count = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 50_000;
var only = args.Length > 2 ? args[2] : "all";
var rounds = args.Length > 3 ? int.Parse(args[3], CultureInfo.InvariantCulture) : 3;
var server = Environment.GetEnvironmentVariable("PERMIT_BENCH_POSTGRES");
if (what is "postgres" or "all" && string.IsNullOrWhiteSpace(server))
{
    Console.Error.WriteLine("PostgreSQL: set PERMIT_BENCH_POSTGRES, e.g. \"Host=127.0.0.1;Username=permit;Password=…\".");
    return 2;
}

var work = Directory.CreateTempSubdirectory("permit-bench-bulk-");
// BENCH KEYS ONLY: made in the bench's temporary folder and deleted with it.
var protector = new CitizenIdProtector(DataProtectionKeys.LoadOrCreate(new KeyDirectory(Path.Combine(work.FullName, "keys"))));
var time = TimeProvider.System;
var desk = new Desk(CalendarFiles.Load(), time);
var rows = EmployerFiles.Arrivals(count, ChinaDate.Today(time).AddDays(-2));
var files = new (string Name, string MediaType, byte[] Bytes)[]
{
    ("UTF-8 CSV", "text/csv", EmployerFiles.Utf8Csv(rows)),
    ("GB18030 CSV", "text/csv", EmployerFiles.Gb18030Csv(rows)),
    ("xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", EmployerFiles.Xlsx(rows)),
};
Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
    $"Permit.Bench.BulkReports: {count:N0} arrivals per file, {Environment.ProcessorCount} cores (shared machine: the load average is printed with each figure)"));
var realRuns = new Dictionary<string, List<double>>();
try
{
    // The API is a long-running server: each kind of file goes through twice per provider, unprinted, so that the figures
    // are those of a warm process (start-up, model building and the JIT's optimised tier are not counted: after a single
    // pass the first measured round still ran up to a quarter slower).
    await RoundAsync(print: false);
    await RoundAsync(print: false);
    Console.WriteLine($"Machine ceiling before: {MachineCeiling.Measure()}  {Load()}");
    for (var round = 1; round <= rounds; round++)
        await RoundAsync(print: true);
    Console.WriteLine($"Machine ceiling after:  {MachineCeiling.Measure()}  {Load()}");
    foreach (var (name, figures) in realRuns)
    {
        figures.Sort();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{name,-21} real run over {figures.Count} rounds: median {figures[figures.Count / 2],8:N0} rows/s, best {figures[^1],8:N0}, worst {figures[0],8:N0}"));
    }
}
finally
{
    Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
    work.Delete(recursive: true);
}
return 0;

async Task RunAsync(DatabaseProvider provider, (string Name, string MediaType, byte[] Bytes) file, bool print)
{
    var connectionString = provider == DatabaseProvider.Sqlite
        ? $"Data Source={Path.Combine(work.FullName, $"bulk-{Guid.NewGuid():N}.db")}"
        : server!.TrimEnd(';') + $";Database=permit_bench_bulk_{Guid.NewGuid():N}";
    await using (var db = PermitDatabase.CreateContext(provider, connectionString, protector))
    {
        await db.Database.MigrateAsync();
        // As the API does at start (PersistenceSetup): SQLite in write-ahead logging, commits still synchronous.
        if (provider == DatabaseProvider.Sqlite)
            await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode = WAL");
    }
    try
    {
        foreach (var dryRun in new[] { true, false })
        {
            var cpu = Process.GetCurrentProcess().TotalProcessorTime;
            var clock = Stopwatch.StartNew();
            Permit.Api.Features.BulkReports.BulkReportResponse report;
            await using (var db = PermitDatabase.CreateContext(provider, connectionString, protector))
                report = await desk.UploadAsync(db, file.Bytes, file.MediaType, dryRun);
            clock.Stop();
            cpu = Process.GetCurrentProcess().TotalProcessorTime - cpu;
            if (report.AcceptedCount != report.Rows || (print && report.Rows != count))
                throw new InvalidOperationException($"{file.Name}: {report.AcceptedCount} of {report.Rows} rows accepted; first rejection: {(report.Rejected.Count > 0 ? report.Rejected[0] : null)}");
            await using (var db = PermitDatabase.CreateContext(provider, connectionString, protector))
            {
                var written = await db.ResidenceRegistrations.CountAsync();
                if (written != (dryRun ? 0 : report.Rows))
                    throw new InvalidOperationException($"{file.Name}: {written} registrations in the database after the {(dryRun ? "dry" : "real")} run.");
            }
            if (print && !dryRun)
            {
                var key = $"{provider} {file.Name}";
                if (!realRuns.TryGetValue(key, out var figures))
                    realRuns[key] = figures = [];
                figures.Add(report.Rows / clock.Elapsed.TotalSeconds);
            }
            if (print)
            {
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"{provider,-8} {file.Name,-12} {file.Bytes.Length / 1024.0 / 1024:F1} MiB  {(dryRun ? "dry run " : "real run")}  {report.Rows / clock.Elapsed.TotalSeconds,8:N0} rows/s  {clock.Elapsed.TotalSeconds,6:F2} s  (CPU {cpu.TotalSeconds:F2} s: {report.Rows / cpu.TotalSeconds:N0} rows per CPU second)  {Load()}"));
            }
        }
    }
    finally
    {
        // Each file's database goes when its run is done, as the PostgreSQL one is dropped: a disk filling up with the
        // earlier runs' databases slowed every later commit.
        await using var db = PermitDatabase.CreateContext(provider, connectionString, protector);
        await db.Database.EnsureDeletedAsync();
        if (provider == DatabaseProvider.Sqlite)
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
    }
}

// Every measured file through every measured provider.
async Task RoundAsync(bool print)
{
    foreach (var file in files.Where(Measured))
    {
        if (what is "sqlite" or "all")
            await RunAsync(DatabaseProvider.Sqlite, file, print);
        if (what is "postgres" or "all")
            await RunAsync(DatabaseProvider.Postgres, file, print);
    }
}

bool Measured((string Name, string MediaType, byte[] Bytes) file) =>
    only == "all" || file.Name.StartsWith(only, StringComparison.OrdinalIgnoreCase);

static string Load() => File.Exists("/proc/loadavg") ? "(load " + string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) + ")" : "";

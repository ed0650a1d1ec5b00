using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Permit.Api.Features.LegacyImport;
using Permit.Api.Keys;
using Permit.Api.Persistence;
using Permit.Api.Security.Fields;
using Permit.CommandLine;
using Permit.Domain.Common;
using Permit.TestData;

// Permit.Bench.Import: the legacy import (100,000 residents with five years of history), timed once per provider.
// Employers' bulk reports are bench/Permit.Bench.BulkReports. Arguments (System.CommandLine, --help lists them):
// [legacy|legacy-sqlite|legacy-postgres] [residents=100000] [batch=2000]
// PERMIT_BENCH_POSTGRES (a server connection string) adds the PostgreSQL run. Prints rows/s and the load average.
var whatArgument = new Argument<string>("what") { Description = "legacy (both providers), legacy-sqlite or legacy-postgres.", DefaultValueFactory = _ => "legacy" };
whatArgument.AcceptOnlyFromAmong("legacy", "legacy-sqlite", "legacy-postgres");
var residentsArgument = new Argument<int>("residents") { Description = "Residents in the legacy files (five years of registrations each).", DefaultValueFactory = _ => 100_000 };
var batchArgument = new Argument<int>("batch") { Description = "Legacy rows per transaction.", DefaultValueFactory = _ => 2000 };
var command = new RootCommand("Permit.Bench.Import: the legacy import, timed once per provider; prints figures.")
{
    whatArgument, residentsArgument, batchArgument,
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
var batch = parsed.GetValue(batchArgument);
var work = Directory.CreateTempSubdirectory("permit-bench-import-");
// BENCH KEYS ONLY: made in the bench's temporary folder and deleted with it.
var protector = new CitizenIdProtector(DataProtectionKeys.LoadOrCreate(new KeyDirectory(Path.Combine(work.FullName, "keys"))));
var time = TimeProvider.System;
Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"Permit.Bench.Import on {Environment.ProcessorCount} cores (shared machine: load average printed with each figure)"));
try
{
    if (what is "legacy" or "legacy-sqlite")
        await LegacyAsync(DatabaseProvider.Sqlite, $"Data Source={Path.Combine(work.FullName, "legacy.db")}");
    if (what is "legacy" or "legacy-postgres")
    {
        if (Environment.GetEnvironmentVariable("PERMIT_BENCH_POSTGRES") is { Length: > 0 } server)
        {
            var database = $"permit_bench_import_{Guid.NewGuid():N}";
            await LegacyAsync(DatabaseProvider.Postgres, server.TrimEnd(';') + ";Database=" + database);
        }
    }
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
        ("residents.csv", LegacyFiles.Residents(residents)),
        ("registrations.csv", LegacyFiles.Registrations(residents)),
        ("permits.csv", LegacyHistory.Permits(residents, today)),
        ("social-insurance.csv", LegacyHistory.Covers(residents)),
        ("points-facts.csv", LegacyHistory.Facts(residents)),
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
            var audit = LegacyImportActor.TrailOn(db, time);
            var importer = new LegacyImporter(db, time, audit);
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
            var backfill = await LegacyPointsBackfill.RunAsync(db, audit, time, line => Console.WriteLine("    " + line + "  " + Load()), CancellationToken.None);
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

// The load average, and the CPU time this process has used so far: on a machine shared by many builds the wall time
// mostly measures the others, the CPU time measures the import.
static string Load() => (File.Exists("/proc/loadavg") ? "(load " + string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) + ")" : "")
    + string.Create(CultureInfo.InvariantCulture, $" [bench CPU {Process.GetCurrentProcess().TotalProcessorTime.TotalSeconds:F0} s]");

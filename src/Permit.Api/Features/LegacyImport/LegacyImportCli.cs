using System.Globalization;
using System.Text;
using Permit.Api.Features.BulkReports;

namespace Permit.Api.Features.LegacyImport;

/// <summary>
/// <c>import legacy [--dry-run] [--batch N] FILE…</c>: imports legacy CSV/XLSX files (docs/legacy-import.md), residents
/// files before registrations files whatever the order given. Prints progress after every batch; each file's rejected
/// rows go to <c>FILE.rejects.csv</c> (row, column, rule, reason). Exit 0 when every file was read (rows may be
/// rejected), 1 when a file cannot be read as a legacy layout, 2 on a usage error.
/// </summary>
public static class LegacyImportCli
{
    /// <summary>Runs with the checked command line (<see cref="Infrastructure.Tasks.ApiCommandLine"/>): at least one file, a batch of 1..50,000.</summary>
    public static async Task<int> RunAsync(IServiceProvider services, bool dryRun, int batch, IReadOnlyList<string> files, TextWriter output, TextWriter error, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(files);
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(error);
        var missing = files.FirstOrDefault(f => !File.Exists(f));
        if (missing is not null)
        {
            await error.WriteLineAsync($"No such file: {missing}");
            return 1;
        }

        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PermitDbContext>();
        var time = scope.ServiceProvider.GetRequiredService<TimeProvider>();
        // Required, never optional: an import of residents' personal data is never unrecorded.
        var audit = scope.ServiceProvider.GetRequiredService<Audit.IAuditTrail>();
        var importer = new LegacyImporter(db, time, audit);
        var ordered = new List<(string Path, byte[] Bytes, LegacyFileKind Kind)>();
        foreach (var path in files)
        {
            var bytes = await File.ReadAllBytesAsync(path, cancellationToken);
            var kind = KindOf(bytes);
            if (kind is null)
            {
                await error.WriteLineAsync($"{path}: the first row is not the header of a legacy layout (docs/legacy-import.md); nothing was imported.");
                return 1;
            }
            ordered.Add((path, bytes, kind.Value));
        }

        foreach (var (path, bytes, _) in ordered.OrderBy(f => LegacyLayouts.Order(f.Kind)))
        {
            var rejectsPath = path + ".rejects.csv";
            await using var rejects = new StreamWriter(rejectsPath, append: File.Exists(rejectsPath) && !dryRun, new UTF8Encoding(true));
            if (rejects.BaseStream.Length == 0)
                await rejects.WriteLineAsync("row,column,rule,reason");
            var options = new LegacyImportOptions
            {
                DryRun = dryRun,
                BatchSize = batch,
                Rejected = r => rejects.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{r.Row},{Csv(r.Column)},{Csv(r.Rule)},{Csv(r.Reason)}")),
                Progress = p =>
                {
                    rejects.Flush();
                    output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                        $"{Path.GetFileName(p.File)} ({p.Kind}): {p.Done}/{p.Rows} rows, {p.Written} written, {p.Unchanged} unchanged, {p.Rejected} rejected"));
                    output.Flush();
                },
            };
            try
            {
                var result = await importer.ImportAsync(path, bytes, options, cancellationToken);
                var resumed = result.ResumedAfterRow is { } row ? string.Create(CultureInfo.InvariantCulture, $", resumed after row {row}") : "";
                await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
                    $"{(dryRun ? "dry run: " : "")}{Path.GetFileName(path)} ({result.Kind}): {result.Rows} rows, {result.Written} written, {result.Unchanged} unchanged, {result.Rejected} rejected{resumed}; rejects in {rejectsPath}"));
            }
            catch (CsvFormatException e)
            {
                await error.WriteLineAsync($"{path}: {e.Message} Nothing of it was imported.");
                return 1;
            }
        }
        if (!dryRun && ordered.Any(f => LegacyLayouts.MovesPoints(f.Kind)))
        {
            var backfill = await LegacyPointsBackfill.RunAsync(db, audit, time, line => { output.WriteLine(line); output.Flush(); }, cancellationToken);
            if (backfill is { AlreadyDone: true })
                await output.WriteLineAsync($"points backfill {backfill.From} to {backfill.Through}: already done for these files");
            else if (backfill is not null)
                await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
                    $"points backfill {backfill.From} to {backfill.Through}: {backfill.Months} months, {backfill.Entries} ledger entries{(backfill.ResumedAt is { } month ? ", resumed at " + month : "")}"));
        }
        return 0;
    }

    private static LegacyFileKind? KindOf(byte[] bytes)
    {
        try
        {
            var (rows, _) = ReportFile.Read(bytes, LegacyImporter.MaxRows + 1, ReportEncoding.Detect);
            return rows.Count > 0 ? LegacyLayouts.KindOf(rows[0].Fields) : null;
        }
        catch (CsvFormatException)
        {
            return null;
        }
    }

    /// <summary>A rejects-file field: quoted when needed, and never a formula when the file is opened in a spreadsheet.</summary>
    private static string Csv(string text)
    {
        var safe = ResultSpreadsheet.Neutralise(text);
        return safe.IndexOfAny([',', '"', '\r', '\n']) >= 0 ? "\"" + safe.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : safe;
    }
}

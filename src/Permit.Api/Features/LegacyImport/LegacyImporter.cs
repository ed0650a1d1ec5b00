using Permit.Api.Infrastructure.Http;
using Permit.Api.Infrastructure.Problems;
using System.Security.Cryptography;
using Microsoft.EntityFrameworkCore;
using Permit.Api.Features.BulkReports;
using Permit.Api.Features.Residents;
using Permit.Api.Persistence;
using Permit.Api.Security.Fields;
using Permit.Domain.Common;
using Permit.Domain.Identity;
using Permit.Domain.Registrations;
using Permit.Domain.Residents;

namespace Permit.Api.Features.LegacyImport;

/// <summary>
/// Brings a district's legacy records in (docs/legacy-import.md). Every row is checked as the desk checks its input
/// (the domain's value types and aggregates), but registrations keep their real, past dates. Rows are matched by
/// natural keys (a resident by citizen ID number; a registration by resident, arrival and registration date), so
/// importing a file again changes nothing. Rows are written in batches, each in one transaction together with the
/// file's <see cref="LegacyImportCheckpoint"/>: a run that crashed resumes after the last batch that landed. A dry run
/// checks every row the same way and writes nothing.
/// </summary>
public sealed class LegacyImporter(PermitDbContext db, TimeProvider time)
{
    public const int MaxRows = 2_000_000;

    // In a dry run nothing is saved: residents a residents file would create are remembered for the registrations file.
    private readonly Dictionary<string, Resident> _planned = new(StringComparer.Ordinal);

    public async Task<LegacyFileResult> ImportAsync(string name, byte[] bytes, LegacyImportOptions options, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(bytes);
        ArgumentNullException.ThrowIfNull(options);
        var (rows, _) = ReportFile.Read(bytes, MaxRows + 1, ReportEncoding.Detect);
        if (rows.Count == 0 || LegacyLayouts.KindOf(rows[0].Fields) is not { } kind)
            throw new CsvFormatException("legacy-header", "The first row must be the header of a legacy layout (docs/legacy-import.md).", 1);
        var sha = Convert.ToHexStringLower(SHA256.HashData(bytes));
        var checkpoint = options.DryRun ? null : await db.Set<LegacyImportCheckpoint>().SingleOrDefaultAsync(c => c.FileSha256 == sha, cancellationToken);
        var resumedAfter = checkpoint?.LastRow ?? 1;
        if (checkpoint is null && !options.DryRun)
        {
            checkpoint = new LegacyImportCheckpoint { FileSha256 = sha, Kind = kind.ToString(), LastRow = 1, StartedAt = time.GetUtcNow(), UpdatedAt = time.GetUtcNow() };
            db.Add(checkpoint);
            await db.SaveChangesAsync(cancellationToken);
        }
        var tally = new Tally();
        var data = rows.Skip(1).Where(r => r.Row > resumedAfter).ToList();
        var done = rows.Count - 1 - data.Count;
        foreach (var batch in data.Chunk(options.BatchSize))
        {
            var rejects = new List<LegacyReject>();
            if (kind == LegacyFileKind.Residents)
                await ResidentsAsync(batch, rejects, tally, options.DryRun, cancellationToken);
            else
                await RegistrationsAsync(batch, rejects, tally, options.DryRun, cancellationToken);
            tally.Rejected += rejects.Count;
            foreach (var reject in rejects)
                options.Rejected?.Invoke(reject);
            done += batch.Length;
            if (checkpoint is not null)
            {
                checkpoint.LastRow = batch[^1].Row;
                checkpoint.Written += tally.BatchWritten;
                checkpoint.Unchanged += tally.BatchUnchanged;
                checkpoint.Rejected += rejects.Count;
                checkpoint.Finished = done == rows.Count - 1;
                checkpoint.UpdatedAt = time.GetUtcNow();
                await db.SaveChangesAsync(cancellationToken);
            }
            db.ChangeTracker.Clear();
            if (checkpoint is not null)
                db.Attach(checkpoint);
            tally.BatchWritten = tally.BatchUnchanged = 0;
            options.Progress?.Invoke(new LegacyProgress(name, kind, done, rows.Count - 1, tally.Written, tally.Unchanged, tally.Rejected));
        }
        if (checkpoint is { Finished: false } && data.Count == 0)
        {
            checkpoint.Finished = true;
            await db.SaveChangesAsync(cancellationToken);
        }
        return new LegacyFileResult(name, kind, rows.Count - 1, tally.Written, tally.Unchanged, tally.Rejected, resumedAfter > 1 ? resumedAfter : null, options.DryRun);
    }

    private async Task ResidentsAsync(CsvRow[] batch, List<LegacyReject> rejects, Tally tally, bool dryRun, CancellationToken cancellationToken)
    {
        var today = ChinaDate.Today(time);
        var known = await KnownResidentsAsync(batch, cancellationToken);
        foreach (var row in batch)
        {
            if (!Shape(row, LegacyLayouts.Residents.Count, rejects))
                continue;
            var errors = new FieldErrors();
            var citizenId = errors.CitizenId("idNumber", Field(row, 0), today);
            var name = errors.Text("name", Field(row, 1));
            if (!EthnicGroup.TryParse(Field(row, 2), out var ethnic))
                errors.Add("ethnicGroup", "ethnic-group-invalid", "ethnicGroup is a two-digit GB/T 3304 code.");
            var hukou = errors.Text("hukouAddress", Field(row, 3));
            if (Reject(row, errors, rejects))
                continue;
            if (known.TryGetValue(citizenId!.Value, out var existing) || _planned.TryGetValue(citizenId.Value, out existing))
            {
                if (existing.Name == name)
                    tally.Unchanged++;
                else
                    rejects.Add(new(row.Row, "name", "legacy-resident-differs", "The district already knows this ID number under another name."));
                continue;
            }
            try
            {
                var resident = Resident.FromIdCard(new IdentityDetails(citizenId, name!, citizenId.Sex, ethnic!, citizenId.BirthDate, hukou!));
                var contact = Field(row, 4);
                if (contact.Length > 0)
                    resident.ChangeContact(contact);
                known[citizenId.Value] = resident;
                if (dryRun)
                    _planned[citizenId.Value] = resident;
                else
                    db.Residents.Add(resident);
                tally.Written++;
                tally.BatchWritten++;
            }
            catch (DomainException e)
            {
                rejects.Add(new(row.Row, ColumnOf(e.Code), e.Code, e.Message));
            }
        }
    }

    private async Task RegistrationsAsync(CsvRow[] batch, List<LegacyReject> rejects, Tally tally, bool dryRun, CancellationToken cancellationToken)
    {
        var today = ChinaDate.Today(time);
        var known = await KnownResidentsAsync(batch, cancellationToken);
        foreach (var (number, resident) in _planned)
            known.TryAdd(number, resident);
        var ids = known.Values.Select(r => r.Id).ToList();
        var registrations = (await db.ResidenceRegistrations.Where(g => ids.Contains(g.ResidentId)).ToListAsync(cancellationToken))
            .GroupBy(g => g.ResidentId).ToDictionary(g => g.Key, g => g.ToList());
        foreach (var row in batch)
        {
            if (!Shape(row, LegacyLayouts.Registrations.Count, rejects))
                continue;
            var errors = new FieldErrors();
            var citizenId = errors.CitizenId("idNumber", Field(row, 0), today);
            var arrival = errors.Date("arrivalDate", Field(row, 1));
            var registered = errors.Date("registrationDate", Field(row, 2));
            var address = errors.Text("address", Field(row, 3));
            var community = errors.Community("communityCode", Field(row, 4));
            var basis = errors.Basis("basis", Field(row, 5));
            var evidence = errors.Text("evidence", Field(row, 6));
            var host = errors.Text("employerOrLandlord", Field(row, 7));
            var movedOut = errors.Date("movedOutOn", Field(row, 8), required: false);
            if (registered > today)
                errors.Add("registrationDate", "legacy-date-in-future", "registrationDate is after today.");
            if (movedOut > today)
                errors.Add("movedOutOn", "legacy-date-in-future", "movedOutOn is after today.");
            if (Reject(row, errors, rejects))
                continue;
            if (!known.TryGetValue(citizenId!.Value, out var resident))
            {
                rejects.Add(new(row.Row, "idNumber", "legacy-resident-unknown", "No resident with this ID number: import the residents file first."));
                continue;
            }
            var history = registrations.TryGetValue(resident.Id, out var list) ? list : registrations[resident.Id] = [];
            if (history.Any(g => g.ArrivalDate == arrival && g.RegistrationDate == registered))
            {
                tally.Unchanged++;
                continue;
            }
            if (movedOut is null && history.Any(g => g.IsActive))
            {
                rejects.Add(new(row.Row, "movedOutOn", "registration-already-active", "The person already has an active registration; an earlier one needs its movedOutOn."));
                continue;
            }
            try
            {
                var registration = ResidenceRegistration.Declare(resident.Id, address!, community!, arrival!.Value, registered!.Value, basis!.Value, evidence!, host!);
                if (movedOut is { } day)
                    registration.MoveOut(day);
                history.Add(registration);
                if (!dryRun)
                    db.ResidenceRegistrations.Add(registration);
                tally.Written++;
                tally.BatchWritten++;
            }
            catch (DomainException e)
            {
                rejects.Add(new(row.Row, ColumnOf(e.Code), e.Code, e.Message));
            }
        }
    }

    /// <summary>The residents the batch's valid ID numbers name, found by blind index in one query.</summary>
    private async Task<Dictionary<string, Resident>> KnownResidentsAsync(CsvRow[] batch, CancellationToken cancellationToken)
    {
        var protector = db.RequireCitizenIdProtector();
        var indexes = batch
            .Select(r => r.Fields.Count > 0 && CitizenIdNumber.TryParse(r.Fields[0].Trim(), out var n) ? protector.BlindIndex(n) : null)
            .OfType<string>().Distinct().ToList();
        var residents = await db.Residents.AsNoTracking()
            .Where(r => indexes.Contains(EF.Property<string>(r, CitizenIdBlindIndex.PropertyName)))
            .ToListAsync(cancellationToken);
        return residents.ToDictionary(r => r.CitizenId.Value, StringComparer.Ordinal);
    }

    private static bool Shape(CsvRow row, int columns, List<LegacyReject> rejects)
    {
        if (row.Fields.Count == columns || (row.Fields.Count < columns && row.Fields.Count > 0))
            return true;
        rejects.Add(new(row.Row, "*", "legacy-row-columns", $"The row has {row.Fields.Count} columns; the layout has {columns}."));
        return false;
    }

    private static string Field(CsvRow row, int index) => index < row.Fields.Count ? row.Fields[index].Trim() : "";

    private static bool Reject(CsvRow row, FieldErrors errors, List<LegacyReject> rejects)
    {
        foreach (var (field, code, message) in errors.ToList())
            rejects.Add(new(row.Row, field, code, message));
        return errors.Any;
    }

    private static string ColumnOf(string code) => code switch
    {
        "resident-name-invalid" => "name",
        "resident-hukou-address-invalid" => "hukouAddress",
        "resident-contact-invalid" => "contact",
        "registration-address-invalid" => "address",
        "registration-evidence-required" => "evidence",
        "registration-host-required" => "employerOrLandlord",
        "registration-arrival-after-registration" => "arrivalDate",
        "registration-move-out-before-registration" => "movedOutOn",
        _ => "*",
    };

    private sealed class Tally
    {
        public int Written { get; set; }

        public int Unchanged { get; set; }

        public int Rejected { get; set; }

        public int BatchWritten { get; set; }

        public int BatchUnchanged { get; set; }
    }
}

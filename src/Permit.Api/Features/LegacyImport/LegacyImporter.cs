using Permit.Api.Infrastructure.Http;
using System.Globalization;
using System.Security.Cryptography;
using Permit.Api.Features.BulkReports;
using Permit.Api.Features.Communities;
using Permit.Api.Features.Residents;
using Permit.Api.Security.Fields;
using Permit.Domain.Common;
using Permit.Domain.Identity;
using Permit.Domain.Registrations;
using Permit.Domain.Residents;

namespace Permit.Api.Features.LegacyImport;

/// <summary>
/// Brings a district's legacy records in (docs/legacy-import.md). Every row is checked as the desk checks its input
/// (the domain's value types and aggregates), but registrations, permits, covers and facts keep their real, past dates.
/// Rows are matched by natural keys (a resident by citizen ID number; a registration by resident, arrival and
/// registration date; a permit by its number; a cover by resident and first day; a fact by its content), so importing
/// a file again changes nothing. Rows are written in batches, each in one transaction together with the file's
/// <see cref="LegacyImportCheckpoint"/> and one audit line per resident the batch wrote for: a run that crashed resumes
/// after the last batch that landed. A batch is checked row by row in memory and written set-based
/// (<see cref="LegacyBatchWriter"/>). A dry run checks every row the same way and writes nothing.
/// </summary>
public sealed partial class LegacyImporter(PermitDbContext db, TimeProvider time, IAuditTrail audit)
{
    public const int MaxRows = 2_000_000;

    /// <summary>Who the old system's decisions are attributed to (applications behind imported permits, covers).</summary>
    public const string Officer = "legacy-import";

    private readonly IAuditTrail _audit = audit ?? throw new ArgumentNullException(nameof(audit));

    // In a dry run nothing is saved: what a residents or registrations file would create is remembered for the files after it.
    private readonly Dictionary<string, Resident> _planned = new(StringComparer.Ordinal);
    private readonly Dictionary<Guid, List<ResidenceRegistration>> _plannedRegistrations = [];

    public async Task<LegacyFileResult> ImportAsync(string name, byte[] bytes, LegacyImportOptions options, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(bytes);
        ArgumentNullException.ThrowIfNull(options);
        var (rows, _) = ReportFile.Read(bytes, MaxRows + 1, ReportEncoding.Detect);
        if (rows.Count == 0 || LegacyLayouts.KindOf(rows[0].Fields) is not { } kind)
            throw new CsvFormatException("legacy-header", "The first row must be the header of a legacy layout (docs/legacy-import.md).", 1);
        var sha = Convert.ToHexStringLower(SHA256.HashData(bytes));
        // Rows are only ever added to the tracker, and each batch detects its changes once before saving.
        using var manual = db.DetectChangesManually();
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
            await using (var transaction = options.DryRun ? null : await db.Database.BeginTransactionAsync(cancellationToken))
            {
                var written = new Dictionary<Guid, int>();
                switch (kind)
                {
                    case LegacyFileKind.Residents:
                        await ResidentsAsync(batch, rejects, tally, written, options.DryRun, cancellationToken);
                        break;
                    case LegacyFileKind.Registrations:
                        await RegistrationsAsync(batch, rejects, tally, written, options.DryRun, cancellationToken);
                        break;
                    case LegacyFileKind.Permits:
                        await PermitsAsync(batch, rejects, tally, written, options.DryRun, cancellationToken);
                        break;
                    case LegacyFileKind.SocialInsurance:
                        await CoversAsync(batch, rejects, tally, written, options.DryRun, cancellationToken);
                        break;
                    default:
                        await FactsAsync(batch, rejects, tally, written, options.DryRun, cancellationToken);
                        break;
                }
                tally.Rejected += rejects.Count;
                done += batch.Length;
                if (checkpoint is not null)
                {
                    // Every change of a resident's records is audited: one line per resident this batch wrote for.
                    foreach (var (residentId, count) in written)
                        _audit.Record(AuditAction(kind), residentId, string.Create(CultureInfo.InvariantCulture, $"{Path.GetFileName(name)}: {count} row(s) of rows {batch[0].Row}–{batch[^1].Row}"));
                    checkpoint.LastRow = batch[^1].Row;
                    checkpoint.Written += tally.BatchWritten;
                    checkpoint.Unchanged += tally.BatchUnchanged;
                    checkpoint.Rejected += rejects.Count;
                    checkpoint.Finished = done == rows.Count - 1;
                    checkpoint.UpdatedAt = time.GetUtcNow();
                    await LegacyBatchWriter.SaveAsync(db, cancellationToken);
                    await AfterBatchAsync(kind, cancellationToken);
                    await transaction!.CommitAsync(cancellationToken);
                }
            }
            foreach (var reject in rejects)
                options.Rejected?.Invoke(reject);
            db.ChangeTracker.Clear();
            if (checkpoint is not null)
                db.Attach(checkpoint);
            tally.BatchWritten = tally.BatchUnchanged = 0;
            options.Progress?.Invoke(new LegacyProgress(name, kind, done, rows.Count - 1, tally.Written, tally.Unchanged, tally.Rejected));
        }
        if (checkpoint is { Finished: false } && data.Count == 0)
        {
            checkpoint.Finished = true;
            db.ChangeTracker.DetectChanges();
            await db.SaveChangesAsync(cancellationToken);
        }
        return new LegacyFileResult(name, kind, rows.Count - 1, tally.Written, tally.Unchanged, tally.Rejected, resumedAfter > 1 ? resumedAfter : null, options.DryRun);
    }

    private static string AuditAction(LegacyFileKind kind) => kind switch
    {
        LegacyFileKind.Residents => "legacy-import.resident",
        LegacyFileKind.Registrations => "legacy-import.registrations",
        LegacyFileKind.Permits => "legacy-import.permit",
        LegacyFileKind.SocialInsurance => "legacy-import.social-insurance",
        _ => "legacy-import.points-facts",
    };

    private async Task ResidentsAsync(CsvRow[] batch, List<LegacyReject> rejects, Tally tally, Dictionary<Guid, int> written, bool dryRun, CancellationToken cancellationToken)
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
                Wrote(tally, written, resident.Id);
            }
            catch (DomainException e)
            {
                rejects.Add(new(row.Row, ColumnOf(e.Code), e.Code, e.Message));
            }
        }
    }

    private async Task RegistrationsAsync(CsvRow[] batch, List<LegacyReject> rejects, Tally tally, Dictionary<Guid, int> written, bool dryRun, CancellationToken cancellationToken)
    {
        var today = ChinaDate.Today(time);
        var known = await KnownResidentsAsync(batch, cancellationToken);
        foreach (var (number, resident) in _planned)
            known.TryAdd(number, resident);
        var ids = known.Values.Select(r => r.Id).ToList();
        var registrations = await RegistrationsOfAsync(ids, cancellationToken);
        var directory = await CommunityDirectory.LoadAsync(db, cancellationToken);
        foreach (var row in batch)
        {
            if (!Shape(row, LegacyLayouts.Registrations.Count, rejects))
                continue;
            var errors = new FieldErrors();
            var citizenId = errors.CitizenId("idNumber", Field(row, 0), today);
            var arrival = errors.Date("arrivalDate", Field(row, 1));
            var registered = errors.Date("registrationDate", Field(row, 2));
            var address = errors.Text("address", Field(row, 3));
            var community = errors.CommunityInJurisdiction("communityCode", Field(row, 4), db);
            var basis = errors.Basis("basis", Field(row, 5));
            var evidence = errors.Text("evidence", Field(row, 6));
            var host = errors.Text("employerOrLandlord", Field(row, 7));
            var movedOut = errors.Date("movedOutOn", Field(row, 8), required: false);
            if (registered > today)
                errors.Add("registrationDate", "legacy-date-in-future", "registrationDate is after today.");
            if (movedOut > today)
                errors.Add("movedOutOn", "legacy-date-in-future", "movedOutOn is after today.");
            // As the desk: a community the directory lists; a retired one only for a registration that has ended.
            directory.Check(errors, "communityCode", community, retiredAllowed: movedOut is not null);
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
                if (dryRun)
                    _plannedRegistrations[resident.Id] = history;
                else
                    db.ResidenceRegistrations.Add(registration);
                Wrote(tally, written, resident.Id);
            }
            catch (DomainException e)
            {
                rejects.Add(new(row.Row, ColumnOf(e.Code), e.Code, e.Message));
            }
        }
    }

    private static void Wrote(Tally tally, Dictionary<Guid, int> written, Guid residentId)
    {
        tally.Written++;
        tally.BatchWritten++;
        written[residentId] = written.GetValueOrDefault(residentId) + 1;
    }

    /// <summary>The residents the batch's valid ID numbers name, found by blind index in one query.</summary>
    private async Task<Dictionary<string, Resident>> KnownResidentsAsync(CsvRow[] batch, CancellationToken cancellationToken, int column = 0)
    {
        var protector = db.RequireCitizenIdProtector();
        var indexes = batch
            .Select(r => r.Fields.Count > column && CitizenIdNumber.TryParse(r.Fields[column].Trim(), out var n) ? protector.BlindIndex(n) : null)
            .OfType<string>().Distinct().ToList();
        var residents = await db.Residents.AsNoTracking()
            .Where(r => indexes.Contains(EF.Property<string>(r, CitizenIdBlindIndex.PropertyName)))
            .ToListAsync(cancellationToken);
        return residents.ToDictionary(r => r.CitizenId.Value, StringComparer.Ordinal);
    }

    /// <summary>The registrations of these residents: in the database, or planned by this dry run.</summary>
    private async Task<Dictionary<Guid, List<ResidenceRegistration>>> RegistrationsOfAsync(List<Guid> ids, CancellationToken cancellationToken)
    {
        var registrations = (await db.ResidenceRegistrations.AsNoTracking().Where(g => ids.Contains(g.ResidentId)).ToListAsync(cancellationToken))
            .GroupBy(g => g.ResidentId).ToDictionary(g => g.Key, g => g.ToList());
        foreach (var id in ids)
        {
            if (_plannedRegistrations.TryGetValue(id, out var planned))
                registrations[id] = planned;
        }
        return registrations;
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

using Permit.Api.Features.Communities;
using Permit.Api.Security.Fields;
using Permit.Domain.Common;
using Permit.Domain.Identity;
using Permit.Domain.Registrations;
using Permit.Domain.Residents;
using static Permit.Api.Features.BulkReports.BulkReportColumns;
using Permit.Api.Infrastructure.Http;

namespace Permit.Api.Features.BulkReports;

/// <summary>
/// Applies a bulk report's rows in file order: an arrival registers the person (creating the resident when the district
/// does not know them yet), a departure ends their active registration. A row either lands whole or not at all; the good
/// rows are written together in one transaction. A dry run checks every row the same way and writes nothing. The people
/// a file names are looked up in batches (by blind index) before the rows are applied.
/// <para>The new residents, registrations and audit lines are kept out of EF's change tracker, which cost more than the
/// rows themselves (attach, fix-up and three change detections per save over 150,000 entries for 50,000 arrivals): a
/// real run saves the tracked changes (departures, known residents placed anew) through EF, then writes the new rows
/// set-based (<see cref="DirectInserts"/>) while their audit lines are linked onto the chain, then the audit lines
/// (<c>AuditChain.AppendAsync</c> with its <c>meanwhile</c>), all in one transaction. On SQL Server, which has no direct
/// writer, the new rows are added to the context and saved by EF as before.</para>
/// </summary>
public static class BulkReportWriter
{
    /// <summary>Employers and landlords report within 3 working days (docs/domain.md §1).</summary>
    public const int ReportWorkingDays = ResidenceRegistration.ReportWorkingDays;

    private const int LookupBatch = 5000;
    private const int ProgressEvery = 1000;

    private static readonly Dictionary<string, string> ColumnOfRule = new(StringComparer.Ordinal)
    {
        ["registration-address-invalid"] = Address,
        ["registration-evidence-required"] = Evidence,
        ["registration-host-required"] = Reporter,
        ["registration-arrival-after-registration"] = Date,
        ["registration-move-out-before-registration"] = Date,
        ["resident-name-invalid"] = Name,
        ["resident-hukou-address-invalid"] = HukouAddress,
    };

    public static async Task<BulkReportResponse> WriteAsync(
        IReadOnlyList<CsvRow> rows, PermitDbContext db, TimeProvider time, HttpContext http, CancellationToken cancellationToken) =>
        await WriteAsync(rows, db, time, http, new BulkReportOptions(), cancellationToken);

    public static async Task<BulkReportResponse> WriteAsync(
        IReadOnlyList<CsvRow> rows, PermitDbContext db, TimeProvider time, HttpContext http, BulkReportOptions options,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(rows);
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(http);
        ArgumentNullException.ThrowIfNull(options);
        var today = ChinaDate.Today(time);
        var calendar = options.Calendar ?? Permit.Domain.Registrations.WorkingCalendar.WeekdaysOnly;
        var people = await LookUpAsync(rows, db, today, cancellationToken);
        var directory = await CommunityDirectory.LoadAsync(db, cancellationToken);
        var accepted = new List<AcceptedRow>();
        var rejected = new List<RejectedRow>();
        var written = new NewRows();
        var audit = options.DryRun ? null : http.RequestServices.GetRequiredService<IAuditTrail>();

        var done = 0;
        foreach (var row in rows)
        {
            if (++done % ProgressEvery == 0)
                options.Progress?.Invoke(done, rows.Count);
            var name = row.Fields.Count > 2 ? row.Fields[2].Trim() : "";
            var reporterText = row.Fields.Count > 6 ? row.Fields[6].Trim() : "";
            if (row.Fields.Count != All.Count)
            {
                rejected.Add(new(row.Row, "*", "bulk-report-row-columns", $"The row has {row.Fields.Count} columns; the header has {All.Count}.", name, reporterText));
                continue;
            }
            var errors = new FieldErrors();
            var type = row.Field(0).ToLowerInvariant();
            if (type is not ("arrival" or "departure"))
                errors.Add(BulkReportColumns.Type, "bulk-report-type-invalid", "type is arrival or departure.");
            var citizenId = errors.CitizenId(IdNumber, row.Field(1), today);
            var date = errors.Date(Date, row.Field(5));
            if (date > today)
                errors.Add(Date, "bulk-report-date-in-future", "date is in the future: report what has happened.");
            var reporter = errors.Text(Reporter, row.Field(6));
            Person? person = null;
            if (citizenId is not null && !people.TryGetValue(citizenId.Value, out person))
                people[citizenId.Value] = person = new Person();
            if (person is { Outside: false, Resident: { } known } && name.Length > 0 && name != known.Name)
                errors.Add(Name, "bulk-report-name-mismatch", "name differs from the name recorded for this ID number.");

            var outcome = type == "arrival"
                ? Arrive(row, errors, db, written, directory, person, citizenId, date, reporter, today, calendar)
                : Depart(errors, person, date);
            if (outcome is { } rule)
            {
                rejected.Add(new(row.Row, rule.Column, rule.Code, rule.Reason, name, reporterText));
                continue;
            }
            foreach (var (field, code, message) in Errors(errors))
                rejected.Add(new(row.Row, field, code, message, name, reporterText));
            if (errors.Any)
                continue;

            var registration = person!.LastRegistration!;
            // Required, never optional: a host without the audit trail fails here instead of writing unrecorded.
            if (audit is not null)
                written.AuditLines.Add(audit.Prepare($"bulk-report.{type}", person.Resident!.Id, "reported by " + reporter));
            var delay = calendar.WorkingDaysBetween(date!.Value, today);
            accepted.Add(new(row.Row, type, person.Resident!.Id, registration.Id, person.Created, delay > ReportWorkingDays, name, reporterText, delay));
        }
        options.Progress?.Invoke(rows.Count, rows.Count);

        if (options.DryRun)
            db.ChangeTracker.Clear();
        else if (accepted.Count > 0)
            await SaveAsync(db, written, options, cancellationToken);
        return new BulkReportResponse(rows.Count, accepted.Count, rejected.Count, accepted, [.. rejected.OrderBy(r => r.Row)])
        {
            DryRun = options.DryRun,
        };
    }

    /// <summary>
    /// Writes every accepted row, its resident and its audit line in one transaction: all of them or, on any failure
    /// (a database error, a cancelled request), none. Each registration places its resident in its community first, as
    /// the context's save would for a tracked one (later rows of a person win).
    /// </summary>
    private static async Task SaveAsync(PermitDbContext db, NewRows written, BulkReportOptions options, CancellationToken cancellationToken)
    {
        foreach (var (resident, registration) in written.Registrations)
            resident.PlaceIn(Permit.Domain.Regions.Jurisdiction.Of(registration.CommunityCode));
        var direct = DirectInserts.Supports(db) && !options.SaveThroughChangeTracker;
        if (!direct)
        {
            // As before the direct writer: the new rows tracked and saved by EF (SQL Server, or asked for).
            db.Residents.AddRange(written.Residents);
            db.ResidenceRegistrations.AddRange(written.Registrations.Select(r => r.Registration));
            db.Set<AuditEntry>().AddRange(written.AuditLines);
        }

        // The save detects changes itself, once per rule that needs it (three entries per row would be scanned at every look).
        using var manual = db.DetectChangesManually();
        var outer = db.Database.CurrentTransaction;
        await using var own = outer is null ? await db.Database.BeginTransactionAsync(cancellationToken) : null;
        if (outer is not null)
            await outer.CreateSavepointAsync(Savepoint, cancellationToken);
        try
        {
            using (BulkInserts.For(db))
                await db.SaveChangesAsync(cancellationToken);
            if (direct)
            {
                // The audit lines are linked onto the chain on another thread while the residents and registrations are written.
                await AuditChain.AppendAsync(
                    db, written.AuditLines, (lines, ct) => DirectInserts.InsertAsync(db, lines, ct),
                    meanwhile: async ct =>
                    {
                        await DirectInserts.InsertAsync(db, written.Residents, ct);
                        await DirectInserts.InsertAsync(db, [.. written.Registrations.Select(r => r.Registration)], ct);
                    },
                    cancellationToken);
            }
            if (own is not null)
                await own.CommitAsync(cancellationToken);
            else
                await outer!.ReleaseSavepointAsync(Savepoint, cancellationToken);
        }
        catch
        {
            // Nothing of the file stays: not its tracked changes, not its new rows (cancelled or not, roll back now).
            if (own is not null)
                await own.RollbackAsync(CancellationToken.None);
            else
                await outer!.RollbackToSavepointAsync(Savepoint, CancellationToken.None);
            throw;
        }
    }

    private const string Savepoint = "permit_bulk_report";

    /// <summary>
    /// Finds, in batches, the residents the file's valid ID numbers name and their active registrations; numbers the
    /// district does not know map to an empty <see cref="Person"/>.
    /// </summary>
    private static async Task<Dictionary<string, Person>> LookUpAsync(
        IReadOnlyList<CsvRow> rows, PermitDbContext db, DateOnly today, CancellationToken cancellationToken)
    {
        var protector = db.RequireCitizenIdProtector();
        var numbers = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var row in rows)
        {
            if (row.Fields.Count > 1 && Permit.Domain.Identity.CitizenIdNumber.TryParse(row.Fields[1].Trim(), out var number))
                numbers.TryAdd(protector.BlindIndex(number), number.Value);
        }
        var people = new Dictionary<string, Person>(StringComparer.Ordinal);
        foreach (var batch in numbers.Keys.Chunk(LookupBatch))
        {
            // One resident per number wherever they live (an arrival must not create a second one); whether the officer may
            // touch them is decided per row from Outside.
            // One parameter for the whole batch (a JSON array on SQLite, an array on PostgreSQL): a parameter per number
            // made SQLite's binding, which matches every parameter by name, quadratic in the batch.
            var residents = await db.Residents.IgnoreQueryFilters()
                .Where(r => EF.Parameter(batch).Contains(EF.Property<string>(r, CitizenIdBlindIndex.PropertyName)))
                .ToListAsync(cancellationToken);
            var ids = residents.Select(r => r.Id).ToList();
            var active = (await db.ResidenceRegistrations.IgnoreQueryFilters()
                .Where(g => EF.Parameter(ids).Contains(g.ResidentId) && g.Status == RegistrationStatus.Active)
                .ToListAsync(cancellationToken)).ToLookup(g => g.ResidentId);
            foreach (var resident in residents)
            {
                people[resident.CitizenId.Value] = new Person
                {
                    Resident = resident,
                    Active = active[resident.Id].SingleOrDefault(),
                    Outside = db.OfficerJurisdiction is { } jurisdiction && !jurisdiction.Contains(resident.AreaCode),
                };
            }
        }
        return people;
    }

    /// <summary>Registers the person; null when the row landed (or when only field errors remain in <paramref name="errors"/>).</summary>
    private static (string Column, string Code, string Reason)? Arrive(
        CsvRow row, FieldErrors errors, PermitDbContext db, NewRows written, ListedCommunities directory, Person? person, CitizenIdNumber? citizenId,
        DateOnly? date, string? reporter, DateOnly today, Permit.Domain.Registrations.WorkingCalendar calendar)
    {
        var community = errors.CommunityInJurisdiction(CommunityCode, row.Field(3), db);
        directory.Check(errors, CommunityCode, community);
        var address = errors.Text(Address, row.Field(4));
        var basis = errors.Basis(Basis, row.Field(7));
        var evidence = errors.Text(Evidence, row.Field(8));
        Permit.Domain.Identity.EthnicGroup? ethnic = null;
        string? name = null, hukou = null;
        if (person is { Resident: null })
        {
            // A person the district does not know yet: the report must carry what the resident record needs.
            name = errors.Text(Name, row.Field(2));
            hukou = errors.Text(HukouAddress, row.Field(10));
            if (!Permit.Domain.Identity.EthnicGroup.TryParse(row.Field(9), out ethnic))
                errors.Add(BulkReportColumns.EthnicGroup, "ethnic-group-invalid", "ethnicGroup is a two-digit GB/T 3304 code (needed for a person not yet recorded).");
        }
        if (errors.Any)
            return null;
        if (person!.Active is not null && person.Outside)
        {
            return (IdNumber, "resident-registered-elsewhere",
                "The person has an active registration in another jurisdiction: the departure is reported there first.");
        }
        if (person.Active is not null)
            return (IdNumber, "registration-already-active", "The person already has an active registration: report the departure first.");

        try
        {
            var resident = person.Resident
                ?? Resident.FromIdCard(new IdentityDetails(citizenId!, name!, citizenId!.Sex, ethnic!, citizenId.BirthDate, hukou!));
            var registration = ResidenceRegistration.Declare(resident.Id, address!, community!, date!.Value, today, basis!.Value, evidence!, reporter!);
            registration.RecordEmployerReport(today, calendar);
            if (person.Resident is null)
            {
                written.Residents.Add(resident);
                person.Resident = resident;
                person.Created = true;
            }
            written.Registrations.Add((resident, registration));
            person.Active = registration;
            person.LastRegistration = registration;
            person.Outside = false;
            return null;
        }
        catch (DomainException e)
        {
            return (ColumnOfRule.GetValueOrDefault(e.Code, "*"), e.Code, e.Message);
        }
    }

    private static (string Column, string Code, string Reason)? Depart(FieldErrors errors, Person? person, DateOnly? date)
    {
        if (errors.Any)
            return null;
        // Outside the jurisdiction a person is answered as one the district does not know: existence does not leak.
        if (person is not { Outside: false, Active: { } registration })
            return (IdNumber, "registration-not-found", "No active registration for this ID number: there is nothing to end.");
        try
        {
            registration.MoveOut(date!.Value);
            person.Active = null;
            person.LastRegistration = registration;
            person.Created = false;
            return null;
        }
        catch (DomainException e)
        {
            return (ColumnOfRule.GetValueOrDefault(e.Code, "*"), e.Code, e.Message);
        }
    }

    private static IEnumerable<(string Field, string Code, string Message)> Errors(FieldErrors errors) =>
        errors.ToList();

    /// <summary>
    /// The rows the file adds, kept out of the change tracker until the save: new residents, new registrations with
    /// the resident each places, and the audit lines in row order.
    /// </summary>
    private sealed class NewRows
    {
        public List<Resident> Residents { get; } = [];

        public List<(Resident Resident, ResidenceRegistration Registration)> Registrations { get; } = [];

        public List<AuditEntry> AuditLines { get; } = [];
    }

    /// <summary>What the rows so far did to one person (rows of one file may arrive and depart the same person).</summary>
    private sealed class Person
    {
        public Resident? Resident { get; set; }

        public ResidenceRegistration? Active { get; set; }

        public ResidenceRegistration? LastRegistration { get; set; }

        public bool Created { get; set; }

        /// <summary>Recorded outside the officer's jurisdiction (until an arrival in this file registers them here).</summary>
        public bool Outside { get; set; }
    }
}

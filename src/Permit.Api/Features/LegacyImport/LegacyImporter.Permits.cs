using System.Globalization;
using Permit.Api.Features.BulkReports;
using Permit.Api.Features.Permits;
using Permit.Api.Infrastructure.Http;
using Permit.Domain.Applications;
using Permit.Domain.Common;
using Permit.Domain.Permits;
using Permit.Domain.Registrations;

namespace Permit.Api.Features.LegacyImport;

/// <summary>
/// The permits file: a permit with its number, the card it has now and its endorsements, replayed through the permit's
/// own rules (an endorsement outside its window is rejected as at the counter; one after the validity ran out is late
/// and restarts the count, as the desk would have done). Imported numbers move the number counter of their region and
/// year in the batch's transaction, so the next permit issued never takes one of them.
/// </summary>
public sealed partial class LegacyImporter
{
    // The highest imported serial per (region, year) of the batch being written.
    private readonly Dictionary<(string Region, int Year), int> _batchSerials = [];

    private async Task PermitsAsync(CsvRow[] batch, List<LegacyReject> rejects, Tally tally, Dictionary<Guid, int> written, bool dryRun, CancellationToken cancellationToken)
    {
        var today = ChinaDate.Today(time);
        var known = await KnownResidentsAsync(batch, cancellationToken, column: 1);
        foreach (var (number, resident) in _planned)
            known.TryAdd(number, resident);
        var ids = known.Values.Select(r => r.Id).ToList();
        var registrations = await RegistrationsOfAsync(ids, cancellationToken);
        var numbers = batch.Select(r => r.Fields.Count > 0 && PermitNumber.TryParse(r.Fields[0].Trim(), out var n) ? n : null).OfType<PermitNumber>().Distinct().ToList();
        var permits = (await db.ResidencePermits.AsNoTracking()
            .Where(p => ids.Contains(p.ResidentId) || numbers.Contains(p.Number))
            .Select(p => new KnownPermit(p.Number.Value, p.ResidentId, p.Status))
            .ToListAsync(cancellationToken))
            .ToDictionary(p => p.Number, StringComparer.Ordinal);
        foreach (var planned in _plannedPermits.Values)
            permits.TryAdd(planned.Number, planned);
        var live = permits.Values.Where(p => p.IsLive).Select(p => p.ResidentId).ToHashSet();
        foreach (var row in batch)
        {
            if (!Shape(row, LegacyLayouts.Permits.Count, rejects))
                continue;
            var errors = new FieldErrors();
            var number = errors.Parse("permitNumber", () => PermitNumber.Parse(Field(row, 0)));
            var citizenId = errors.CitizenId("idNumber", Field(row, 1), today);
            var issued = NotAfterToday(errors, "issueDate", errors.Date("issueDate", Field(row, 2)), today);
            var authority = errors.Text("issuingAuthority", Field(row, 3));
            var sequence = int.TryParse(Field(row, 4), NumberStyles.None, CultureInfo.InvariantCulture, out var s) && s is >= 1 and <= ResidencePermit.MaxCardSequence ? s : 0;
            if (sequence == 0)
                errors.Add("cardSequence", "card-sequence-invalid", $"cardSequence is a whole number from 1 to {ResidencePermit.MaxCardSequence}.");
            var cardIssued = NotAfterToday(errors, "cardIssuedOn", errors.Date("cardIssuedOn", Field(row, 5)), today);
            CardSerialNumber? serial = null;
            if (Field(row, 6).Length > 0 && !CardSerialNumber.TryParse(Field(row, 6), out serial))
                errors.Add("cardSerial", "card-serial-invalid", "cardSerial is empty or the chip's 16 hex digits.");
            var endorsements = Endorsements(errors, Field(row, 7), today);
            var ended = NotAfterToday(errors, "endedOn", errors.Date("endedOn", Field(row, 8), required: false), today);
            var reason = EndReason(errors, Field(row, 9), ended is not null);
            var note = Field(row, 10);
            if (ended < issued || ended < endorsements?.LastOrDefault(DateOnly.MinValue))
                errors.Add("endedOn", "legacy-permit-ended-early", "endedOn is before the issue day or an endorsement.");
            if (Reject(row, errors, rejects))
                continue;
            if (!known.TryGetValue(citizenId!.Value, out var resident))
            {
                rejects.Add(new(row.Row, "idNumber", "legacy-resident-unknown", "No resident with this ID number: import the residents file first."));
                continue;
            }
            if (permits.TryGetValue(number!.Value, out var same))
            {
                if (same.ResidentId == resident.Id)
                    tally.Unchanged++;
                else
                    rejects.Add(new(row.Row, "permitNumber", "duplicate-permit-number", "The district already has this permit number, for someone else."));
                continue;
            }
            var history = registrations.GetValueOrDefault(resident.Id) ?? [];
            var basis = history.Where(g => g.RegistrationDate <= issued && !(g.MovedOutOn < issued)).MaxBy(g => g.RegistrationDate);
            if (basis is null)
            {
                rejects.Add(new(row.Row, "issueDate", "legacy-permit-unregistered", "No registration of this person was in force on the issue day: import the registrations file first."));
                continue;
            }
            try
            {
                var application = PermitApplication.TakeOver(resident.Id, basis, issued!.Value, Officer);
                var permit = ResidencePermit.TakeOver(application, number!, authority!, issued.Value, sequence, cardIssued!.Value, serial);
                foreach (var day in endorsements!)
                {
                    if (permit.IsEndorsementOverdue(day))
                        permit.SuspendForMissedEndorsement(day);
                    permit.Endorse(day, history.Any(g => g.RegistrationDate <= day && !(g.MovedOutOn < day)));
                }
                if (ended is { } end && reason is { } why)
                {
                    if (why == PermitEndReason.Fraud)
                        permit.RevokeForFraud(note, end);
                    else
                        permit.Terminate(why, end, note.Length > 0 ? note : null);
                }
                else if (permit.IsEndorsementOverdue(today))
                {
                    // What the daily job would have done since: the validity ran out without an endorsement.
                    permit.SuspendForMissedEndorsement(today);
                }
                if (!permit.HasEnded && live.Contains(resident.Id))
                {
                    rejects.Add(new(row.Row, "idNumber", "live-permit-exists", "The person already holds a live permit; an earlier one needs its endedOn."));
                    continue;
                }
                var imported = new KnownPermit(permit.Number.Value, resident.Id, permit.Status);
                permits[imported.Number] = imported;
                if (imported.IsLive)
                    live.Add(resident.Id);
                if (dryRun)
                {
                    _plannedPermits[imported.Number] = imported;
                }
                else
                {
                    db.PermitApplications.Add(application);
                    db.ResidencePermits.Add(permit);
                    var key = (permit.Number.IssuingRegion.Value, permit.Number.Year);
                    _batchSerials[key] = Math.Max(_batchSerials.GetValueOrDefault(key), permit.Number.Serial);
                }
                Wrote(tally, written, resident.Id);
            }
            catch (DomainException e)
            {
                rejects.Add(new(row.Row, PermitColumnOf(e.Code), e.Code, e.Message));
            }
        }
    }

    private readonly Dictionary<string, KnownPermit> _plannedPermits = new(StringComparer.Ordinal);

    /// <summary>Moves the number counters past the batch's imported serials, in the batch's transaction.</summary>
    private async Task AfterBatchAsync(LegacyFileKind kind, CancellationToken cancellationToken)
    {
        if (kind != LegacyFileKind.Permits)
            return;
        foreach (var ((region, year), serial) in _batchSerials)
            await PermitNumberAllocator.ContinueAfterAsync(db, Domain.Regions.RegionCode.Parse(region), year, serial, cancellationToken);
        _batchSerials.Clear();
    }

    /// <summary>Endorsement days, <c>;</c>-separated, each after the one before.</summary>
    private static List<DateOnly>? Endorsements(FieldErrors errors, string text, DateOnly today)
    {
        var days = new List<DateOnly>();
        foreach (var part in text.Split(';', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
        {
            var before = errors.Count;
            var day = NotAfterToday(errors, "endorsedOn", errors.Date("endorsedOn", part), today);
            if (errors.Count > before)
                return null;
            if (days.Count > 0 && day <= days[^1])
            {
                errors.Add("endorsedOn", "legacy-endorsements-order", "endorsedOn lists the endorsement days oldest first, separated by ';'.");
                return null;
            }
            days.Add(day!.Value);
        }
        return days;
    }

    private static PermitEndReason? EndReason(FieldErrors errors, string text, bool ended)
    {
        if (text.Length == 0 && !ended)
            return null;
        if (Enum.TryParse<PermitEndReason>(text, ignoreCase: true, out var reason) && Enum.IsDefined(reason) && !int.TryParse(text, CultureInfo.InvariantCulture, out _))
        {
            if (!ended)
                errors.Add("endedOn", DeskFields.Required, "endedOn is required with an endReason.");
            return reason;
        }
        errors.Add("endReason", "permit-end-reason-invalid", "endReason is localHukou, death, noLongerQualifies or fraud (with endedOn).");
        return null;
    }

    private static DateOnly? NotAfterToday(FieldErrors errors, string field, DateOnly? day, DateOnly today)
    {
        if (day > today)
            errors.Add(field, "legacy-date-in-future", $"{field} is after today.");
        return day;
    }

    private static string PermitColumnOf(string code) => code switch
    {
        "permit-number-year-mismatch" => "permitNumber",
        "permit-issuing-authority-invalid" => "issuingAuthority",
        "card-issued-before-permit" => "cardIssuedOn",
        "endorsement-outside-window" or "endorsement-conditions-not-met" => "endorsedOn",
        "application-not-eligible" or "application-registration-not-active" or "permit-issued-before-approval" => "issueDate",
        "permit-fraud-finding-required" or "permit-end-note-invalid" => "endNote",
        "permit-already-ended" or "permit-not-in-force" => "endorsedOn",
        _ => "*",
    };

    private sealed record KnownPermit(string Number, Guid ResidentId, PermitStatus Status)
    {
        public bool IsLive => Status is PermitStatus.PendingCard or PermitStatus.Active or PermitStatus.Suspended;
    }
}

using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Permit.Api.Features.BulkReports;
using Permit.Api.Features.Points;
using Permit.Api.Infrastructure.Http;
using Permit.Domain.Common;

namespace Permit.Api.Features.LegacyImport;

/// <summary>
/// The social-insurance and points-facts files: covers as an officer records them from the bureau's statement, facts
/// checked against the rule set in force exactly as the desk checks them and appended to the resident's ledger dated
/// the day the old system recorded them. The months they and the registrations earn are added afterwards, for all
/// residents at once (<see cref="LegacyPointsBackfill"/>).
/// </summary>
public sealed partial class LegacyImporter
{
    private async Task CoversAsync(CsvRow[] batch, List<LegacyReject> rejects, Tally tally, Dictionary<Guid, int> written, bool dryRun, CancellationToken cancellationToken)
    {
        var today = ChinaDate.Today(time);
        var known = await KnownResidentsAsync(batch, cancellationToken);
        foreach (var (number, resident) in _planned)
            known.TryAdd(number, resident);
        var ids = known.Values.Select(r => r.Id).ToList();
        var covers = (await db.SocialInsuranceCovers.AsNoTracking().Where(c => ids.Contains(c.ResidentId))
                .Select(c => new { c.ResidentId, c.CoveredFrom }).ToListAsync(cancellationToken))
            .Select(c => (c.ResidentId, c.CoveredFrom)).ToHashSet();
        foreach (var row in batch)
        {
            if (!Shape(row, LegacyLayouts.SocialInsurance.Count, rejects))
                continue;
            var errors = new FieldErrors();
            var citizenId = errors.CitizenId("idNumber", Field(row, 0), today);
            var from = NotAfterToday(errors, "coveredFrom", errors.Date("coveredFrom", Field(row, 1)), today);
            var until = NotAfterToday(errors, "coveredUntil", errors.Date("coveredUntil", Field(row, 2), required: false), today);
            if (until < from)
                errors.Add("coveredUntil", "points-cover-invalid", "coveredUntil is before coveredFrom.");
            var evidence = Field(row, 3);
            if (evidence.Length is 0 or > PointsEntry.MaxTextLength)
                errors.Add("evidenceReference", "points-evidence-required", $"evidenceReference is required (at most {PointsEntry.MaxTextLength} characters): name the bureau's statement.");
            if (Reject(row, errors, rejects))
                continue;
            if (!known.TryGetValue(citizenId!.Value, out var resident))
            {
                rejects.Add(new(row.Row, "idNumber", "legacy-resident-unknown", "No resident with this ID number: import the residents file first."));
                continue;
            }
            if (!covers.Add((resident.Id, from!.Value)))
            {
                tally.Unchanged++;
                continue;
            }
            if (!dryRun)
                db.SocialInsuranceCovers.Add(new SocialInsuranceCover(resident.Id, from.Value, until, evidence, Officer, time.GetUtcNow()));
            Wrote(tally, written, resident.Id);
        }
    }

    private async Task FactsAsync(CsvRow[] batch, List<LegacyReject> rejects, Tally tally, Dictionary<Guid, int> written, bool dryRun, CancellationToken cancellationToken)
    {
        var today = ChinaDate.Today(time);
        var ruleSet = await RuleSetCatalogue.InForceAsync(db, today, cancellationToken);
        var known = await KnownResidentsAsync(batch, cancellationToken);
        foreach (var (number, resident) in _planned)
            known.TryAdd(number, resident);
        var ids = known.Values.Select(r => r.Id).ToList();
        var entries = (await db.PointsEntries.AsNoTracking().Where(e => ids.Contains(e.ResidentId)).OrderBy(e => e.Id).ToListAsync(cancellationToken))
            .GroupBy(e => e.ResidentId).ToDictionary(g => g.Key, g => g.ToList());
        var balances = await db.PointsBalances.Where(b => ids.Contains(b.ResidentId)).ToDictionaryAsync(b => b.ResidentId, cancellationToken);
        var ledgers = new Dictionary<Guid, ResidentLedger>();
        foreach (var row in batch)
        {
            if (!Shape(row, LegacyLayouts.PointsFacts.Count, rejects))
                continue;
            var errors = new FieldErrors();
            var citizenId = errors.CitizenId("idNumber", Field(row, 0), today);
            int? quantity = null;
            if (Field(row, 3).Length > 0)
            {
                if (int.TryParse(Field(row, 3), NumberStyles.None, CultureInfo.InvariantCulture, out var q))
                    quantity = q;
                else
                    errors.Add("quantity", "points-quantity-invalid", "quantity is a whole number from 1 to 100000 (empty for a level).");
            }
            var recorded = NotAfterToday(errors, "recordedOn", errors.Date("recordedOn", Field(row, 5)), today);
            var frozenUntil = errors.Date("frozenUntil", Field(row, 6), required: false);
            var level = Field(row, 2);
            var fact = LedgerRules.Check(ruleSet, new RecordFactRequest(Field(row, 1), level.Length > 0 ? level : null, quantity, Field(row, 4), frozenUntil), errors);
            if (Reject(row, errors, rejects) || fact is null)
                continue;
            if (!known.TryGetValue(citizenId!.Value, out var resident))
            {
                rejects.Add(new(row.Row, "idNumber", "legacy-resident-unknown", "No resident with this ID number: import the residents file first."));
                continue;
            }
            if (!ledgers.TryGetValue(resident.Id, out var ledger))
                ledgers[resident.Id] = ledger = ResidentLedger.From(db, resident.Id, resident.BirthDate, entries.GetValueOrDefault(resident.Id) ?? [], balances.GetValueOrDefault(resident.Id));
            var key = FactKey(fact, recorded!.Value);
            if (ledger.Entries.Any(e => e.Key == key))
            {
                tally.Unchanged++;
                continue;
            }
            if (ledger.IsFrozenOn(recorded.Value) && LedgerRules.Awards(ruleSet, fact))
            {
                rejects.Add(new(row.Row, "indicator", PointsApi.Frozen, "The person's points were frozen that day: no points are added while a freeze lasts."));
                continue;
            }
            // Dated the day the old system recorded it, so the ledger explains the total as it stood on any day since.
            var at = ChinaDate.StartOf(recorded.Value).ToUniversalTime();
            ledger.AppendFact(ruleSet, today, fact, Officer, Officer, at, key);
            Wrote(tally, written, resident.Id);
        }
        if (dryRun)
            db.ChangeTracker.Clear();
    }

    /// <summary>A fact's natural key on the ledger (unique per resident): the same fact recorded the same day lands once.</summary>
    private static string FactKey(LedgerFact fact, DateOnly recordedOn)
    {
        var text = string.Create(CultureInfo.InvariantCulture, $"{fact.Indicator}|{fact.Level}|{fact.Quantity}|{fact.EvidenceReference}|{fact.FrozenUntil:yyyy-MM-dd}|{recordedOn:yyyy-MM-dd}");
        return "legacy:" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)))[..48];
    }
}

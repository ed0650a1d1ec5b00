using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Permit.Api.Audit;
using Permit.Api.Features.Points;
using Permit.Api.Persistence;
using Permit.Domain.Common;

namespace Permit.Api.Features.LegacyImport;

/// <summary>What the backfill did: the months it went through and the ledger entries it wrote.</summary>
public sealed record LegacyBackfillResult(string From, string Through, int Months, int Entries, bool AlreadyDone);

/// <summary>
/// After an import, the points of the months the imported registrations and covers earn: the monthly accrual's own
/// set-based statements (<see cref="MonthlyAccrual"/>), month after month from the earliest imported month to the last
/// ended one, each for every resident at once and each as of the day after its month (so an entry is dated when the job
/// would have written it and the rule set then in force scores it), all in one transaction: a crash leaves none of it,
/// and running it again writes nothing (a month accrues once per resident and indicator).
/// </summary>
public static class LegacyPointsBackfill
{
    public const string Kind = "PointsBackfill";

    public static async Task<LegacyBackfillResult?> RunAsync(PermitDbContext db, TimeProvider time, Action<string>? progress, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(time);
        var today = ChinaDate.Today(time);
        var registered = await db.ResidenceRegistrations.MinAsync(g => (DateOnly?)g.RegistrationDate, cancellationToken);
        var covered = await db.SocialInsuranceCovers.MinAsync(c => (DateOnly?)c.CoveredFrom, cancellationToken);
        if ((registered, covered) is (null, null))
            return null;
        var earliest = new[] { registered, covered }.OfType<DateOnly>().Min();
        var first = new DateOnly(earliest.Year, earliest.Month, 1);
        var through = new DateOnly(today.Year, today.Month, 1).AddMonths(-1);
        var months = through < first ? 0 : (through.Year - first.Year) * 12 + through.Month - first.Month + 1;
        var label = (From: first.ToString("yyyy-MM", CultureInfo.InvariantCulture), Through: through.ToString("yyyy-MM", CultureInfo.InvariantCulture));
        if (months == 0)
            return new(label.From, label.Through, 0, 0, false);

        // Named by the files imported so far and the months: the same import backfilled once is not run again.
        var files = await db.Set<LegacyImportCheckpoint>().AsNoTracking().Where(c => c.Finished && c.Kind != Kind)
            .Select(c => c.FileSha256).ToListAsync(cancellationToken);
        var key = "points-backfill:" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(
            string.Join(',', files.Order(StringComparer.Ordinal)) + "|" + label.From + "|" + label.Through)))[..48];
        if (await db.Set<LegacyImportCheckpoint>().AnyAsync(c => c.FileSha256 == key, cancellationToken))
            return new(label.From, label.Through, months, 0, true);

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var entries = 0;
        for (var month = first; month <= through; month = month.AddMonths(1))
        {
            var result = await MonthlyAccrual.RunAsync(db, month.Year, month.Month, ChinaDate.StartOf(month.AddMonths(1)), cancellationToken);
            entries += result.SocialInsuranceEntries + result.ResidenceEntries;
            progress?.Invoke(string.Create(CultureInfo.InvariantCulture, $"points backfill: {month:yyyy-MM}, {entries} ledger entries so far"));
        }
        var now = time.GetUtcNow();
        db.Add(new LegacyImportCheckpoint { FileSha256 = key, Kind = Kind, LastRow = months, Written = entries, Finished = true, StartedAt = now, UpdatedAt = now });
        new AuditTrail(db, new Backfiller(), time).Record("legacy-import.points-backfill", null,
            string.Create(CultureInfo.InvariantCulture, $"{label.From} to {label.Through}: {entries} ledger entries"));
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return new(label.From, label.Through, months, entries, false);
    }

    private sealed class Backfiller : IAuditActorSource
    {
        public AuditActor Current { get; } = AuditActor.System("legacy-import");
    }
}

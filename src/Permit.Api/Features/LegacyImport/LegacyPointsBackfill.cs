using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Permit.Api.Features.Points;
using Permit.Domain.Common;

namespace Permit.Api.Features.LegacyImport;

/// <summary>What the backfill did: the months it went through, the ledger entries it wrote, and where it resumed.</summary>
public sealed record LegacyBackfillResult(string From, string Through, int Months, int Entries, bool AlreadyDone)
{
    /// <summary>The first month this run accrued when an earlier run had committed the months before it.</summary>
    public string? ResumedAt { get; init; }
}

/// <summary>
/// After an import, the points of the months the imported registrations and covers earn: the monthly accrual's own
/// set-based statements (<see cref="MonthlyAccrual"/>), month after month from the earliest imported month to the last
/// ended one, each for every resident at once and each as of the day after its month (so an entry is dated when the job
/// would have written it and the rule set then in force applies).
/// <para>Each month commits on its own, with its audit line and the backfill's checkpoint: a crash loses at most the
/// month under way, and the next run resumes at the month after the last one committed (a month accrues once per
/// resident and indicator anyway). The 13 million entries of 100,000 people over five years in one transaction had
/// grown SQLite's write-ahead log past 3 GB. Balances are scored once, by the last month (and by the last month of
/// each rule set, should one give way to another inside the backfilled years), not after every month: the counters
/// the scoring reads move with each month regardless.</para>
/// </summary>
public static class LegacyPointsBackfill
{
    public const string Kind = "PointsBackfill";

    public static async Task<LegacyBackfillResult?> RunAsync(
        PermitDbContext db, IAuditTrail audit, TimeProvider time, Action<string>? progress, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(audit);
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
        var label = (From: Month(first), Through: Month(through));
        if (months == 0)
            return new(label.From, label.Through, 0, 0, false);

        // Named by the files imported so far and the months: the same import backfilled once is not run again.
        var files = await db.Set<LegacyImportCheckpoint>().AsNoTracking().Where(c => c.Finished && c.Kind != Kind)
            .Select(c => c.FileSha256).ToListAsync(cancellationToken);
        var key = "points-backfill:" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(
            string.Join(',', files.Order(StringComparer.Ordinal)) + "|" + label.From + "|" + label.Through)))[..48];
        var checkpoint = await db.Set<LegacyImportCheckpoint>().SingleOrDefaultAsync(c => c.FileSha256 == key, cancellationToken);
        if (checkpoint is { Finished: true })
            return new(label.From, label.Through, months, 0, true);
        if (checkpoint is null)
        {
            var now = time.GetUtcNow();
            checkpoint = new LegacyImportCheckpoint { FileSha256 = key, Kind = Kind, LastRow = 0, StartedAt = now, UpdatedAt = now };
            db.Add(checkpoint);
            await db.SaveChangesAsync(cancellationToken);
        }

        // LastRow counts the months committed.
        var resumedAfter = checkpoint.LastRow;
        var done = resumedAfter;
        for (var month = first.AddMonths(done); month <= through; month = month.AddMonths(1))
        {
            var asOf = ChinaDate.StartOf(month.AddMonths(1));
            var score = month == through || await RuleSetEndsAfterAsync(db, month, cancellationToken);
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            var result = score
                ? await MonthlyAccrual.RunAsync(db, month.Year, month.Month, asOf, cancellationToken)
                : await MonthlyAccrual.RunWithoutScoringAsync(db, month.Year, month.Month, asOf, cancellationToken);
            var written = result.SocialInsuranceEntries + result.ResidenceEntries;
            checkpoint.LastRow = ++done;
            checkpoint.Written += written;
            checkpoint.Finished = month == through;
            checkpoint.UpdatedAt = time.GetUtcNow();
            audit.Record("legacy-import.points-backfill", null,
                string.Create(CultureInfo.InvariantCulture, $"{Month(month)}: {written} ledger entries{(score ? ", balances scored" : "")}"));
            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            progress?.Invoke(string.Create(CultureInfo.InvariantCulture, $"points backfill: {Month(month)}, {checkpoint.Written} ledger entries so far"));
        }
        return new(label.From, label.Through, months, checkpoint.Written, false)
        {
            ResumedAt = resumedAfter > 0 ? Month(first.AddMonths(resumedAfter)) : null,
        };
    }

    /// <summary>Whether the month after <paramref name="month"/> accrues under another rule set (its balances are then scored now).</summary>
    private static async Task<bool> RuleSetEndsAfterAsync(PermitDbContext db, DateOnly month, CancellationToken cancellationToken)
    {
        var now = await RuleSetCatalogue.InForceAsync(db, month.AddMonths(1), cancellationToken);
        var next = await RuleSetCatalogue.InForceAsync(db, month.AddMonths(2), cancellationToken);
        return !string.Equals(RuleSetCatalogue.Label(now), RuleSetCatalogue.Label(next), StringComparison.Ordinal);
    }

    private static string Month(DateOnly month) => month.ToString("yyyy-MM", CultureInfo.InvariantCulture);
}

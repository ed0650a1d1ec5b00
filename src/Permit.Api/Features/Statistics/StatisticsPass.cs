using System.Diagnostics;
using System.Globalization;
using Permit.Api.Features.Points;
using Permit.Domain.Applications;
using Permit.Domain.Common;
using Permit.Domain.Permits;

namespace Permit.Api.Features.Statistics;

/// <summary>
/// Counts the whole register into one <see cref="StatisticsSnapshot"/>: one set-based <c>GROUP BY</c> per counted table
/// (registrations, permits, accepted applications past due, points balances), each joined once to its residents for their
/// area code, so the pass reads each table once whatever the number of jurisdictions. The database answers a few rows
/// per area and bar; they are added up here into the rows of every jurisdiction code that contains the area (6, 9 and
/// 12 digits, and the whole register), so a view reads one area's rows and never sums over the register.
/// </summary>
public static class StatisticsPass
{
    /// <summary>The jurisdiction lengths a figure is kept for (<c>Permit.Domain.Regions.Jurisdiction</c>): county, township, community.</summary>
    public static readonly int[] AreaLengths = [6, 9, 12];

    /// <summary>Points bands of 20; everything below 20 (negatives too) in the first and 200 or more in the last.</summary>
    public const int LastBand = 10;

    public static async Task<StatisticsSnapshot> RunAsync(PermitDbContext db, DateTimeOffset now, string trigger, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        // A pass through a limited context would count one jurisdiction and show it to every other as theirs.
        if (db.OfficerJurisdiction is not null)
            throw new InvalidOperationException("Statistics are counted over the whole register, never through an officer's context.");
        var clock = Stopwatch.StartNew();
        var today = ChinaDate.Of(now);
        var snapshot = StatisticsSnapshot.Start(now, today, trigger);
        var firstMonth = new DateOnly(today.Year, today.Month, 1).AddMonths(-11);
        var endOfMonth = firstMonth.AddMonths(12).AddDays(-1);
        var latestOpen = EndorsementWindow.LatestClosingOpenOn(today);
        var residents = db.Residents.IgnoreQueryFilters();
        var counts = new Dictionary<(string Area, string Name, string Key), int>();

        void Add(string? area, string name, string key, int count)
        {
            if (count == 0)
                return;
            Count(StatisticsFigure.WholeRegister, name, key, count);
            foreach (var length in AreaLengths)
            {
                if (area is not null && area.Length >= length)
                    Count(area[..length], name, key, count);
            }
        }

        void Count(string area, string name, string key, int count) =>
            counts[(area, name, key)] = counts.GetValueOrDefault((area, name, key)) + count;

        // Month 0: outside the twelve months shown (counted for the community bars only).
        var registrations = await (
            from g in db.ResidenceRegistrations.IgnoreQueryFilters()
            join r in residents on g.ResidentId equals r.Id
            group g by new
            {
                r.AreaCode,
                g.CommunityCode,
                Month = g.RegistrationDate >= firstMonth && g.RegistrationDate <= endOfMonth
                    ? (g.RegistrationDate.Year * 100) + g.RegistrationDate.Month : 0,
            } into x
            select new { x.Key.AreaCode, x.Key.CommunityCode, x.Key.Month, Count = x.Count() }).AsNoTracking().ToListAsync(cancellationToken);
        foreach (var row in registrations)
        {
            Add(row.AreaCode, StatisticsFigures.RegistrationsByCommunity, row.CommunityCode.Value, row.Count);
            if (row.Month != 0)
                Add(row.AreaCode, StatisticsFigures.RegistrationsByMonth, MonthKey(row.Month), row.Count);
        }

        // Backlog 1: in the endorsement window (EndorsementWindow.Contains(today) as a range on ValidUntil); 2: overdue.
        var permits = await (
            from p in db.ResidencePermits.IgnoreQueryFilters()
            join r in residents on p.ResidentId equals r.Id
            group p by new
            {
                r.AreaCode,
                p.Status,
                Month = p.IssueDate >= firstMonth && p.IssueDate <= endOfMonth ? (p.IssueDate.Year * 100) + p.IssueDate.Month : 0,
                Backlog = p.Status == PermitStatus.Active && p.ValidUntil >= today && p.ValidUntil <= latestOpen ? 1
                    : p.Status == PermitStatus.Active && p.ValidUntil < today ? 2 : 0,
            } into x
            select new { x.Key.AreaCode, x.Key.Status, x.Key.Month, x.Key.Backlog, Count = x.Count() }).AsNoTracking().ToListAsync(cancellationToken);
        foreach (var row in permits)
        {
            Add(row.AreaCode, StatisticsFigures.PermitsByStatus, row.Status.ToString(), row.Count);
            if (row.Month != 0)
                Add(row.AreaCode, StatisticsFigures.PermitsByMonth, MonthKey(row.Month), row.Count);
            if (row.Backlog == 1)
                Add(row.AreaCode, StatisticsFigures.EndorsementWindowOpen, "", row.Count);
            else if (row.Backlog == 2)
                Add(row.AreaCode, StatisticsFigures.EndorsementOverdue, "", row.Count);
        }

        var pastDue = await (
            from a in db.PermitApplications.IgnoreQueryFilters()
            where a.Status == ApplicationStatus.Accepted && a.DueDate < today
            join r in residents on a.ResidentId equals r.Id
            group a by r.AreaCode into x
            select new { AreaCode = x.Key, Count = x.Count() }).AsNoTracking().ToListAsync(cancellationToken);
        foreach (var row in pastDue)
            Add(row.AreaCode, StatisticsFigures.ApplicationsPastDue, "", row.Count);

        var bands = await (
            from b in db.Set<PointsBalance>().IgnoreQueryFilters()
            join r in residents on b.ResidentId equals r.Id
            group b by new { r.AreaCode, Band = b.Total < 20 ? 0 : b.Total >= 200 ? LastBand : b.Total / 20 } into x
            select new { x.Key.AreaCode, x.Key.Band, Count = x.Count() }).AsNoTracking().ToListAsync(cancellationToken);
        foreach (var row in bands)
            Add(row.AreaCode, StatisticsFigures.PointsBands, row.Band.ToString(CultureInfo.InvariantCulture), row.Count);

        db.Add(snapshot);
        db.AddRange(counts.Select(c => StatisticsFigure.Of(snapshot.Id, c.Key.Area, c.Key.Name, c.Key.Key, c.Value)));
        snapshot.Took(clock.Elapsed);
        await db.SaveChangesAsync(cancellationToken);
        db.ChangeTracker.Clear();

        // Keep the two newest: a view that has just read the previous snapshot's header still finds its figures.
        var kept = db.Set<StatisticsSnapshot>().OrderByDescending(s => s.TakenAt).ThenByDescending(s => s.Id).Select(s => s.Id).Take(2);
        await db.Set<StatisticsFigure>().Where(f => !kept.Contains(f.SnapshotId)).ExecuteDeleteAsync(cancellationToken);
        await db.Set<StatisticsSnapshot>().Where(s => !kept.Contains(s.Id)).ExecuteDeleteAsync(cancellationToken);
        return snapshot;
    }

    private static string MonthKey(int yearMonth) =>
        string.Create(CultureInfo.InvariantCulture, $"{yearMonth / 100:0000}-{yearMonth % 100:00}");
}

using System.Globalization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Permit.Api.Features.Statistics;
using Permit.Domain.Permits;
using Permit.Domain.Regions;

namespace Permit.Api.Web.Pages.Admin;

/// <summary>
/// Statistics for supervisors: registrations and permits by community and by month, the points distribution, the
/// endorsement backlog and applications past their due date, read from the newest statistics snapshot of today (a few
/// rows of the officer's jurisdiction, whatever the register's size) and shown with its time. Counts only: no personal
/// data, so nothing to audit.
/// </summary>
public sealed class IndexModel(PermitDbContext db, SupervisorStatistics statistics) : PageModel
{
    public sealed record Bar(string Label, int Value);

    public DateOnly Today { get; private set; }

    public IReadOnlyList<Bar> RegistrationsByCommunity { get; private set; } = [];

    public IReadOnlyList<Bar> RegistrationsByMonth { get; private set; } = [];

    public IReadOnlyList<Bar> PermitsByMonth { get; private set; } = [];

    public IReadOnlyList<Bar> PermitsByStatus { get; private set; } = [];

    public IReadOnlyList<Bar> PointsDistribution { get; private set; } = [];

    public int EndorsementWindowOpen { get; private set; }

    public int EndorsementOverdue { get; private set; }

    public int Suspended { get; private set; }

    public int ApplicationsPastDue { get; private set; }

    /// <summary>When the figures were counted: the snapshot's instant, shown on the page.</summary>
    public DateTimeOffset AsOf { get; private set; }

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        // The figures of the newest snapshot of today (docs/statistics.md), the first view of a day without one takes it.
        // The rows read are those of the officer's own jurisdiction code: the context's jurisdiction filter admits no
        // other area, and the whole register's rows (area "") only to those who see the whole register.
        var snapshot = await statistics.TodaysOrNewAsync(db, cancellationToken);
        AsOf = snapshot.TakenAt;
        Today = snapshot.AsOf;
        var area = db.OfficerJurisdiction?.Code ?? StatisticsFigure.WholeRegister;
        var figures = await db.Set<StatisticsFigure>().AsNoTracking()
            .Where(f => f.SnapshotId == snapshot.Id && f.Area == area)
            .Select(f => new { f.Name, f.Key, f.Count }).ToListAsync(cancellationToken);
        List<(string Key, int Count)> Of(string name) => [.. figures.Where(f => f.Name == name).Select(f => (f.Key, f.Count))];
        int One(string name) => figures.Where(f => f.Name == name).Sum(f => f.Count);

        var firstMonth = new DateOnly(Today.Year, Today.Month, 1).AddMonths(-11);
        var months = Enumerable.Range(0, 12).Select(i => firstMonth.AddMonths(i)).Select(d => (d.Year, d.Month)).ToList();
        RegistrationsByCommunity = [.. Of(StatisticsFigures.RegistrationsByCommunity)
            .Select(c => (Community: CommunityCode.Parse(c.Key), c.Count))
            .GroupBy(c => c.Community.KnownName ?? $"{c.Community.TownshipName} {c.Community.Value[9..]}")
            .Select(g => new Bar(g.Key, g.Sum(c => c.Count))).OrderByDescending(b => b.Value).ThenBy(b => b.Label, StringComparer.Ordinal).Take(12)];
        RegistrationsByMonth = ByMonth(months, Of(StatisticsFigures.RegistrationsByMonth));
        PermitsByMonth = ByMonth(months, Of(StatisticsFigures.PermitsByMonth));
        var byStatus = Of(StatisticsFigures.PermitsByStatus).Select(s => (Status: Enum.Parse<PermitStatus>(s.Key), s.Count)).ToList();
        PermitsByStatus = [.. byStatus.OrderBy(s => s.Status).Select(s => new Bar(s.Status.ToString(), s.Count))];
        Suspended = byStatus.Where(s => s.Status == PermitStatus.Suspended).Sum(s => s.Count);
        EndorsementWindowOpen = One(StatisticsFigures.EndorsementWindowOpen);
        EndorsementOverdue = One(StatisticsFigures.EndorsementOverdue);
        ApplicationsPastDue = One(StatisticsFigures.ApplicationsPastDue);
        PointsDistribution = [.. Of(StatisticsFigures.PointsBands)
            .Select(b => (Band: int.Parse(b.Key, CultureInfo.InvariantCulture), b.Count)).OrderBy(b => b.Band)
            .Select(b => new Bar(b.Band == StatisticsPass.LastBand ? "200+" : $"{b.Band * 20}–{(b.Band * 20) + 19}", b.Count))];
    }

    // Keys are yyyy-MM, as the bars are labelled.
    private static List<Bar> ByMonth(List<(int Year, int Month)> months, List<(string Key, int Count)> counts)
    {
        var byMonth = counts.ToDictionary(c => c.Key, c => c.Count, StringComparer.Ordinal);
        return [.. months.Select(m => $"{m.Year}-{m.Month:00}").Select(label => new Bar(label, byMonth.GetValueOrDefault(label)))];
    }
}

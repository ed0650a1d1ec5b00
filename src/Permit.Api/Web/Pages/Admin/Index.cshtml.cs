using Microsoft.AspNetCore.Mvc.RazorPages;
using Permit.Api.Features.Permits;
using Permit.Api.Features.Points;
using Permit.Domain.Applications;
using Permit.Domain.Permits;
using Permit.Domain.Common;

namespace Permit.Api.Web.Pages.Admin;

/// <summary>
/// Statistics for supervisors: registrations and permits by community and by month, the points distribution, the
/// endorsement backlog and applications past their due date. Counts only: no personal data, so nothing to audit.
/// </summary>
public sealed class IndexModel(PermitDbContext db, TimeProvider time) : PageModel
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

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        Today = ChinaDate.Today(time);
        var firstMonth = new DateOnly(Today.Year, Today.Month, 1).AddMonths(-11);
        var months = Enumerable.Range(0, 12).Select(i => firstMonth.AddMonths(i)).Select(d => (d.Year, d.Month)).ToList();
        var endOfMonth = firstMonth.AddMonths(12).AddDays(-1);

        // Every figure is counted by the database (the jurisdiction filters apply to each query): the page reads a few
        // hundred counts, never the rows, so its time and memory do not grow with the register.
        var byCommunity = await db.ResidenceRegistrations.AsNoTracking()
            .GroupBy(r => r.CommunityCode).Select(g => new { Community = g.Key, Count = g.Count() }).ToListAsync(cancellationToken);
        RegistrationsByCommunity = [.. byCommunity
            .GroupBy(c => c.Community.KnownName ?? $"{c.Community.TownshipName} {c.Community.Value[9..]}")
            .Select(g => new Bar(g.Key, g.Sum(c => c.Count))).OrderByDescending(b => b.Value).ThenBy(b => b.Label, StringComparer.Ordinal).Take(12)];
        RegistrationsByMonth = ByMonth(months, await db.ResidenceRegistrations.AsNoTracking()
            .Where(r => r.RegistrationDate >= firstMonth && r.RegistrationDate <= endOfMonth)
            .GroupBy(r => new { r.RegistrationDate.Year, r.RegistrationDate.Month })
            .Select(g => new MonthCount(g.Key.Year, g.Key.Month, g.Count())).ToListAsync(cancellationToken));

        var permits = db.ResidencePermits.AsNoTracking();
        PermitsByMonth = ByMonth(months, await permits
            .Where(p => p.IssueDate >= firstMonth && p.IssueDate <= endOfMonth)
            .GroupBy(p => new { p.IssueDate.Year, p.IssueDate.Month })
            .Select(g => new MonthCount(g.Key.Year, g.Key.Month, g.Count())).ToListAsync(cancellationToken));
        var byStatus = await permits.GroupBy(p => p.Status).Select(g => new { Status = g.Key, Count = g.Count() }).ToListAsync(cancellationToken);
        PermitsByStatus = [.. byStatus.OrderBy(s => s.Status).Select(s => new Bar(s.Status.ToString(), s.Count))];
        Suspended = byStatus.Where(s => s.Status == PermitStatus.Suspended).Sum(s => s.Count);
        // ResidencePermit.EndorsementWindow.Contains(today) and IsEndorsementOverdue(today), as ranges on ValidUntil.
        var latestOpen = EndorsementWindow.LatestClosingOpenOn(Today);
        EndorsementWindowOpen = await permits.CountAsync(p => p.Status == PermitStatus.Active && p.ValidUntil >= Today && p.ValidUntil <= latestOpen, cancellationToken);
        EndorsementOverdue = await permits.CountAsync(p => p.Status == PermitStatus.Active && p.ValidUntil < Today, cancellationToken);

        ApplicationsPastDue = await db.PermitApplications.AsNoTracking()
            .CountAsync(a => a.Status == ApplicationStatus.Accepted && a.DueDate < Today, cancellationToken);

        // Bands of 20 points, everything below 20 (negatives too) in the first and 200 or more in the last.
        var bands = await db.Set<PointsBalance>().AsNoTracking()
            .GroupBy(b => b.Total < 20 ? 0 : b.Total >= 200 ? 10 : b.Total / 20)
            .Select(g => new { Band = g.Key, Count = g.Count() }).ToListAsync(cancellationToken);
        PointsDistribution = [.. bands.OrderBy(b => b.Band)
            .Select(b => new Bar(b.Band == 10 ? "200+" : $"{b.Band * 20}–{(b.Band * 20) + 19}", b.Count))];
    }

    private sealed record MonthCount(int Year, int Month, int Count);

    private static List<Bar> ByMonth(List<(int Year, int Month)> months, List<MonthCount> counts)
    {
        var byMonth = counts.ToDictionary(c => (c.Year, c.Month), c => c.Count);
        return [.. months.Select(m => new Bar($"{m.Year}-{m.Month:00}", byMonth.GetValueOrDefault(m)))];
    }
}

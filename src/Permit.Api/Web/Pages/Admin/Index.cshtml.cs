using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Permit.Api.Features.Permits;
using Permit.Api.Features.Points;
using Permit.Api.Persistence;
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
        var months = Enumerable.Range(0, 12).Select(i => Today.AddMonths(i - 11)).Select(d => (d.Year, d.Month)).ToList();

        var registrations = await db.ResidenceRegistrations.AsNoTracking()
            .Select(r => new { r.CommunityCode, r.RegistrationDate }).ToListAsync(cancellationToken);
        RegistrationsByCommunity = [.. registrations
            .GroupBy(r => r.CommunityCode.KnownName ?? $"{r.CommunityCode.TownshipName} {r.CommunityCode.Value[9..]}")
            .Select(g => new Bar(g.Key, g.Count())).OrderByDescending(b => b.Value).ThenBy(b => b.Label, StringComparer.Ordinal).Take(12)];
        RegistrationsByMonth = ByMonth(months, registrations.Select(r => r.RegistrationDate));

        var permits = await db.ResidencePermits.AsNoTracking().ToListAsync(cancellationToken);
        PermitsByMonth = ByMonth(months, permits.Select(p => p.IssueDate));
        PermitsByStatus = [.. permits.GroupBy(p => p.Status).OrderBy(g => g.Key).Select(g => new Bar(g.Key.ToString(), g.Count()))];
        EndorsementWindowOpen = permits.Count(p => p.Status == PermitStatus.Active && p.EndorsementWindow.Contains(Today));
        EndorsementOverdue = permits.Count(p => p.Status == PermitStatus.Active && p.IsEndorsementOverdue(Today));
        Suspended = permits.Count(p => p.Status == PermitStatus.Suspended);

        var pastDue = await db.PermitApplications.AsNoTracking().Where(a => a.Status == ApplicationStatus.Accepted)
            .Select(a => a.DueDate).ToListAsync(cancellationToken);
        ApplicationsPastDue = pastDue.Count(d => d < Today);

        var totals = await db.Set<PointsBalance>().AsNoTracking().Select(b => b.Total).ToListAsync(cancellationToken);
        PointsDistribution = [.. totals.GroupBy(t => Math.Clamp(t / 20, 0, 10)).OrderBy(g => g.Key)
            .Select(g => new Bar(g.Key == 10 ? "200+" : $"{g.Key * 20}–{(g.Key * 20) + 19}", g.Count()))];
    }

    private static List<Bar> ByMonth(List<(int Year, int Month)> months, IEnumerable<DateOnly> dates)
    {
        var counts = dates.GroupBy(d => (d.Year, d.Month)).ToDictionary(g => g.Key, g => g.Count());
        return [.. months.Select(m => new Bar($"{m.Year}-{m.Month:00}", counts.GetValueOrDefault(m)))];
    }
}

using System.Globalization;
using System.Text;
using Permit.Api.Features.Notifications;
using Permit.Domain.Applications;

namespace Permit.Api.Features.Jobs;

/// <summary>
/// Daily: the accepted applications still undecided after their 15-day due date, stored as one notification for the
/// supervisors (<c>overdue-applications</c>, one per day). It names applications and residents by record id only; the
/// full list stays at <c>GET /api/applications/overdue</c>. A day with nothing overdue stores nothing.
/// </summary>
public sealed class OverdueApplicationsReportJob : IPermitJob
{
    public const string JobName = "overdue-applications";
    public const string Kind = "overdue-applications";
    private const int MaxListed = 50;

    public string Name => JobName;

    public JobCadence Cadence => JobCadence.Daily;

    public async Task<JobOutcome> RunAsync(JobContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var db = context.Db;
        var today = context.Period.Start;
        var overdue = db.PermitApplications.AsNoTracking()
            .Where(a => a.Status == ApplicationStatus.Accepted && a.DueDate < today);
        var count = await overdue.CountAsync(cancellationToken);
        if (count == 0)
            return new JobOutcome(0, "no application overdue");

        var listed = await overdue.OrderBy(a => a.DueDate).ThenBy(a => a.Id)
            .Select(a => new { a.Id, a.ResidentId, a.DueDate })
            .Take(MaxListed)
            .ToListAsync(cancellationToken);
        var day = today.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        var body = new StringBuilder();
        foreach (var a in listed)
        {
            body.Append(CultureInfo.InvariantCulture,
                $"application {a.Id} (resident {a.ResidentId}) due {a.DueDate:yyyy-MM-dd}, {today.DayNumber - a.DueDate!.Value.DayNumber} day(s) overdue\n");
        }

        if (count > listed.Count)
            body.Append(CultureInfo.InvariantCulture, $"and {count - listed.Count} more: GET /api/applications/overdue\n");
        db.Add(Notification.Queue(Kind, NotificationAudience.Supervisors, null, $"{Kind}:{day}",
            string.Create(CultureInfo.InvariantCulture, $"{count} application(s) past their 15-day due date on {day}"),
            body.ToString(), context.Now));
        context.Audit.Record("applications.overdue-report", null, string.Create(CultureInfo.InvariantCulture, $"{count} overdue on {day}"));
        await db.SaveChangesAsync(cancellationToken);
        return new JobOutcome(count, string.Create(CultureInfo.InvariantCulture, $"{count} overdue application(s) reported"));
    }
}

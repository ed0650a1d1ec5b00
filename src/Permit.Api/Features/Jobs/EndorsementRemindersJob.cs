using System.Globalization;
using Permit.Api.Features.Notifications;
using Permit.Domain.Permits;

namespace Permit.Api.Features.Jobs;

/// <summary>
/// Daily: queues a reminder to each holder whose endorsement window closes within 30 days (<c>endorsement-reminder-30</c>)
/// and again within 7 days (<c>endorsement-reminder-7</c>). Keyed by permit and closing day, so each reminder is queued
/// once per window even if the job misses days or runs twice; a permit first seen with 7 days or fewer left gets only the
/// 7-day one. Endorsing moves the window, which ends the reminders for the old one.
/// </summary>
public sealed class EndorsementRemindersJob : IPermitJob
{
    public const string JobName = "endorsement-reminders";
    public const string ThirtyDays = "endorsement-reminder-30";
    public const string SevenDays = "endorsement-reminder-7";
    private const int BatchSize = 500;

    public string Name => JobName;

    public JobCadence Cadence => JobCadence.Daily;

    public async Task<JobOutcome> RunAsync(JobContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var db = context.Db;
        var today = context.Period.Start;
        var horizon = today.AddDays(30);
        var queued = 0;
        var after = Guid.Empty;
        while (true)
        {
            // Keyset pages over the permits whose window closes in the next 30 days.
            var page = await db.ResidencePermits.AsNoTracking()
                .Where(p => p.Status == PermitStatus.Active && p.ValidUntil >= today && p.ValidUntil <= horizon && p.Id > after)
                .OrderBy(p => p.Id)
                .Select(p => new { p.Id, p.ResidentId, p.Number, p.ValidUntil })
                .Take(BatchSize)
                .ToListAsync(cancellationToken);
            if (page.Count == 0)
                break;
            after = page[^1].Id;

            var wanted = page.Select(p => (Permit: p, Kind: p.ValidUntil.DayNumber - today.DayNumber <= 7 ? SevenDays : ThirtyDays))
                .Select(w => (w.Permit, w.Kind, Key: KeyOf(w.Kind, w.Permit.Id, w.Permit.ValidUntil)))
                .ToList();
            var keys = wanted.Select(w => w.Key).ToList();
            var existing = (await db.Set<Notification>().AsNoTracking()
                .Where(n => keys.Contains(n.DedupeKey)).Select(n => n.DedupeKey)
                .ToListAsync(cancellationToken)).ToHashSet(StringComparer.Ordinal);
            foreach (var (permit, kind, key) in wanted.Where(w => !existing.Contains(w.Key)))
            {
                var closes = permit.ValidUntil.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
                db.Add(Notification.Queue(kind, NotificationAudience.Resident, permit.ResidentId, key,
                    $"Endorse your residence permit by {closes}",
                    $"The endorsement window of residence permit {permit.Number.Value} closes on {closes}. Endorse it at " +
                    "your police station or in self-service before then, or the permit is suspended.",
                    context.Now));
                context.Audit.Record("notification.queue", permit.ResidentId, $"{kind}, window closes {closes}");
                queued++;
            }

            await db.SaveChangesAsync(cancellationToken);
            db.ChangeTracker.Clear();
        }

        return new JobOutcome(queued, string.Create(CultureInfo.InvariantCulture, $"{queued} reminder(s) queued"));
    }

    private static string KeyOf(string kind, Guid permitId, DateOnly closes) =>
        string.Create(CultureInfo.InvariantCulture, $"{kind}:{permitId:N}:{closes:yyyyMMdd}");
}

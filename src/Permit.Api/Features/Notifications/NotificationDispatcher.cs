using Microsoft.Extensions.Options;

namespace Permit.Api.Features.Notifications;

/// <summary>How the outbox is drained (<c>Notifications</c> section).</summary>
public sealed class NotificationOptions
{
    public const string Section = "Notifications";

    public int BatchSize { get; set; } = 200;

    public int MaxAttempts { get; set; } = 8;

    /// <summary>How long a dispatcher holds a notification it is sending before another may take it.</summary>
    public TimeSpan Lease { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>The wait after the first failure; doubled after each further one, at most <see cref="MaxBackoff"/>.</summary>
    public TimeSpan FirstBackoff { get; set; } = TimeSpan.FromMinutes(1);

    public TimeSpan MaxBackoff { get; set; } = TimeSpan.FromHours(6);
}

/// <summary>What one pass over the outbox did.</summary>
public sealed record DispatchSummary(int Sent, int Failed, int GaveUp);

/// <summary>
/// Sends what is due in the outbox. Each notification is first leased by a conditional update (only one dispatcher,
/// in any API instance, wins it), then sent, then marked sent; a sent one is never picked again. A failure pushes the
/// next attempt back (exponential) until <see cref="NotificationOptions.MaxAttempts"/>, then the notification is given up
/// and left for an operator. A crash between "sent" and "marked" leaves the lease to expire and the notification is
/// offered again with the same <see cref="OutgoingNotification.Id"/>, which a sender uses to drop the repeat.
/// </summary>
public sealed partial class NotificationDispatcher(
    PermitDbContext db, INotificationSender sender, TimeProvider time, IOptions<NotificationOptions> options,
    ILogger<NotificationDispatcher> logger)
{
    private readonly NotificationOptions _options = options.Value;

    public async Task<DispatchSummary> DispatchAsync(CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var due = await Outbox
            .Where(n => n.SentAt == null && n.GaveUpAt == null && n.NextAttemptAt <= now
                        && (n.LockedUntil == null || n.LockedUntil < now))
            .OrderBy(n => n.NextAttemptAt).ThenBy(n => n.Id)
            .Select(n => n.Id)
            .Take(_options.BatchSize)
            .ToListAsync(cancellationToken);

        int sent = 0, failed = 0, gaveUp = 0;
        foreach (var id in due)
        {
            var notification = await LeaseAsync(id, cancellationToken);
            if (notification is null)
                continue;
            try
            {
                await sender.SendAsync(new OutgoingNotification(notification.Id, notification.Kind, notification.Audience,
                    notification.ResidentId, notification.Subject, notification.Body, notification.Attempts), cancellationToken);
            }
            catch (Exception e) when (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
            {
                if (await RecordFailureAsync(notification, e, cancellationToken))
                    gaveUp++;
                else
                    failed++;
                continue;
            }

            var sentAt = time.GetUtcNow();
            await Outbox.Where(n => n.Id == id).ExecuteUpdateAsync(s => s
                .SetProperty(n => n.SentAt, sentAt)
                .SetProperty(n => n.LockedUntil, (DateTimeOffset?)null)
                .SetProperty(n => n.LastError, (string?)null), cancellationToken);
            sent++;
        }

        if (due.Count > 0)
            LogDispatched(logger, sent, failed, gaveUp);
        return new DispatchSummary(sent, failed, gaveUp);
    }

    private IQueryable<Notification> Outbox => db.Set<Notification>();

    // Takes the notification for this dispatcher: one conditional update, so two dispatchers never both win it.
    private async Task<Notification?> LeaseAsync(Guid id, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var until = now + _options.Lease;
        var leased = await Outbox
            .Where(n => n.Id == id && n.SentAt == null && n.GaveUpAt == null && (n.LockedUntil == null || n.LockedUntil < now))
            .ExecuteUpdateAsync(s => s
                .SetProperty(n => n.LockedUntil, until)
                .SetProperty(n => n.Attempts, n => n.Attempts + 1), cancellationToken);
        return leased == 0 ? null : await Outbox.AsNoTracking().SingleAsync(n => n.Id == id, cancellationToken);
    }

    private async Task<bool> RecordFailureAsync(Notification notification, Exception error, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        // The exception's type and message only: a sender's message says what failed, never the notification's text.
        var text = $"{error.GetType().Name}: {error.Message}";
        if (text.Length > Notification.ErrorMaxLength)
            text = text[..Notification.ErrorMaxLength];
        var giveUp = notification.Attempts >= _options.MaxAttempts;
        var next = now + Backoff(notification.Attempts);
        await Outbox.Where(n => n.Id == notification.Id).ExecuteUpdateAsync(s => s
            .SetProperty(n => n.LockedUntil, (DateTimeOffset?)null)
            .SetProperty(n => n.LastError, text)
            .SetProperty(n => n.NextAttemptAt, next)
            .SetProperty(n => n.GaveUpAt, giveUp ? now : null), cancellationToken);
        LogFailed(logger, notification.Id, notification.Kind, notification.Attempts, error.GetType().Name, giveUp);
        return giveUp;
    }

    private TimeSpan Backoff(int attempts)
    {
        var factor = Math.Pow(2, Math.Clamp(attempts - 1, 0, 30));
        var wait = TimeSpan.FromTicks((long)Math.Min(_options.FirstBackoff.Ticks * factor, _options.MaxBackoff.Ticks));
        return wait;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Notifications: {Sent} sent, {Failed} failed (will retry), {GaveUp} given up")]
    private static partial void LogDispatched(ILogger logger, int sent, int failed, int gaveUp);

    [LoggerMessage(Level = LogLevel.Warning,
        Message = "Notification {NotificationId} ({Kind}) attempt {Attempt} failed with {Error}; given up: {GaveUp}")]
    private static partial void LogFailed(ILogger logger, Guid notificationId, string kind, int attempt, string error, bool gaveUp);
}

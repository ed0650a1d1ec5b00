namespace Permit.Api.Features.Notifications;

/// <summary>
/// The default sender: writes one structured log event per notification (kind, audience, the resident's record id
/// and the subject; never the body, which a real channel would carry, and never an ID number).
/// </summary>
public sealed partial class LoggingNotificationSender(ILogger<LoggingNotificationSender> logger) : INotificationSender
{
    public Task SendAsync(OutgoingNotification notification, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(notification);
        LogSent(logger, notification.Id, notification.Kind, notification.Audience, notification.ResidentId, notification.Subject);
        return Task.CompletedTask;
    }

    [LoggerMessage(Level = LogLevel.Information,
        Message = "Notification {NotificationId} ({Kind}) to {Audience} {ResidentId}: {Subject}")]
    private static partial void LogSent(ILogger logger, Guid notificationId, string kind, NotificationAudience audience,
        Guid? residentId, string subject);
}

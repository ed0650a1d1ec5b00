namespace Permit.Api.Features.Notifications;

/// <summary>What a sender gets: everything but the outbox bookkeeping. <see cref="Id"/> is the idempotency key.</summary>
public sealed record OutgoingNotification(
    Guid Id, string Kind, NotificationAudience Audience, Guid? ResidentId, string Subject, string Body, int Attempt);

/// <summary>
/// Delivers a notification (SMS gateway, mail, the government messaging platform…). Throwing means "not delivered":
/// the dispatcher tries again later. The default is <see cref="LoggingNotificationSender"/>; register another
/// <see cref="INotificationSender"/> after <c>AddPermitJobs</c> to replace it.
/// </summary>
public interface INotificationSender
{
    Task SendAsync(OutgoingNotification notification, CancellationToken cancellationToken);
}

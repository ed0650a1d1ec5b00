namespace Permit.Api.Features.Notifications;

/// <summary>Who a notification is for.</summary>
public enum NotificationAudience
{
    /// <summary>The resident named by <see cref="Notification.ResidentId"/> (through the contact the sender knows).</summary>
    Resident,

    /// <summary>The district's supervisors (daily lists for them to act on).</summary>
    Supervisors,
}

/// <summary>
/// A message in the outbox: written in the transaction of whatever caused it, delivered later by the
/// <see cref="NotificationDispatcher"/>. <see cref="DedupeKey"/> is unique, so the same reminder or report is queued
/// once however often its job runs. Subject and body never carry ID numbers, codes or keys.
/// </summary>
public sealed class Notification
{
    public const int KindMaxLength = 40;
    public const int DedupeKeyMaxLength = 120;
    public const int SubjectMaxLength = 200;
    public const int BodyMaxLength = 8000;
    public const int ErrorMaxLength = 400;

    private Notification(Guid id, string kind, NotificationAudience audience, Guid? residentId, string dedupeKey,
        string subject, string body, DateTimeOffset createdAt)
    {
        Id = id;
        Kind = kind;
        Audience = audience;
        ResidentId = residentId;
        DedupeKey = dedupeKey;
        Subject = subject;
        Body = body;
        CreatedAt = createdAt;
        NextAttemptAt = createdAt;
    }

    /// <summary>Also the idempotency key handed to the sender, so a provider can drop a repeat after a crash.</summary>
    public Guid Id { get; private set; }

    /// <summary>e.g. <c>endorsement-reminder-30</c>, <c>overdue-applications</c>.</summary>
    public string Kind { get; private set; }

    public NotificationAudience Audience { get; private set; }

    public Guid? ResidentId { get; private set; }

    public string DedupeKey { get; private set; }

    public string Subject { get; private set; }

    public string Body { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }

    /// <summary>Not before this instant; pushed back after each failure.</summary>
    public DateTimeOffset NextAttemptAt { get; private set; }

    /// <summary>A dispatcher holds the notification until then while it sends (a lease, so a crash frees it).</summary>
    public DateTimeOffset? LockedUntil { get; private set; }

    public int Attempts { get; private set; }

    public DateTimeOffset? SentAt { get; private set; }

    /// <summary>Set when the attempts ran out: the notification is no longer tried and waits for an operator.</summary>
    public DateTimeOffset? GaveUpAt { get; private set; }

    public string? LastError { get; private set; }

    public static Notification Queue(string kind, NotificationAudience audience, Guid? residentId, string dedupeKey,
        string subject, string body, DateTimeOffset now)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(kind);
        ArgumentException.ThrowIfNullOrWhiteSpace(dedupeKey);
        ArgumentException.ThrowIfNullOrWhiteSpace(subject);
        ArgumentNullException.ThrowIfNull(body);
        if (audience == NotificationAudience.Resident && residentId is null)
            throw new ArgumentException("A notification to a resident names the resident.", nameof(residentId));
        if (kind.Length > KindMaxLength || dedupeKey.Length > DedupeKeyMaxLength || subject.Length > SubjectMaxLength
            || body.Length > BodyMaxLength)
            throw new ArgumentException("The notification is longer than the outbox stores.");
        return new Notification(Guid.CreateVersion7(now), kind, audience, residentId, dedupeKey, subject, body, now);
    }
}

using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Permit.Api.Features.Notifications;

namespace Permit.Api.Tests.Features.Jobs;

/// <summary>The outbox: sent once, failures retried later, given up after the last attempt.</summary>
public sealed class NotificationDispatcherTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_failed_send_is_retried_after_the_backoff_and_a_sent_notification_is_never_sent_again()
    {
        await using var host = new PermitTestHost();
        var id = await QueueAsync(host, "reminder:1");
        var sender = new RecordingSender { FailuresLeft = 1 };

        var first = await DispatchAsync(host, sender);
        var tooSoon = await DispatchAsync(host, sender);
        host.Time.Advance(TimeSpan.FromMinutes(1));
        var retried = await DispatchAsync(host, sender);
        host.Time.Advance(TimeSpan.FromHours(1));
        var afterwards = await DispatchAsync(host, sender);

        Assert.Equal(new DispatchSummary(0, 1, 0), first);
        Assert.Equal(new DispatchSummary(0, 0, 0), tooSoon);
        Assert.Equal(new DispatchSummary(1, 0, 0), retried);
        Assert.Equal(new DispatchSummary(0, 0, 0), afterwards);
        Assert.Equal([id], sender.Delivered);
        await using var db = host.NewContext();
        var sent = await db.Set<Notification>().AsNoTracking().SingleAsync(Ct);
        Assert.Equal((2, host.Time.GetUtcNow() - TimeSpan.FromHours(1), (string?)null), (sent.Attempts, sent.SentAt, sent.LastError));
    }

    [Fact]
    public async Task A_notification_that_keeps_failing_is_given_up_after_the_last_attempt_with_the_error_kept()
    {
        await using var host = new PermitTestHost();
        await QueueAsync(host, "reminder:2");
        var sender = new RecordingSender { FailuresLeft = int.MaxValue };

        var summaries = new List<DispatchSummary>();
        for (var i = 0; i < 4; i++)
        {
            summaries.Add(await DispatchAsync(host, sender, maxAttempts: 3));
            host.Time.Advance(TimeSpan.FromHours(7));
        }

        Assert.Equal([new(0, 1, 0), new(0, 1, 0), new(0, 0, 1), new(0, 0, 0)], summaries);
        await using var db = host.NewContext();
        var given = await db.Set<Notification>().AsNoTracking().SingleAsync(Ct);
        Assert.NotNull(given.GaveUpAt);
        Assert.Equal("HttpRequestException: gateway down", given.LastError);
        Assert.Empty(sender.Delivered);
    }

    [Fact]
    public async Task The_same_reminder_cannot_be_queued_twice()
    {
        await using var host = new PermitTestHost();
        await QueueAsync(host, "reminder:3");

        var refused = await Assert.ThrowsAsync<DbUpdateException>(() => QueueAsync(host, "reminder:3"));

        Assert.True(DatabaseConflicts.TryClassify(refused, out var conflict));
        Assert.Equal(DatabaseConflictKind.UniqueViolation, conflict.Kind);
    }

    private static async Task<Guid> QueueAsync(PermitTestHost host, string key)
    {
        _ = host.Services;
        await using var db = host.NewContext();
        var notification = Notification.Queue("test", NotificationAudience.Resident, Guid.NewGuid(), key, "Endorse by 2027-03-09", "body", host.Time.GetUtcNow());
        db.Add(notification);
        await db.SaveChangesAsync(Ct);
        return notification.Id;
    }

    private static async Task<DispatchSummary> DispatchAsync(PermitTestHost host, INotificationSender sender, int maxAttempts = 8)
    {
        await using var db = host.NewContext();
        var options = Options.Create(new NotificationOptions { MaxAttempts = maxAttempts });
        return await new NotificationDispatcher(db, sender, host.Time, options, NullLogger<NotificationDispatcher>.Instance).DispatchAsync(Ct);
    }

    private sealed class RecordingSender : INotificationSender
    {
        public int FailuresLeft { get; set; }

        public List<Guid> Delivered { get; } = [];

        public Task SendAsync(OutgoingNotification notification, CancellationToken cancellationToken)
        {
            if (FailuresLeft-- > 0)
                throw new HttpRequestException("gateway down");
            Delivered.Add(notification.Id);
            return Task.CompletedTask;
        }
    }
}

using Permit.Api.Features.Notifications;

namespace Permit.Api.Features.Jobs;

/// <summary>
/// Tables of the scheduled jobs: <c>JobRuns</c> (the per-period claims) and <c>Notifications</c> (the outbox).
/// Quartz's own <c>qrtz_*</c> tables are not in the model: the PostgreSQL and SQL Server migrations create them
/// (<see cref="QuartzSchema"/>); SQLite runs Quartz in memory.
/// </summary>
public static class JobsModel
{
    public const string NotificationDedupeIndex = "UX_Notifications_DedupeKey";

    public static void Configure(ModelBuilder modelBuilder)
    {
        ArgumentNullException.ThrowIfNull(modelBuilder);
        modelBuilder.Entity<JobRun>(run =>
        {
            run.ToTable("JobRuns");
            run.HasKey(r => new { r.Job, r.Period });
            run.Property(r => r.Job).HasMaxLength(JobRun.NameMaxLength).IsUnicode(false);
            run.Property(r => r.Period).HasMaxLength(JobRun.PeriodMaxLength).IsUnicode(false);
            run.Property(r => r.Trigger).HasMaxLength(JobRun.TextMaxLength);
            run.Property(r => r.Summary).HasMaxLength(JobRun.TextMaxLength);
            run.HasIndex(r => r.StartedAt);
        });

        modelBuilder.Entity<Notification>(notification =>
        {
            notification.ToTable("Notifications");
            notification.HasKey(n => n.Id);
            notification.Property(n => n.Id).ValueGeneratedNever();
            notification.Property(n => n.Kind).HasMaxLength(Notification.KindMaxLength).IsUnicode(false);
            notification.Property(n => n.DedupeKey).HasMaxLength(Notification.DedupeKeyMaxLength).IsUnicode(false);
            notification.HasIndex(n => n.DedupeKey).IsUnique().HasDatabaseName(NotificationDedupeIndex);
            notification.Property(n => n.Subject).HasMaxLength(Notification.SubjectMaxLength);
            notification.Property(n => n.Body).HasMaxLength(Notification.BodyMaxLength);
            notification.Property(n => n.LastError).HasMaxLength(Notification.ErrorMaxLength);
            // The dispatcher's question: what is unsent and due.
            notification.HasIndex(n => new { n.SentAt, n.NextAttemptAt });
            notification.HasIndex(n => n.ResidentId);
        });
    }
}

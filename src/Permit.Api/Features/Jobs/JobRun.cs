namespace Permit.Api.Features.Jobs;

/// <summary>
/// One completed run of a scheduled job for one period (a day <c>2026-03-10</c> or a month <c>2026-02</c>). The row is
/// the job's claim on its period: inserted in the same transaction as the job's work, under the primary key
/// (<see cref="Job"/>, <see cref="Period"/>), so a second run of the period (another API instance, a restart, an admin)
/// is refused by the database and a crash mid-run leaves neither the work nor the claim behind.
/// </summary>
public sealed class JobRun
{
    public const int NameMaxLength = 40;
    public const int PeriodMaxLength = 10;
    public const int TextMaxLength = 200;

    private JobRun(string job, string period, string trigger, DateTimeOffset startedAt)
    {
        Job = job;
        Period = period;
        Trigger = trigger;
        StartedAt = startedAt;
    }

    public string Job { get; private set; }

    public string Period { get; private set; }

    /// <summary>What started it: <c>schedule</c>, or <c>admin:&lt;officer id&gt;</c> for a run triggered by hand.</summary>
    public string Trigger { get; private set; }

    public DateTimeOffset StartedAt { get; private set; }

    public DateTimeOffset? FinishedAt { get; private set; }

    /// <summary>How many things the run did (permits suspended, reminders queued, residents accrued…).</summary>
    public int Items { get; private set; }

    /// <summary>The run's own one-line account, free of personal data.</summary>
    public string? Summary { get; private set; }

    public static JobRun Claim(string job, string period, string trigger, DateTimeOffset startedAt)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(job);
        ArgumentException.ThrowIfNullOrWhiteSpace(period);
        ArgumentException.ThrowIfNullOrWhiteSpace(trigger);
        return new JobRun(job, period, trigger.Length > TextMaxLength ? trigger[..TextMaxLength] : trigger, startedAt);
    }
}

namespace Permit.Api.Features.Jobs;

/// <summary>The <c>Jobs</c> section: whether this instance schedules at all, and when each job fires.</summary>
public sealed class JobsOptions
{
    public const string Section = "Jobs";

    /// <summary>False in tests and for a dev API that should stay still; admin-triggered runs still work.</summary>
    public bool SchedulerEnabled { get; set; } = true;

    /// <summary>The zone the cron expressions are read in: China's (UTC+8, no daylight saving).</summary>
    public string TimeZone { get; set; } = "Asia/Shanghai";

    /// <summary>Quartz cron expressions (seconds first) by job name; a job without one is only run by hand.</summary>
    public Dictionary<string, string> Schedules { get; set; } = new(StringComparer.Ordinal);

    /// <summary>How often the notification outbox is drained.</summary>
    public TimeSpan DispatchInterval { get; set; } = TimeSpan.FromMinutes(1);
}

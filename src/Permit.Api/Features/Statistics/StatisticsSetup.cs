using Permit.Api.Features.Jobs;
using Quartz;

namespace Permit.Api.Features.Statistics;

public static class StatisticsSetup
{
    public static IServiceCollection AddStatistics(this IServiceCollection services)
    {
        services.AddOptions<StatisticsOptions>().BindConfiguration(StatisticsOptions.Section);
        services.AddSingleton<SupervisorStatistics>();
        return services;
    }

    /// <summary>
    /// The refresh triggers: the interval's first firing one interval after start (a starting node does not count the
    /// register; the first view of a day without a snapshot does), and the daily one just after midnight China time.
    /// </summary>
    public static void Schedule(IQuartzBuilder quartz, StatisticsOptions options, TimeZoneInfo zone)
    {
        ArgumentNullException.ThrowIfNull(quartz);
        ArgumentNullException.ThrowIfNull(options);
        quartz.AddJob<StatisticsRefreshJob>(job => job.WithIdentity(StatisticsRefreshJob.JobName, JobsSetup.JobGroup).StoreDurably());
        quartz.AddTrigger(trigger => trigger.ForJob(StatisticsRefreshJob.JobName, JobsSetup.JobGroup)
            .WithIdentity(StatisticsRefreshJob.JobName, JobsSetup.JobGroup)
            .StartAt(DateTimeOffset.UtcNow + options.RefreshInterval)
            .WithSimpleSchedule(s => s.WithInterval(options.RefreshInterval).RepeatForever()));
        quartz.AddTrigger(trigger => trigger.ForJob(StatisticsRefreshJob.JobName, JobsSetup.JobGroup)
            .WithIdentity(StatisticsRefreshJob.MidnightTrigger, JobsSetup.JobGroup)
            .WithCronSchedule("30 0 0 * * ?", c => c.InTimeZone(zone)));
    }
}

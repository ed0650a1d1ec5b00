using Quartz;

namespace Permit.Api.Features.Jobs;

/// <summary>
/// The one Quartz job class: runs the <see cref="IPermitJob"/> named in its job data for the period due now, through
/// <see cref="JobRunner"/> in a scope of its own. Quartz keeps one firing per trigger across a cluster; the
/// <see cref="JobRun"/> claim keeps one run per period even across restarts and manual runs.
/// </summary>
[DisallowConcurrentExecution]
public sealed partial class ScheduledPermitJob(IServiceScopeFactory scopes, ILogger<ScheduledPermitJob> logger) : IJob
{
    public const string JobNameKey = "permitJob";

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var name = context.MergedJobDataMap.GetString(JobNameKey);
        await using var scope = scopes.CreateAsyncScope();
        var runner = scope.ServiceProvider.GetRequiredService<JobRunner>();
        var job = name is null ? null : runner.Find(name);
        if (job is null)
        {
            LogUnknown(logger, name);
            return;
        }

        try
        {
            await runner.RunAsync(job, runner.DuePeriod(job), JobRunner.ScheduleTrigger, cancellationToken);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // Rolled back with its claim: the next firing (or an admin) runs the period again.
            LogFailed(logger, e, job.Name);
            throw new JobExecutionException(e);
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Scheduled job {Job} is not a known job")]
    private static partial void LogUnknown(ILogger logger, string? job);

    [LoggerMessage(Level = LogLevel.Error, Message = "Scheduled job {Job} failed; its period stays unclaimed")]
    private static partial void LogFailed(ILogger logger, Exception exception, string job);
}

using Quartz;

namespace Permit.Api.Features.Statistics;

/// <summary>
/// Every <see cref="StatisticsOptions.RefreshInterval"/>, and just after midnight China time (the date-bound figures
/// change with the day): a new statistics snapshot. On PostgreSQL and SQL Server the clustered Quartz store fires each
/// trigger on one node of the cluster.
/// </summary>
[DisallowConcurrentExecution]
public sealed class StatisticsRefreshJob(SupervisorStatistics statistics) : IJob
{
    public const string JobName = "statistics-refresh";
    public const string MidnightTrigger = "statistics-refresh-midnight";

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        await statistics.RefreshAsync(SupervisorStatistics.ScheduleTrigger, cancellationToken);
    }
}

namespace Permit.Api.Features.Statistics;

/// <summary>The <c>Statistics</c> section: how often the scheduler takes a new snapshot.</summary>
public sealed class StatisticsOptions
{
    public const string Section = "Statistics";

    /// <summary>Between two scheduled snapshots (30 minutes); one more is taken at 00:00:30 China time.</summary>
    public TimeSpan RefreshInterval { get; set; } = TimeSpan.FromMinutes(30);
}

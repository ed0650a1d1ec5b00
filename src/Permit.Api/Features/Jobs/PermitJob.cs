namespace Permit.Api.Features.Jobs;

/// <summary>
/// A scheduled job's work for one period. Implementations are thin: they call the feature that does the work and
/// report what it did. <see cref="JobRunner"/> wraps each run in a transaction with its <see cref="JobRun"/> claim.
/// </summary>
public interface IPermitJob
{
    /// <summary>Stable name (kebab-case): the key of its schedule in <c>Jobs:Schedules</c>, its runs and its endpoint.</summary>
    string Name { get; }

    /// <summary>Decides the period a run is for: China's today, or the month just ended (<see cref="JobPeriod.Due"/>).</summary>
    JobCadence Cadence { get; }

    /// <summary>Does the period's work on <see cref="JobContext.Db"/> (inside the runner's transaction).</summary>
    Task<JobOutcome> RunAsync(JobContext context, CancellationToken cancellationToken);
}

public enum JobCadence
{
    Daily,
    Monthly,
}

/// <summary>What a job gets: the request's context and audit trail, the period and the instant the run started.</summary>
public sealed record JobContext(PermitDbContext Db, IAuditTrail Audit, JobPeriod Period, DateTimeOffset Now);

/// <summary>What a run did: a count and a line for the run list (no personal data).</summary>
public sealed record JobOutcome(int Items, string Summary);

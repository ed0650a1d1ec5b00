namespace Permit.Api.Features.Jobs;

/// <summary>A job, its schedule and the period it would run for now.</summary>
public sealed record JobResponse(string Name, string Cadence, string? Schedule, string DuePeriod, JobRunResponse? LastRun);

/// <summary>One run of a job for a period.</summary>
public sealed record JobRunResponse(
    string Job, string Period, string Trigger, DateTimeOffset StartedAt, DateTimeOffset? FinishedAt, int Items, string? Summary)
{
    public static JobRunResponse From(JobRun run)
    {
        ArgumentNullException.ThrowIfNull(run);
        return new(run.Job, run.Period, run.Trigger, run.StartedAt, run.FinishedAt, run.Items, run.Summary);
    }
}

/// <summary>Run a job now, for <see cref="Period"/> (<c>yyyy-MM-dd</c> or <c>yyyy-MM</c>) or, when absent, the period due now.</summary>
public sealed record RunJobRequest(string? Period);

using Permit.Api.Features.Permits;
using Permit.Domain.Common;

namespace Permit.Api.Features.Jobs;

/// <summary>The answer of one attempt to run a job for a period.</summary>
public sealed record JobRunResult(bool Ran, JobRun Run);

/// <summary>
/// Runs a job for a period at most once. The <see cref="JobRun"/> claim is inserted first, inside a transaction that
/// then carries the job's whole work and is committed at the end: a concurrent run of the same period (another API
/// instance, an admin's click) waits on the claim's key and is then refused; a crash rolls the claim back with the work,
/// so the next run does the period again from scratch. Runs of a period already done answer <c>Ran = false</c>.
/// </summary>
public sealed partial class JobRunner(
    PermitDbContext db, IAuditTrail audit, TimeProvider time, IEnumerable<IPermitJob> jobs, ILogger<JobRunner> logger)
{
    public const string ScheduleTrigger = "schedule";

    public IReadOnlyList<IPermitJob> Jobs { get; } = [.. jobs.OrderBy(j => j.Name, StringComparer.Ordinal)];

    public IPermitJob? Find(string name) => Jobs.FirstOrDefault(j => string.Equals(j.Name, name, StringComparison.Ordinal));

    /// <summary>The period due now: China's today, or the month just ended for monthly jobs.</summary>
    public JobPeriod DuePeriod(IPermitJob job)
    {
        ArgumentNullException.ThrowIfNull(job);
        return JobPeriod.Due(job.Cadence, ChinaDate.Today(time));
    }

    public async Task<JobRunResult> RunAsync(IPermitJob job, JobPeriod period, string trigger, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(job);
        var started = time.GetUtcNow();
        var claim = JobRun.Claim(job.Name, period.Key, trigger, started);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        db.Add(claim);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException e) when (DatabaseConflicts.TryClassify(e, out var conflict)
                                          && conflict.Kind == DatabaseConflictKind.UniqueViolation)
        {
            await transaction.RollbackAsync(cancellationToken);
            db.ChangeTracker.Clear();
            LogAlreadyRun(logger, job.Name, period.Key);
            return new JobRunResult(false, await FindRunAsync(job.Name, period.Key, cancellationToken)
                ?? throw new InvalidOperationException("The job run conflicted but cannot be found.", e));
        }

        var outcome = await job.RunAsync(new JobContext(db, audit, period, started), cancellationToken);
        var finished = time.GetUtcNow();
        var summary = outcome.Summary.Length > JobRun.TextMaxLength ? outcome.Summary[..JobRun.TextMaxLength] : outcome.Summary;
        // The job may have cleared the change tracker between its batches: finish the claim by key, not by entity.
        await db.Set<JobRun>()
            .Where(r => r.Job == job.Name && r.Period == period.Key)
            .ExecuteUpdateAsync(s => s
                .SetProperty(r => r.FinishedAt, finished)
                .SetProperty(r => r.Items, outcome.Items)
                .SetProperty(r => r.Summary, summary), cancellationToken);
        audit.Record("job.run", null, $"{job.Name} {period.Key} ({trigger}): {summary}");
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        db.ChangeTracker.Clear();
        LogRan(logger, job.Name, period.Key, outcome.Items, (finished - started).TotalMilliseconds);
        return new JobRunResult(true, (await FindRunAsync(job.Name, period.Key, cancellationToken))!);
    }

    private Task<JobRun?> FindRunAsync(string job, string period, CancellationToken cancellationToken) =>
        db.Set<JobRun>().AsNoTracking().SingleOrDefaultAsync(r => r.Job == job && r.Period == period, cancellationToken);

    [LoggerMessage(Level = LogLevel.Information, Message = "Job {Job} for {Period} was already run: nothing done")]
    private static partial void LogAlreadyRun(ILogger logger, string job, string period);

    [LoggerMessage(Level = LogLevel.Information, Message = "Job {Job} for {Period} done: {Items} item(s) in {Milliseconds:F0} ms")]
    private static partial void LogRan(ILogger logger, string job, string period, int items, double milliseconds);
}

using Microsoft.Extensions.Logging.Abstractions;
using Permit.Api.Features.Jobs;
using Permit.Api.Features.Notifications;

namespace Permit.Api.Tests.Features.Jobs;

/// <summary>The per-period claim: a crash leaves nothing behind, and a finished period is never run again.</summary>
public sealed class JobRunnerTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [MemberData(nameof(TestProviders.Both), MemberType = typeof(TestProviders))]
    public async Task A_run_that_fails_midway_leaves_neither_its_work_nor_its_claim_and_the_period_runs_again(DatabaseProvider provider)
    {
        await using var host = new PermitTestHost(provider);
        _ = host.Services; // starts the host: the database is migrated
        var job = new QueueingJob { FailAfterQueueing = true };

        await using (var db = host.NewContext())
            await Assert.ThrowsAsync<InvalidOperationException>(() => Runner(host, db, job).RunAsync(job, JobPeriod.Day(new DateOnly(2026, 3, 10)), "test", Ct));
        await using (var db = host.NewContext())
        {
            Assert.Equal(0, await db.Set<JobRun>().CountAsync(Ct));
            Assert.Equal(0, await db.Set<Notification>().CountAsync(Ct));
        }

        job.FailAfterQueueing = false;
        await using (var db = host.NewContext())
        {
            var result = await Runner(host, db, job).RunAsync(job, JobPeriod.Day(new DateOnly(2026, 3, 10)), "test", Ct);
            Assert.True(result.Ran);
        }

        await using (var db = host.NewContext())
        {
            var again = await Runner(host, db, job).RunAsync(job, JobPeriod.Day(new DateOnly(2026, 3, 10)), "test", Ct);
            Assert.False(again.Ran);
            Assert.Equal(1, again.Run.Items);
        }

        await using var check = host.NewContext();
        Assert.Equal(1, await check.Set<Notification>().CountAsync(Ct));
        Assert.Equal(1, await check.Set<JobRun>().CountAsync(Ct));
    }

    [Fact]
    public async Task Two_runners_racing_for_one_period_on_PostgreSQL_do_the_work_once()
    {
        await using var host = new PermitTestHost(DatabaseProvider.Postgres);
        _ = host.Services;
        var job = new QueueingJob { Delay = TimeSpan.FromMilliseconds(300) };
        var period = JobPeriod.Day(new DateOnly(2026, 3, 11));

        var results = await Task.WhenAll(Enumerable.Range(0, 2).Select(async _ =>
        {
            await using var db = host.NewContext();
            return await Runner(host, db, job).RunAsync(job, period, "test", Ct);
        }));

        Assert.Single(results, r => r.Ran);
        await using var check = host.NewContext();
        Assert.Equal(1, await check.Set<Notification>().CountAsync(Ct));
    }

    internal static JobRunner Runner(PermitTestHost host, PermitDbContext db, IPermitJob job) =>
        new(db, new AuditTrail(db, new SystemActor(), host.Time), host.Time, [job], NullLogger<JobRunner>.Instance);

    /// <summary>Queues one notification per period, optionally failing after it did (a crash mid-run).</summary>
    private sealed class QueueingJob : IPermitJob
    {
        public bool FailAfterQueueing { get; set; }

        public TimeSpan Delay { get; init; }

        public string Name => "test-queueing";

        public JobCadence Cadence => JobCadence.Daily;

        public async Task<JobOutcome> RunAsync(JobContext context, CancellationToken cancellationToken)
        {
            context.Db.Add(Notification.Queue("test", NotificationAudience.Supervisors, null, $"test:{context.Period.Key}", "subject", "body", context.Now));
            await context.Db.SaveChangesAsync(cancellationToken);
            await Task.Delay(Delay, cancellationToken);
            if (FailAfterQueueing)
                throw new InvalidOperationException("The job failed midway.");
            return new JobOutcome(1, "1 queued");
        }
    }
}

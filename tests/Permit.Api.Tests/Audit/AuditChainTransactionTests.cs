using Microsoft.Extensions.Time.Testing;
using Permit.Api.Features.Jobs;

namespace Permit.Api.Tests.Audit;

/// <summary>
/// A transaction that appends to the audit chain (a job's period claim, an issuance) keeps the chain until it commits:
/// an officer's audited request arriving meanwhile waits for it and lands after it, instead of linking onto the stale
/// end and deadlocking with it (SQLite: a 30 s busy wait and a failed save; PostgreSQL: a wait on the sequence index
/// that never ends).
/// </summary>
public sealed class AuditChainTransactionTests
{
    private static readonly FakeTimeProvider Time = new(new DateTimeOffset(2026, 11, 29, 1, 0, 0, TimeSpan.Zero));
    private static readonly FixedActor Officer = new(new AuditActor("officer-7", "Wang Fang", "registrar", "test"));

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [MemberData(nameof(TestProviders.Both), MemberType = typeof(TestProviders))]
    public async Task A_request_during_an_audited_transaction_waits_for_its_commit_and_the_chain_stays_whole(DatabaseProvider provider)
    {
        await using var host = new PermitTestHost(provider);
        _ = host.Services; // migrates

        Task officerSave;
        await using (var job = host.NewContext())
        {
            await using var transaction = await job.Database.BeginTransactionAsync(Ct);
            job.Add(JobRun.Claim("test-job", "2026-11-28", "test", Time.GetUtcNow()));
            await job.SaveChangesAsync(Ct);
            new AuditTrail(job, Officer, Time).Record("job.step", null, "first step");
            await job.SaveChangesAsync(Ct);

            officerSave = Task.Run(async () =>
            {
                await using var officer = host.NewContext();
                new AuditTrail(officer, Officer, Time).Record("resident.read", null, "officer at the desk");
                await officer.SaveChangesAsync(Ct);
            }, Ct);

            // Give the officer's save every chance to get in between before the job's last entry and commit.
            await Task.Delay(300, Ct);
            Assert.False(officerSave.IsCompleted);
            new AuditTrail(job, Officer, Time).Record("job.run", null, "last step");
            await job.SaveChangesAsync(Ct);
            await transaction.CommitAsync(Ct);
        }

        await officerSave.WaitAsync(TimeSpan.FromSeconds(20), Ct);
        await using var check = host.NewContext();
        var chain = await check.Set<AuditEntry>().AsNoTracking().OrderBy(e => e.Sequence)
            .Select(e => new { e.Sequence, e.Action }).ToListAsync(Ct);
        Assert.Equal(
            [(1L, "job.step"), (2L, "job.run"), (3L, "resident.read")],
            chain.Select(e => (e.Sequence, e.Action)));
        Assert.True((await AuditVerifier.VerifyAsync(check, Ct)).IsIntact);
    }

    [Theory]
    [MemberData(nameof(TestProviders.Both), MemberType = typeof(TestProviders))]
    public async Task A_transaction_abandoned_on_an_error_writes_nothing_and_does_not_keep_the_chain(DatabaseProvider provider)
    {
        await using var host = new PermitTestHost(provider);
        _ = host.Services;

        await using (var job = host.NewContext())
        {
            await Assert.ThrowsAsync<InvalidOperationException>(async () =>
            {
                await using var transaction = await job.Database.BeginTransactionAsync(Ct);
                new AuditTrail(job, Officer, Time).Record("job.step", null, "before the failure");
                await job.SaveChangesAsync(Ct);
                throw new InvalidOperationException("the job failed midway");
            });

            // The same context, its transaction gone without a commit or rollback: the next save goes through.
            job.ChangeTracker.Clear();
            new AuditTrail(job, Officer, Time).Record("job.retry", null, "after the failure");
            await job.SaveChangesAsync(Ct).WaitAsync(TimeSpan.FromSeconds(20), Ct);
        }

        await using (var officer = host.NewContext())
        {
            new AuditTrail(officer, Officer, Time).Record("resident.read", null, "officer at the desk");
            await officer.SaveChangesAsync(Ct).WaitAsync(TimeSpan.FromSeconds(20), Ct);
        }

        await using var check = host.NewContext();
        Assert.Equal(
            ["job.retry", "resident.read"],
            await check.Set<AuditEntry>().OrderBy(e => e.Sequence).Select(e => e.Action).ToListAsync(Ct));
        Assert.True((await AuditVerifier.VerifyAsync(check, Ct)).IsIntact);
    }

    private sealed class FixedActor(AuditActor actor) : IAuditActorSource
    {
        public AuditActor Current => actor;
    }
}

using Microsoft.Extensions.Time.Testing;

namespace Permit.Api.Tests.Audit;

/// <summary>
/// Several API nodes on one database append to one audit chain: the database serialises the appends
/// (an advisory lock on PostgreSQL), so no node links onto a stale end, none fails on the unique sequence index,
/// and the chain verifies afterwards.
/// </summary>
public sealed class AuditChainNodesTests
{
    private static readonly FakeTimeProvider Time = new(new DateTimeOffset(2026, 11, 29, 1, 0, 0, TimeSpan.Zero));

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [MemberData(nameof(TestProviders.Both), MemberType = typeof(TestProviders))]
    public async Task Two_nodes_appending_at_once_leave_one_whole_chain_without_a_failed_save(DatabaseProvider provider)
    {
        await using var host = new PermitTestHost(provider);
        _ = host.Services; // migrates
        const int perNode = 15;

        // Each node appends on its own contexts, as separate processes would: some saves alone, some inside a
        // transaction that also carries other work (a job's step), interleaved with the other node's.
        async Task Node(string name)
        {
            for (var i = 0; i < perNode; i++)
            {
                await using var db = host.NewContext();
                var trail = new AuditTrail(db, new FixedActor(new AuditActor(name, name, "registrar", name)), Time);
                if (i % 3 == 0)
                {
                    await using var transaction = await db.Database.BeginTransactionAsync(Ct);
                    trail.Record("job.step", null, $"{name} step {i}");
                    await db.SaveChangesAsync(Ct);
                    trail.Record("job.run", null, $"{name} run {i}");
                    await db.SaveChangesAsync(Ct);
                    await transaction.CommitAsync(Ct);
                }
                else
                {
                    trail.Record("resident.read", null, $"{name} read {i}");
                    await db.SaveChangesAsync(Ct);
                }
            }
        }

        await Task.WhenAll(Task.Run(() => Node("node-a"), Ct), Task.Run(() => Node("node-b"), Ct));

        await using var check = host.NewContext();
        var sequences = await check.Set<AuditEntry>().AsNoTracking().OrderBy(e => e.Sequence).Select(e => e.Sequence).ToListAsync(Ct);
        var expected = 2 * (perNode + ((perNode + 2) / 3));
        Assert.Equal(Enumerable.Range(1, expected).Select(n => (long)n), sequences);
        var verification = await AuditVerifier.VerifyAsync(check, Ct);
        Assert.True(verification.IsIntact, verification.FirstBroken?.Reason);
    }

    [Fact]
    public async Task A_save_on_Postgres_waits_for_another_nodes_open_append_and_links_after_it()
    {
        await using var host = new PermitTestHost(DatabaseProvider.Postgres);
        _ = host.Services;

        await using var otherNode = host.NewContext();
        await using var transaction = await otherNode.Database.BeginTransactionAsync(Ct);
        new AuditTrail(otherNode, new FixedActor(new AuditActor("b", "b", "registrar", "node-b")), Time).Record("job.step", null, "other node");
        await otherNode.SaveChangesAsync(Ct);

        var thisNode = Task.Run(async () =>
        {
            await using var db = host.NewContext();
            await using var own = await db.Database.BeginTransactionAsync(Ct);
            new AuditTrail(db, new FixedActor(new AuditActor("a", "a", "registrar", "node-a")), Time).Record("resident.read", null, "this node");
            await db.SaveChangesAsync(Ct);
            await own.CommitAsync(Ct);
        }, Ct);

        // This node is queued on the database's append lock, not linking onto the other node's uncommitted end.
        for (var polls = 0; await WaitingOnAdvisoryLocksAsync(host) == 0; polls++)
        {
            Assert.True(polls < 400, "this node never queued on the database's append lock");
            Assert.False(thisNode.IsCompleted, "this node's save finished while the other node's append was still open");
            await Task.Delay(50, Ct);
        }

        await transaction.CommitAsync(Ct);
        await thisNode.WaitAsync(TimeSpan.FromSeconds(20), Ct);

        await using var check = host.NewContext();
        Assert.Equal(
            [(1L, "job.step"), (2L, "resident.read")],
            (await check.Set<AuditEntry>().OrderBy(e => e.Sequence).Select(e => new { e.Sequence, e.Action }).ToListAsync(Ct))
                .Select(e => (e.Sequence, e.Action)));
        Assert.True((await AuditVerifier.VerifyAsync(check, Ct)).IsIntact);
    }

    private static async Task<int> WaitingOnAdvisoryLocksAsync(PermitTestHost host)
    {
        await using var db = host.NewContext();
        return await db.Database
            .SqlQueryRaw<int>("SELECT count(*)::int AS \"Value\" FROM pg_locks WHERE locktype = 'advisory' AND NOT granted")
            .SingleAsync(Ct);
    }

    private sealed class FixedActor(AuditActor actor) : IAuditActorSource
    {
        public AuditActor Current => actor;
    }
}

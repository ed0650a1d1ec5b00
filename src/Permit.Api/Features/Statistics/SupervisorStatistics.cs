using Permit.Domain.Common;

namespace Permit.Api.Features.Statistics;

/// <summary>
/// The statistics snapshots of this node: reads the newest of today for a context (through its jurisdiction filter),
/// and takes a new one — by the schedule, an admin, or the first view of a day without one — in a scope of its own, so
/// the pass always counts the whole register whoever caused it. One pass at a time on a node: views that find no
/// snapshot wait for the pass under way and then read it instead of starting their own.
/// </summary>
public sealed partial class SupervisorStatistics(IServiceScopeFactory scopes, TimeProvider time, ILogger<SupervisorStatistics> logger) : IDisposable
{
    public const string ScheduleTrigger = "schedule";
    public const string AdminTrigger = "admin";
    public const string PageTrigger = "page";

    private readonly SemaphoreSlim gate = new(1, 1);

    /// <summary>The newest snapshot taken on China's today, or null.</summary>
    public Task<StatisticsSnapshot?> TodaysAsync(PermitDbContext db, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        var today = ChinaDate.Today(time);
        return db.Set<StatisticsSnapshot>().AsNoTracking().Where(s => s.AsOf == today)
            .OrderByDescending(s => s.TakenAt).ThenByDescending(s => s.Id).FirstOrDefaultAsync(cancellationToken);
    }

    /// <summary>Today's snapshot, taken now when there is none yet (on this node or any other sharing the database).</summary>
    public async Task<StatisticsSnapshot> TodaysOrNewAsync(PermitDbContext db, CancellationToken cancellationToken)
    {
        if (await TodaysAsync(db, cancellationToken) is { } snapshot)
            return snapshot;
        return await TakeAsync(PageTrigger, onlyIfNoneToday: true, cancellationToken);
    }

    /// <summary>A new snapshot of the whole register, now.</summary>
    public Task<StatisticsSnapshot> RefreshAsync(string trigger, CancellationToken cancellationToken) =>
        TakeAsync(trigger, onlyIfNoneToday: false, cancellationToken);

    private async Task<StatisticsSnapshot> TakeAsync(string trigger, bool onlyIfNoneToday, CancellationToken cancellationToken)
    {
        await gate.WaitAsync(cancellationToken);
        try
        {
            // A fresh scope: its context carries no officer's jurisdiction, whoever's request got here.
            await using var scope = scopes.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<PermitDbContext>();
            if (onlyIfNoneToday && await TodaysAsync(db, cancellationToken) is { } taken)
                return taken;
            // A view's pass finishes even when its browser gives up: the next view reads it instead of starting again.
            var pass = onlyIfNoneToday ? CancellationToken.None : cancellationToken;
            var snapshot = await StatisticsPass.RunAsync(db, time.GetUtcNow(), trigger, pass);
            LogTaken(logger, trigger, snapshot.Milliseconds);
            return snapshot;
        }
        finally
        {
            gate.Release();
        }
    }

    public void Dispose() => gate.Dispose();

    [LoggerMessage(Level = LogLevel.Information, Message = "Statistics snapshot ({Trigger}) taken in {Milliseconds} ms")]
    private static partial void LogTaken(ILogger logger, string trigger, int milliseconds);
}

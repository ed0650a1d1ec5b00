using System.Collections.Concurrent;

namespace Permit.Api.Features.BulkReports;

/// <summary>
/// The bulk-report runs of the last half hour on this node: progress while a file is checked and written (the page polls
/// it), then the outcome for the result spreadsheet. A run belongs to the officer who started it; nobody else sees it.
/// Runs live in this node's memory: behind a load balancer the page's polls need the same node (sticky sessions), or
/// show no progress until the upload answers. The outcome itself is in the upload's answer whatever node serves it.
/// </summary>
public sealed class BulkReportRuns(TimeProvider time)
{
    public const int MaxRuns = 50;
    private static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(30);
    private readonly ConcurrentDictionary<Guid, BulkReportRun> _runs = new();

    /// <summary>Starts a run, or null when the id is taken (by anyone).</summary>
    public BulkReportRun? Start(Guid id, string officer, bool dryRun)
    {
        Expire();
        var run = new BulkReportRun(id, officer, dryRun, time.GetUtcNow());
        return _runs.TryAdd(id, run) ? run : null;
    }

    public BulkReportRun? Find(Guid id, string officer) =>
        _runs.TryGetValue(id, out var run) && run.Officer == officer && time.GetUtcNow() - run.StartedAt < Lifetime ? run : null;

    private void Expire()
    {
        var now = time.GetUtcNow();
        foreach (var run in _runs.Values.Where(r => now - r.StartedAt >= Lifetime))
            _runs.TryRemove(run.Id, out _);
        foreach (var run in _runs.Values.OrderBy(r => r.StartedAt).Take(Math.Max(0, _runs.Count - MaxRuns + 1)))
            _runs.TryRemove(run.Id, out _);
    }
}

/// <summary>One upload's progress (rows checked of rows read) and, once done, its outcome.</summary>
public sealed class BulkReportRun(Guid id, string officer, bool dryRun, DateTimeOffset startedAt)
{
    private int _done;
    private int _total;

    public Guid Id { get; } = id;

    public string Officer { get; } = officer;

    public bool DryRun { get; } = dryRun;

    public DateTimeOffset StartedAt { get; } = startedAt;

    /// <summary><c>reading</c>, <c>checking</c>, <c>saving</c>, <c>done</c> or <c>failed</c>.</summary>
    public string Stage { get; set; } = "reading";

    public int Done => Volatile.Read(ref _done);

    public int Total => Volatile.Read(ref _total);

    public BulkReportResponse? Outcome { get; set; }

    public void Report(int done, int total)
    {
        Volatile.Write(ref _total, total);
        Volatile.Write(ref _done, done);
    }
}

/// <summary>What the page polls: how far the run is.</summary>
public sealed record BulkReportProgress(Guid RunId, string Stage, int Done, int Total, bool DryRun, int? AcceptedCount, int? RejectedCount);

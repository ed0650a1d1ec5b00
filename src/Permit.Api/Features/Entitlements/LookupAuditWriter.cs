using System.Threading.Channels;

namespace Permit.Api.Features.Entitlements;

/// <summary>
/// Writes the audit entries of entitlement lookups by group commit. Each lookup hands its entry over and waits until
/// it is saved, so no answer leaves before its audit line is durable; but the entries that arrive while one save runs
/// are written together by the next, as one append to the audit chain (one read of the chain's end, one transaction,
/// one batched insert). Under load that turns thousands of serialised appends a second into a few dozen.
/// </summary>
public sealed partial class LookupAuditWriter(IServiceScopeFactory scopes, ILogger<LookupAuditWriter> logger) : BackgroundService
{
    // Enough to amortise a save; small enough that one failed save refuses few answers.
    private const int MaxBatch = 512;

    private readonly Channel<PendingEntry> _pending = Channel.CreateUnbounded<PendingEntry>(
        new UnboundedChannelOptions { SingleReader = true, AllowSynchronousContinuations = false });

    /// <summary>Completes when <paramref name="entry"/> is saved; throws when it could not be.</summary>
    public Task RecordAsync(AuditEntry entry, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(entry);
        var pending = new PendingEntry(entry);
        if (!_pending.Writer.TryWrite(pending))
            throw new InvalidOperationException("The lookup audit writer has stopped.");
        // A request that gives up still gets its entry written: the lookup happened.
        return pending.Saved.Task.WaitAsync(cancellationToken);
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var batch = new List<PendingEntry>(MaxBatch);
        // Stopping completes the channel (below) rather than cancelling the reads, so entries already handed over are
        // still written before the host goes down.
        using var stopping = stoppingToken.Register(() => _pending.Writer.TryComplete());
        while (await _pending.Reader.WaitToReadAsync(CancellationToken.None).ConfigureAwait(false))
        {
            while (batch.Count < MaxBatch && _pending.Reader.TryRead(out var next))
                batch.Add(next);
            await SaveAsync(batch).ConfigureAwait(false);
            batch.Clear();
        }
    }

    private async Task SaveAsync(List<PendingEntry> batch)
    {
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<PermitDbContext>();
            db.ChangeTracker.AutoDetectChangesEnabled = false;
            foreach (var pending in batch)
                db.Set<AuditEntry>().Add(pending.Entry);
            await db.SaveChangesAsync(CancellationToken.None).ConfigureAwait(false);
            foreach (var pending in batch)
                pending.Saved.TrySetResult();
        }
        // Every waiting lookup must learn that its entry was not written, whatever went wrong.
#pragma warning disable CA1031
        catch (Exception ex)
#pragma warning restore CA1031
        {
            LogSaveFailed(logger, ex, batch.Count);
            foreach (var pending in batch)
                pending.Saved.TrySetException(ex);
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Could not save {Count} entitlement lookup audit entries; their lookups were refused")]
    private static partial void LogSaveFailed(ILogger logger, Exception exception, int count);

    private sealed class PendingEntry(AuditEntry entry)
    {
        public AuditEntry Entry { get; } = entry;

        public TaskCompletionSource Saved { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
    }
}

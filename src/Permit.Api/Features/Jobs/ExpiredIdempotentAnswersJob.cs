using Permit.Api.Features.Permits.Idempotency;
using Quartz;

namespace Permit.Api.Features.Jobs;

/// <summary>
/// Hourly: deletes idempotent answers older than <see cref="IdempotentRequest.Lifetime"/>, so a personalization
/// answer (sealed, but still personal data) is not kept beyond the day its client could retry in.
/// </summary>
[DisallowConcurrentExecution]
public sealed partial class ExpiredIdempotentAnswersJob(IServiceScopeFactory scopes, TimeProvider time, ILogger<ExpiredIdempotentAnswersJob> logger) : IJob
{
    public const string JobName = "idempotent-answers-expiry";

    public static readonly TimeSpan Interval = TimeSpan.FromHours(1);

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        await using var scope = scopes.CreateAsyncScope();
        var deleted = await DeleteExpiredAsync(scope.ServiceProvider.GetRequiredService<PermitDbContext>(), time.GetUtcNow(), cancellationToken);
        LogDeleted(logger, deleted);
    }

    /// <summary>Deletes the answers created at or before <paramref name="now"/> minus the lifetime; returns how many.</summary>
    public static Task<int> DeleteExpiredAsync(PermitDbContext db, DateTimeOffset now, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        var cutoff = now - IdempotentRequest.Lifetime;
        return db.Set<IdempotentRequest>().Where(r => r.CreatedAt <= cutoff).ExecuteDeleteAsync(cancellationToken);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Deleted {Count} expired idempotent answer(s)")]
    private static partial void LogDeleted(ILogger logger, int count);
}

using Permit.Api.Keys;

namespace Permit.Api.Features.Credentials;

/// <summary>
/// What <c>GET /api/revocation-list</c> serves to anonymous verifiers: the list this node last served or published, kept
/// in memory with its bytes. Each call still asks, in one small query, whether a newer version was published (by the
/// daily job, an abandoned chip or another node) and whether a status change was saved since the list read the register
/// (<see cref="StatusChangeMarker"/>: so a card reported lost is on the very next download), but never loads or signs a
/// list when nothing changed, and
/// only one caller at a time publishes: a burst of anonymous calls after a revocation yields one new version, not one per
/// call. An admin's publication (<c>POST /api/admin/revocation-list</c>) replaces the entry at once.
/// </summary>
public sealed class RevocationListCache(TimeProvider time) : IDisposable
{
    private readonly SemaphoreSlim _refresh = new(1, 1);
    private PublishedRevocationList? _latest;

    public async Task<PublishedRevocationList> LatestAsync(PermitDbContext db, IssuerKeyRing keys, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        // A newer version published elsewhere (the daily job, a chip's abandonment, another node) replaces the cached one
        // even when the register's counts have not moved since: serving the older one would hide it from verifiers.
        // One round trip: no newer version and no status change saved since this one read the register.
        if (_latest is { } cached)
        {
            var version = cached.Version;
            var now = await db.Set<StatusChangeMarker>().AsNoTracking().Where(m => m.Id == StatusChangeMarker.RowId)
                .Select(m => new { m.Counter, Newer = db.Set<PublishedRevocationList>().Any(l => l.Version > version) })
                .FirstOrDefaultAsync(cancellationToken).ConfigureAwait(false);
            if (now is { Newer: false } && now.Counter == cached.ChangeMarker)
                return cached;
        }

        await _refresh.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            // Another caller (or node) may have published while this one waited: take the database's latest first.
            // Before the daily job's first run there is nothing to serve: publish one rather than answer 404.
            var latest = await RevocationListPublisher.LatestAsync(db, cancellationToken).ConfigureAwait(false);
            if (latest is null || await RevocationListPublisher.IsBehindAsync(db, latest, cancellationToken).ConfigureAwait(false))
                latest = await RevocationListPublisher.PublishAsync(db, keys, time.GetUtcNow(), cancellationToken).ConfigureAwait(false);
            _latest = latest;
            return latest;
        }
        finally
        {
            _refresh.Release();
        }
    }

    public void Remember(PublishedRevocationList list) => _latest = list;

    public void Dispose() => _refresh.Dispose();
}

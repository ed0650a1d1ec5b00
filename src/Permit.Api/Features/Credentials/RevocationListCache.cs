using Permit.Api.Keys;

namespace Permit.Api.Features.Credentials;

/// <summary>
/// What <c>GET /api/revocation-list</c> serves to anonymous verifiers: the list this node last served or published, kept
/// in memory with its bytes. Each call still asks whether a newer version was published (by the daily job, an abandoned
/// chip or another node) and runs the counting queries that tell whether the register has moved on
/// (so a card reported lost is on the very next download), but never loads or signs a list when nothing changed, and
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
        if (_latest is { } cached
            && !await db.Set<PublishedRevocationList>().AsNoTracking().AnyAsync(l => l.Version > cached.Version, cancellationToken).ConfigureAwait(false)
            && !await RevocationListPublisher.IsBehindAsync(db, cached, cancellationToken).ConfigureAwait(false))
            return cached;

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

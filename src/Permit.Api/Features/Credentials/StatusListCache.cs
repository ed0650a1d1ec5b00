using System.Collections.Concurrent;
using Permit.Api.Keys;
using Permit.Domain.Credentials.Status;

namespace Permit.Api.Features.Credentials;

/// <summary>
/// What <c>GET /api/status-list</c> and its deltas serve to anonymous verifiers, as <see cref="RevocationListCache"/> does
/// for v1: the latest full list this node served or published, in memory, republished when the register has moved on
/// (one publisher at a time); and each delta from a base to that latest list, made once (diffing two lists of millions
/// of slots takes a fraction of a second) and served to every verifier holding that base until a newer list appears.
/// </summary>
public sealed class StatusListCache(TimeProvider time) : IDisposable
{
    private readonly SemaphoreSlim _refresh = new(1, 1);
    // A delta is at most about a megabyte; a month of daily lists and the republications after status changes make the
    // bases verifiers may hold, and a burst of changes could make many: past this many the cache starts again.
    private const int MaxDeltas = 256;

    private readonly ConcurrentDictionary<(long Base, long Number), byte[]> _deltas = new();
    private PublishedStatusList? _latest;
    private StatusList? _latestList;

    public async Task<PublishedStatusList> LatestAsync(PermitDbContext db, IssuerKeyRing keys, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        // One round trip: no newer list published (by the daily job, an admin or another node) and no status change
        // saved since this one read the register.
        if (_latest is { } cached)
        {
            var number = cached.Number;
            var now = await db.Set<StatusChangeMarker>().AsNoTracking().Where(m => m.Id == StatusChangeMarker.RowId)
                .Select(m => new { m.Counter, Newer = db.Set<PublishedStatusList>().Any(l => l.Number > number) })
                .FirstOrDefaultAsync(cancellationToken).ConfigureAwait(false);
            if (now is { Newer: false } && now.Counter == cached.ChangeMarker)
                return cached;
        }

        await _refresh.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            var latest = await StatusListPublisher.LatestAsync(db, cancellationToken).ConfigureAwait(false);
            if (latest is null || await StatusListPublisher.IsBehindAsync(db, latest, cancellationToken).ConfigureAwait(false))
                latest = await StatusListPublisher.PublishAsync(db, keys, time.GetUtcNow(), cancellationToken).ConfigureAwait(false);
            Remember(latest);
            return latest;
        }
        finally
        {
            _refresh.Release();
        }
    }

    /// <summary>
    /// The signed delta from full list <paramref name="baseNumber"/> to <paramref name="latest"/>, or null when that base
    /// is not a full list published within <see cref="StatusListPublisher.DeltaBaseAge"/> (the verifier takes the full list).
    /// </summary>
    public async Task<byte[]?> DeltaAsync(
        PermitDbContext db, IssuerKeyRing keys, PublishedStatusList latest, long baseNumber, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(keys);
        ArgumentNullException.ThrowIfNull(latest);
        if (baseNumber >= latest.Number)
            return null;
        if (_deltas.TryGetValue((baseNumber, latest.Number), out var made))
            return made;
        var oldest = time.GetUtcNow() - StatusListPublisher.DeltaBaseAge;
        var baseRow = await db.Set<PublishedStatusList>().AsNoTracking()
            .FirstOrDefaultAsync(l => l.Number == baseNumber && l.ThisUpdate >= oldest, cancellationToken).ConfigureAwait(false);
        // Read back through the verifiers' own codec: a list whose signing key has since been revoked makes no base.
        var trust = keys.ToTrustList();
        var from = baseRow is null ? null : StatusListCodec.Read(baseRow.SignedList, trust).Value;
        var to = _latestList?.Number == latest.Number ? _latestList : StatusListCodec.Read(latest.SignedList, trust).Value;
        if (from is null || to is null)
            return null;
        var delta = StatusDeltaCodec.Sign(StatusDelta.Between(from, to), keys.ActiveSigner);
        // Kept only for the list this node serves now: a delta to a list another caller has since replaced is served
        // to this caller and not kept, and the cache holds at most MaxDeltas bases.
        if (_latest?.Number == latest.Number)
        {
            _latestList = to;
            if (_deltas.Count >= MaxDeltas)
                _deltas.Clear();
            _deltas[(baseNumber, latest.Number)] = delta;
            Prune(latest.Number);
        }

        return delta;
    }

    public void Remember(PublishedStatusList list)
    {
        ArgumentNullException.ThrowIfNull(list);
        if (_latest?.Number == list.Number)
            return;
        _latest = list;
        _latestList = null;
        Prune(list.Number);
    }

    /// <summary>Drops every delta to a list other than <paramref name="latest"/>: no verifier is sent one again.</summary>
    private void Prune(long latest)
    {
        foreach (var stale in _deltas.Keys.Where(k => k.Number != latest))
            _deltas.TryRemove(stale, out _);
    }

    public void Dispose() => _refresh.Dispose();
}

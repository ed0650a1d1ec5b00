using Permit.Api.Keys;
using Permit.Domain.Credentials.Revocation;
using Permit.Domain.Permits;

namespace Permit.Api.Features.Credentials;

/// <summary>
/// Builds the status list verifiers take offline from the register, signs it with the active issuer key and stores it
/// as the next version. What goes on it (docs/revocation-list.md):
/// <list type="bullet">
/// <item><c>rv</c>: every revoked card: old cards after an exchange (换领) or a replacement (补领), and the card of a
///   revoked or terminated permit (ending a permit revokes its current card).</item>
/// <item><c>sp</c>: the issued card of every suspended permit (endorsement missed), refused as <c>suspended</c>.</item>
/// <item><c>vx</c>: the current valid-until of every active permit's issued card that was written before the permit's
///   latest endorsement, since an active card cannot be rewritten (its EF.PERMIT tag 8C keeps the old date).</item>
/// <item><c>ac</c>: the chip key (SHA-256 of EF.CHIPKEY) of every chip abandoned at personalization, whose signed files
///   must count nowhere although they name a card in force.</item>
/// </list>
/// The daily job calls <see cref="PublishAsync"/>; <c>GET /api/revocation-list</c> serves the latest version.
/// </summary>
public static class RevocationListPublisher
{
    /// <summary>Published daily; an hour of slack before verifiers call the list stale.</summary>
    public static readonly TimeSpan Lifetime = TimeSpan.FromHours(25);

    public static async Task<PublishedRevocationList> PublishAsync(
        PermitDbContext db, IssuerKeyRing keys, DateTimeOffset now, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(keys);
        var permits = db.ResidencePermits.AsNoTracking();
        // The two-argument SelectMany joins the owned cards to their permit; SQLite cannot run the correlated form.
        var cards = permits.SelectMany(p => p.Cards, (p, c) => new { p.Number, p.Status, p.ValidUntil, Card = c, Permit = p });
        var revoked = await cards.Where(x => x.Card.Status == CardStatus.Revoked)
            .Select(x => new { x.Number, x.Card.Sequence }).ToListAsync(cancellationToken);
        var suspended = await cards.Where(x => x.Status == PermitStatus.Suspended && x.Card.Status == CardStatus.Issued)
            .Select(x => new { x.Number, x.Card.Sequence }).ToListAsync(cancellationToken);
        var extended = await cards
            .Where(x => x.Status == PermitStatus.Active && x.Card.Status == CardStatus.Issued
                && x.Permit.Endorsements.Any(e => e.EndorsedOn >= x.Card.IssuedOn))
            .Select(x => new { x.Number, x.Card.Sequence, x.ValidUntil }).ToListAsync(cancellationToken);
        var abandoned = await db.Set<Permits.CardPersonalization>().AsNoTracking()
            .Where(p => p.AbandonedAt != null).Select(p => p.ChipKeyFileHash).ToListAsync(cancellationToken);

        // Whole seconds: the list carries Unix seconds, and the stored row should say what the list says.
        var thisUpdate = DateTimeOffset.FromUnixTimeSeconds(now.ToUnixTimeSeconds());
        for (var attempt = 1; ; attempt++)
        {
            var latest = await db.Set<PublishedRevocationList>().AsNoTracking()
                .OrderByDescending(l => l.Version).Select(l => (long?)l.Version).FirstOrDefaultAsync(cancellationToken);
            var list = new RevocationList(
                (latest ?? 0) + 1, thisUpdate, thisUpdate + Lifetime,
                revoked.Select(c => new RevokedCard(c.Number.Value, c.Sequence)),
                suspended.Select(c => new RevokedCard(c.Number.Value, c.Sequence)),
                extended.Select(c => new ValidityExtension(c.Number.Value, c.Sequence, c.ValidUntil)),
                abandoned.Select(Convert.FromHexString));
            var row = new PublishedRevocationList(
                list.Version, list.ThisUpdate, list.NextUpdate, keys.Active.KeyId, revoked.Count, suspended.Count, extended.Count,
                RevocationListCodec.Sign(list, keys.ActiveSigner));
            db.Add(row);
            try
            {
                await db.SaveChangesAsync(cancellationToken);
                return row;
            }
            catch (DbUpdateException) when (attempt < 5)
            {
                // Another publisher took this version number first: take the next one.
                db.Entry(row).State = EntityState.Detached;
            }
        }
    }

    /// <summary>
    /// True when the register has revoked cards or suspended permits that <paramref name="latest"/> does not count
    /// (revocation is never undone, so a different count means a change; two counting queries, no list building), or
    /// a chip abandoned since it was made.
    /// </summary>
    public static Task<bool> IsBehindAsync(PermitDbContext db, PublishedRevocationList latest, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(latest);
        return IsBehindAsync(db, latest.RevokedCount, latest.SuspendedCount, latest.ThisUpdate, cancellationToken);
    }

    /// <summary>The same question for any list that counted <paramref name="revokedCount"/> and <paramref name="suspendedCount"/> at <paramref name="listMade"/> (the status list v2 too).</summary>
    public static async Task<bool> IsBehindAsync(
        PermitDbContext db, int revokedCount, int suspendedCount, DateTimeOffset listMade, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        var cards = db.ResidencePermits.AsNoTracking().SelectMany(p => p.Cards, (p, c) => new { p.Status, CardStatus = c.Status });
        var revoked = await cards.CountAsync(x => x.CardStatus == CardStatus.Revoked, cancellationToken);
        if (revoked != revokedCount)
            return true;
        var suspended = await cards.CountAsync(x => x.Status == PermitStatus.Suspended && x.CardStatus == CardStatus.Issued, cancellationToken);
        if (suspended != suspendedCount)
            return true;
        // A chip abandoned after the list was made is not on it (abandoning is never undone either). At the list's own
        // instant (a clock that stood still, or the status list's whole second) it may or may not be: republish, since a
        // list missing an abandoned chip lets a clone pass offline, and an extra list costs only a signature.
        return await db.Set<Permits.CardPersonalization>().AnyAsync(p => p.AbandonedAt != null && p.AbandonedAt >= listMade, cancellationToken);
    }

    /// <summary>The latest published list, or null before the first.</summary>
    public static Task<PublishedRevocationList?> LatestAsync(PermitDbContext db, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        return db.Set<PublishedRevocationList>().AsNoTracking().OrderByDescending(l => l.Version).FirstOrDefaultAsync(cancellationToken);
    }
}

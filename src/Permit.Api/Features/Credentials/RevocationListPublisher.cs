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
/// The daily job calls <see cref="PublishAsync"/>; <c>GET /api/revocation-list</c> serves the latest version, made
/// again when a status change was saved since (<see cref="IsBehindAsync(PermitDbContext, long, CancellationToken)"/>).
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
        // Before the register is read: a change committing after this read makes the list behind (StatusChangeMarker).
        var marker = await StatusChangeMarker.CurrentAsync(db, cancellationToken);
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
                RevocationListCodec.Sign(list, keys.ActiveSigner), marker);
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
    /// True when a status change (a card revoked, issued or superseded, a permit suspended or ended, a chip abandoned)
    /// was saved since <paramref name="latest"/> read the register: one primary-key read, the same on every API node.
    /// </summary>
    public static Task<bool> IsBehindAsync(PermitDbContext db, PublishedRevocationList latest, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(latest);
        return IsBehindAsync(db, latest.ChangeMarker, cancellationToken);
    }

    /// <summary>The same question for any list made when the <see cref="StatusChangeMarker"/> read <paramref name="changeMarker"/> (the status list v2 too).</summary>
    /// <remarks>
    /// The marker is read before the register, and every status change moves it in its own transaction; so a change
    /// saved at the very instant a list is made (a frozen clock, or the same whole second, where comparing times could
    /// not tell) still leaves the list behind unless the list read it: an abandoned chip missing from the list would let
    /// a clone of its signed files pass offline, and an extra list costs only a signature.
    /// </remarks>
    public static async Task<bool> IsBehindAsync(PermitDbContext db, long changeMarker, CancellationToken cancellationToken) =>
        await StatusChangeMarker.CurrentAsync(db, cancellationToken) != changeMarker;

    /// <summary>The latest published list, or null before the first.</summary>
    public static Task<PublishedRevocationList?> LatestAsync(PermitDbContext db, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        return db.Set<PublishedRevocationList>().AsNoTracking().OrderByDescending(l => l.Version).FirstOrDefaultAsync(cancellationToken);
    }
}

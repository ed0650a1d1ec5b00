using Permit.Api.Keys;
using Permit.Domain.Credentials.Status;
using Permit.Domain.Permits;

namespace Permit.Api.Features.Credentials;

/// <summary>
/// Builds the full status list v2 (docs/status-list.md, "What the API serves") from the register, signs it with the
/// active issuer key and stores it as the next number. The content is the v1 list's (<see cref="RevocationListPublisher"/>)
/// in v2's shape: one slot per permit with its highest issued or revoked card. Rows are streamed, one small projection
/// per card, into the builder's arrays (8 bytes a permit): no permit or card objects are loaded, so millions of cards
/// cost tens of megabytes, not gigabytes.
/// </summary>
public static class StatusListPublisher
{
    /// <summary>How old a full list may be and still be the base of a delta; older verifiers take the full list.</summary>
    public static readonly TimeSpan DeltaBaseAge = TimeSpan.FromDays(31);

    public static async Task<PublishedStatusList> PublishAsync(
        PermitDbContext db, IssuerKeyRing keys, DateTimeOffset now, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(keys);
        // Before the register is read: a change committing after this read makes the list behind (StatusChangeMarker).
        var marker = await StatusChangeMarker.CurrentAsync(db, cancellationToken);
        var builder = new StatusListBuilder();
        int revoked = 0, suspended = 0;
        // The two-argument SelectMany joins the owned cards to their permit; SQLite cannot run the correlated form.
        var rows = db.ResidencePermits.AsNoTracking()
            .SelectMany(p => p.Cards, (p, c) => new { p.Number, p.Status, p.ValidUntil, Card = c, Permit = p })
            .Where(x => x.Card.Status == CardStatus.Issued || x.Card.Status == CardStatus.Revoked)
            .Select(x => new
            {
                x.Number,
                x.Card.Sequence,
                CardRevoked = x.Card.Status == CardStatus.Revoked,
                x.Status,
                x.ValidUntil,
                EndorsedSinceWritten = x.Permit.Endorsements.Any(e => e.EndorsedOn >= x.Card.IssuedOn),
            })
            .AsAsyncEnumerable();
        await foreach (var row in rows.WithCancellation(cancellationToken))
        {
            var state = row.CardRevoked || row.Status is PermitStatus.Revoked or PermitStatus.Terminated ? CardState.Revoked
                : row.Status == PermitStatus.Suspended ? CardState.Suspended
                : CardState.Valid;
            revoked += row.CardRevoked ? 1 : 0;
            suspended += !row.CardRevoked && row.Status == PermitStatus.Suspended ? 1 : 0;
            // As v1's vx: only an active permit's card written before its latest endorsement needs the date.
            DateOnly? until = state == CardState.Valid && row.Status == PermitStatus.Active && row.EndorsedSinceWritten ? row.ValidUntil : null;
            builder.SetUnlessLater(row.Number.Value, new StatusEntry((byte)row.Sequence, state, until));
        }

        var abandoned = await db.Set<Permits.CardPersonalization>().AsNoTracking()
            .Where(p => p.AbandonedAt != null).Select(p => p.ChipKeyFileHash).ToListAsync(cancellationToken);
        foreach (var hash in abandoned)
            builder.AbandonChip(Convert.FromHexString(hash));

        // Whole seconds: the list carries Unix seconds, and the stored row should say what the list says.
        var thisUpdate = DateTimeOffset.FromUnixTimeSeconds(now.ToUnixTimeSeconds());
        for (var attempt = 1; ; attempt++)
        {
            var latest = await db.Set<PublishedStatusList>().AsNoTracking()
                .OrderByDescending(l => l.Number).Select(l => (long?)l.Number).FirstOrDefaultAsync(cancellationToken);
            var list = builder.Build((latest ?? 0) + 1, thisUpdate, thisUpdate + RevocationListPublisher.Lifetime);
            var row = new PublishedStatusList(list.Number, list.ThisUpdate, list.NextUpdate, keys.Active.KeyId, revoked, suspended,
                list.CardCount, StatusListCodec.Sign(list, keys.ActiveSigner), marker);
            db.Add(row);
            try
            {
                await db.SaveChangesAsync(cancellationToken);
                return row;
            }
            catch (DbUpdateException) when (attempt < 5)
            {
                // Another publisher took this number first: take the next one.
                db.Entry(row).State = EntityState.Detached;
            }
        }
    }

    /// <summary>The latest published full list, or null before the first.</summary>
    public static Task<PublishedStatusList?> LatestAsync(PermitDbContext db, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        return db.Set<PublishedStatusList>().AsNoTracking().OrderByDescending(l => l.Number).FirstOrDefaultAsync(cancellationToken);
    }

    /// <summary>True when the register moved past <paramref name="latest"/> in a way verifiers must hear of at once (as v1).</summary>
    public static Task<bool> IsBehindAsync(PermitDbContext db, PublishedStatusList latest, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(latest);
        return RevocationListPublisher.IsBehindAsync(db, latest.ChangeMarker, cancellationToken);
    }
}

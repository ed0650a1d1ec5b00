namespace Permit.Api.Features.Photos;

/// <summary>
/// The photos' part of <c>keys rotate-field-key</c>: rows sealed with an older field key version are opened and sealed
/// again with the active one, in batches (each its own save), so an interrupted run resumes.
/// </summary>
public static class PhotoKeyRotation
{
    public const string Table = "ResidentPhotos";

    public static Task<int> CountBehindAsync(PermitDbContext db, int activeVersion, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        return db.Set<ResidentPhoto>().CountAsync(p => p.KeyVersion != activeVersion, cancellationToken);
    }

    public static async Task<int> RunAsync(PermitDbContext db, int activeVersion, int batchSize,
        Action<string, int, int> report, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(report);
        var protector = db.RequireCitizenIdProtector();
        var rewritten = 0;
        while (true)
        {
            var batch = await db.Set<ResidentPhoto>().Where(p => p.KeyVersion != activeVersion).OrderBy(p => p.Id)
                .Take(batchSize).ToListAsync(cancellationToken).ConfigureAwait(false);
            if (batch.Count == 0)
                return rewritten;
            foreach (var photo in batch)
                photo.Seal(protector, photo.Open(protector));
            await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
            db.ChangeTracker.Clear();
            rewritten += batch.Count;
            report(Table, rewritten, await CountBehindAsync(db, activeVersion, cancellationToken).ConfigureAwait(false));
        }
    }
}

using Permit.Api.Security.Fields;

namespace Permit.Api.Features.Photos;

/// <summary>
/// Every photo query goes through <see cref="Of"/>, so the officer's jurisdiction filter (a <c>Where</c> on the resident's
/// region) is added in one place.
/// </summary>
public static class PhotoStore
{
    public const string ReferencePrefix = "resident-photo:";

    /// <summary>The photos of one resident (all sources and versions), no tracking.</summary>
    public static IQueryable<ResidentPhoto> Of(PermitDbContext db, Guid residentId)
    {
        ArgumentNullException.ThrowIfNull(db);
        return db.Set<ResidentPhoto>().AsNoTracking().Where(p => p.ResidentId == residentId);
    }

    /// <summary>The latest version from <paramref name="source"/>, or null.</summary>
    public static Task<ResidentPhoto?> LatestAsync(PermitDbContext db, Guid residentId, PhotoSource source, CancellationToken cancellationToken) =>
        Of(db, residentId).Where(p => p.Source == source).OrderByDescending(p => p.Version).FirstOrDefaultAsync(cancellationToken);

    /// <summary>The holder's photo in clear (the latest desk version), or null when none was taken.</summary>
    public static async Task<byte[]?> HolderPhotoAsync(PermitDbContext db, Guid residentId, CancellationToken cancellationToken)
    {
        var latest = await LatestAsync(db, residentId, PhotoSource.Desk, cancellationToken);
        return latest?.Open(db.RequireCitizenIdProtector());
    }

    /// <summary>Adds the next version from <paramref name="source"/>, sealed; saved with the caller's SaveChanges.</summary>
    public static async Task<ResidentPhoto> AddAsync(PermitDbContext db, Guid residentId, PhotoSource source, ReadOnlyMemory<byte> image,
        string takenBy, DateTimeOffset takenAt, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        var version = await Of(db, residentId).Where(p => p.Source == source).Select(p => (int?)p.Version).MaxAsync(cancellationToken) ?? 0;
        var photo = new ResidentPhoto(residentId, source, version + 1, takenBy, takenAt);
        photo.Seal(db.RequireCitizenIdProtector(), image.Span);
        db.Add(photo);
        return photo;
    }

    /// <summary>
    /// What a resident's <c>PhotoReference</c> says for a kept photo: <c>resident-photo:&lt;id&gt;</c>, the row of this
    /// store (the key to the sealed picture), never the picture or a digest of it.
    /// </summary>
    public static string ReferenceTo(ResidentPhoto photo)
    {
        ArgumentNullException.ThrowIfNull(photo);
        return $"{ReferencePrefix}{photo.Id:D}";
    }

    /// <summary>The id of the holder's photo to show a counter or the holder: the latest desk one, else the ID card's.</summary>
    public static Task<Guid?> ShownPhotoIdAsync(PermitDbContext db, Guid residentId, CancellationToken cancellationToken) =>
        Of(db, residentId).OrderBy(p => p.Source == PhotoSource.Desk ? 0 : 1).ThenByDescending(p => p.Version).Select(p => (Guid?)p.Id).FirstOrDefaultAsync(cancellationToken);
}

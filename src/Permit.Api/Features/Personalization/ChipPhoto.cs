using Permit.Api.Features.Photos;
using Permit.Documents.Photos;

namespace Permit.Api.Features.Personalization;

/// <summary>
/// The JPEG written into EF.PHOTO (docs/permit-card.md, docs/photos.md): the holder's latest desk photo re-encoded to at
/// most <see cref="TargetBytes"/>, so the photo costs about 48 short READ BINARYs at a counter; empty (<c>5F 2E 00</c>)
/// when no photo was taken.
/// </summary>
public static class ChipPhoto
{
    /// <summary>12 KB: well inside the 16384-byte file, and 358 × 441 at JPEG quality 50–70 fits.</summary>
    public const int TargetBytes = 12 * 1024;

    public static async Task<byte[]> ForAsync(PermitDbContext db, Guid residentId, CancellationToken cancellationToken)
    {
        var photo = await PhotoStore.HolderPhotoAsync(db, residentId, cancellationToken);
        if (photo is null)
            return [];
        // A stored desk photo always decodes (it was made by HolderPhoto.Normalize); a failure here is a broken row.
        return HolderPhoto.ForChip(photo, TargetBytes)
            ?? throw new InvalidOperationException("The holder's stored photo does not decode or does not fit EF.PHOTO.");
    }
}

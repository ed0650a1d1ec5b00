namespace Permit.Documents.Photos;

/// <summary>Why a picture was not taken as the holder's photo (docs/photos.md); nothing is stored for any of them.</summary>
public enum PhotoRefusal
{
    /// <summary>Not a JPEG or PNG that decodes (a PDF, a text file, a damaged or absurdly large picture).</summary>
    NotAnImage,

    /// <summary>The portrait crop would be smaller than 358 × 441 pixels: it would have to be blown up.</summary>
    TooSmall,

    /// <summary>The crop's mean brightness is below <see cref="HolderPhoto.MinMeanLuma"/>: the face cannot be made out.</summary>
    TooDark,

    /// <summary>The picture is more than twice as wide as high (or high as wide): not a head-and-shoulders framing.</summary>
    NotFaceSized,
}

/// <summary>A picture turned into the permit photo, or the reason it was refused.</summary>
public sealed record HolderPhotoResult(byte[]? Jpeg, PhotoRefusal? Refusal)
{
    public bool Accepted => Jpeg is not null;
}

/// <summary>
/// The permit photo format (docs/photos.md): 358 × 441 pixels (26 × 32 mm at 350 dpi, the size of the photo on a
/// second-generation ID card and of the residence permit's), JPEG, head centred. A desk camera or an upload is cropped
/// to that aspect around its centre, where the officer's framing guide puts the head, then scaled. No face detection:
/// a "face-sized crop" is judged by geometry alone (see <see cref="PhotoRefusal.NotFaceSized"/>).
/// </summary>
public static class HolderPhoto
{
    public const int Width = 358;
    public const int Height = 441;

    /// <summary>JPEG quality of the stored photo: visually lossless at this size (about 25–45 KB).</summary>
    public const int StoredQuality = 90;

    /// <summary>Mean luma (0–255, Rec. 601) below which the crop is too dark; an evenly lit face is 90–170.</summary>
    public const double MinMeanLuma = 40;

    /// <summary>The most an upload may weigh; a phone's full-resolution JPEG fits.</summary>
    public const int MaxUploadBytes = 8 * 1024 * 1024;

    /// <summary>Largest side decoded (the same bound the card face uses).</summary>
    public const int MaxSide = 6000;

    /// <summary>A picture whose long side is more than this many times its short side is not a portrait framing.</summary>
    public const double MaxAspect = 2.0;

    /// <summary>The upright picture cropped around its centre to 358:441 and scaled to 358 × 441, JPEG; or why not.</summary>
    public static HolderPhotoResult Normalize(ReadOnlySpan<byte> picture)
    {
        if (picture.Length is 0 or > MaxUploadBytes || !IsJpegOrPng(picture))
            return Refused(PhotoRefusal.NotAnImage);
        using var image = PhotoPainter.Decode(picture.ToArray());
        if (image is null)
            return Refused(PhotoRefusal.NotAnImage);

        double w = image.Width, h = image.Height;
        if (Math.Max(w / h, h / w) > MaxAspect)
            return Refused(PhotoRefusal.NotFaceSized);

        // The largest 358:441 rectangle around the centre.
        var cropWidth = Math.Min(w, h * Width / Height);
        var cropHeight = cropWidth * Height / Width;
        if (cropWidth < Width - 0.5 || cropHeight < Height - 0.5)
            return Refused(PhotoRefusal.TooSmall);
        var source = SKRect.Create((float)((w - cropWidth) / 2), (float)((h - cropHeight) / 2), (float)cropWidth, (float)cropHeight);

        using var target = new SKBitmap(new SKImageInfo(Width, Height, SKColorType.Rgba8888, SKAlphaType.Opaque));
        using (var canvas = new SKCanvas(target))
        {
            canvas.Clear(SKColors.White);
            using var paint = new SKPaint { IsAntialias = true };
            canvas.DrawImage(image, source, SKRect.Create(Width, Height), new SKSamplingOptions(SKCubicResampler.Mitchell), paint);
        }

        if (MeanLuma(target) < MinMeanLuma)
            return Refused(PhotoRefusal.TooDark);
        return new HolderPhotoResult(Encode(target, StoredQuality), null);
    }

    /// <summary>
    /// The photo re-encoded for EF.PHOTO: the highest JPEG quality (85 down to 30) that fits <paramref name="maxBytes"/>,
    /// then, if still too big, smaller sizes (90 %, 80 %… of 358 × 441) at quality 50. Null when the picture does not decode.
    /// </summary>
    public static byte[]? ForChip(ReadOnlySpan<byte> jpeg, int maxBytes)
    {
        using var image = PhotoPainter.Decode(jpeg.ToArray());
        if (image is null)
            return null;
        using var bitmap = SKBitmap.FromImage(image);
        for (var quality = 85; quality >= 30; quality -= 5)
        {
            var encoded = Encode(bitmap, quality);
            if (encoded.Length <= maxBytes)
                return encoded;
        }

        for (var percent = 90; percent >= 30; percent -= 10)
        {
            using var smaller = bitmap.Resize(new SKImageInfo(bitmap.Width * percent / 100, bitmap.Height * percent / 100),
                new SKSamplingOptions(SKCubicResampler.Mitchell));
            var encoded = Encode(smaller, 50);
            if (encoded.Length <= maxBytes)
                return encoded;
        }

        return null;
    }

    /// <summary>Mean Rec. 601 luma of the bitmap, 0–255.</summary>
    public static double MeanLuma(SKBitmap bitmap)
    {
        ArgumentNullException.ThrowIfNull(bitmap);
        double sum = 0;
        var pixels = bitmap.Pixels;
        foreach (var p in pixels)
            sum += (0.299 * p.Red) + (0.587 * p.Green) + (0.114 * p.Blue);
        return pixels.Length == 0 ? 0 : sum / pixels.Length;
    }

    private static byte[] Encode(SKBitmap bitmap, int quality)
    {
        using var data = bitmap.Encode(SKEncodedImageFormat.Jpeg, quality);
        return data.ToArray();
    }

    // Magic numbers first: a GIF, WebP or BMP is refused even where the decoder would take it (the card holds JPEG).
    private static bool IsJpegOrPng(ReadOnlySpan<byte> bytes) =>
        bytes is [0xFF, 0xD8, 0xFF, ..] || bytes.StartsWith((ReadOnlySpan<byte>)[0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]);

    private static HolderPhotoResult Refused(PhotoRefusal refusal) => new(null, refusal);
}

using Permit.CardAgent.IdCards.Vendor;
using SkiaSharp;

namespace Permit.CardAgent.IdCards;

/// <summary>
/// The ID card's photo as a page can show it: a JPEG as the reader gave it, or a PNG made with SkiaSharp from a BMP
/// (a reader's or the WLT decoder's), and what became of it: <c>decoded</c>, <c>not-decodable</c> (a WLT block with no
/// decoder configured, or bytes no decoder reads) or <c>absent</c> (the reader gave none).
/// </summary>
public sealed record IdCardPhoto(byte[] Image, string Status)
{
    public const string Decoded = "decoded";
    public const string NotDecodable = "not-decodable";
    public const string Absent = "absent";

    public static IdCardPhoto None { get; } = new([], Absent);

    private static readonly IdCardPhoto Undecodable = new([], NotDecodable);

    /// <param name="format">As <see cref="Cards.IdCardSession.PhotoFormatOf"/> named it.</param>
    /// <param name="wltDecoder">The vendor's decoder library, if one is configured.</param>
    public static IdCardPhoto From(byte[] photo, string format, string? wltDecoder)
    {
        ArgumentNullException.ThrowIfNull(photo);
        return format switch
        {
            "none" => None,
            // What the reader decoded itself is passed on as it came (a page shows it, or shows nothing).
            "jpeg" or "png" => new IdCardPhoto(photo, Decoded),
            "bmp" => ToPng(photo),
            "wlt" when wltDecoder is not null && WltDecoder.Decode(wltDecoder, photo) is { } bmp => ToPng(bmp),
            _ => Undecodable,
        };
    }

    private static IdCardPhoto ToPng(byte[] bmp)
    {
        using var bitmap = SKBitmap.Decode(bmp);
        if (bitmap is null)
            return Undecodable;
        using var image = SKImage.FromBitmap(bitmap);
        using var png = image.Encode(SKEncodedImageFormat.Png, 100);
        return png is null ? Undecodable : new IdCardPhoto(png.ToArray(), Decoded);
    }
}

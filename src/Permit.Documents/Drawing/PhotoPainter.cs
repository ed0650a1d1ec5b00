namespace Permit.Documents.Drawing;

/// <summary>Draws the holder's photo into its box, or a neutral silhouette where there is none or it cannot be read.</summary>
internal static class PhotoPainter
{
    public static void Paint(SKCanvas canvas, byte[]? photo, SKRect box)
    {
        using var background = Ink.Paint(new SKColor(0xE3, 0xEA, 0xF0));
        canvas.DrawRect(box, background);

        using var image = photo is { Length: > 0 } ? Decode(photo) : null;
        if (image is null)
            PaintSilhouette(canvas, box);
        else
            PaintCropped(canvas, image, box);

        using var frame = new SKPaint { Color = new SKColor(0x9A, 0xAE, 0xBE), IsStroke = true, StrokeWidth = 3, IsAntialias = true };
        canvas.DrawRect(box, frame);
    }

    /// <summary>Largest photo side decoded; ID photos are a few hundred pixels, so anything far bigger is refused.</summary>
    private const int MaxSide = 6000;

    /// <summary>
    /// Decodes upright: a photo taken on a phone stores its rotation in EXIF, which decoders do not apply by themselves.
    /// A damaged or absurdly large picture gives null, and the silhouette is printed instead of failing the card.
    /// </summary>
    internal static SKImage? Decode(byte[] photo)
    {
        using var data = SKData.CreateCopy(photo);
        using var codec = SKCodec.Create(data);
        if (codec is null || codec.Info.Width is <= 0 or > MaxSide || codec.Info.Height is <= 0 or > MaxSide)
            return null;

        using var decoded = SKBitmap.Decode(codec);
        if (decoded is null)
            return null;

        var origin = codec.EncodedOrigin;
        if (origin is SKEncodedOrigin.TopLeft or SKEncodedOrigin.Default)
            return SKImage.FromBitmap(decoded);

        var swapped = origin >= SKEncodedOrigin.LeftTop;
        var (width, height) = swapped ? (decoded.Height, decoded.Width) : (decoded.Width, decoded.Height);
        using var upright = new SKBitmap(width, height);
        using (var canvas = new SKCanvas(upright))
        {
            canvas.SetMatrix(OriginMatrix(origin, decoded.Width, decoded.Height));
            canvas.DrawBitmap(decoded, 0, 0);
        }

        return SKImage.FromBitmap(upright);
    }

    /// <summary>The transform that turns stored pixels of a <paramref name="w"/> × <paramref name="h"/> image upright (EXIF orientations 2–8).</summary>
    private static SKMatrix OriginMatrix(SKEncodedOrigin origin, int w, int h) => origin switch
    {
        SKEncodedOrigin.TopRight => new SKMatrix(-1, 0, w, 0, 1, 0, 0, 0, 1),
        SKEncodedOrigin.BottomRight => new SKMatrix(-1, 0, w, 0, -1, h, 0, 0, 1),
        SKEncodedOrigin.BottomLeft => new SKMatrix(1, 0, 0, 0, -1, h, 0, 0, 1),
        SKEncodedOrigin.LeftTop => new SKMatrix(0, 1, 0, 1, 0, 0, 0, 0, 1),
        SKEncodedOrigin.RightTop => new SKMatrix(0, -1, h, 1, 0, 0, 0, 0, 1),
        SKEncodedOrigin.RightBottom => new SKMatrix(0, -1, h, -1, 0, w, 0, 0, 1),
        SKEncodedOrigin.LeftBottom => new SKMatrix(0, 1, 0, -1, 0, w, 0, 0, 1),
        _ => SKMatrix.Identity,
    };

    /// <summary>Fills the box, cutting the excess of the photo evenly (ID photos are nearly the box's 4:5 anyway).</summary>
    private static void PaintCropped(SKCanvas canvas, SKImage image, SKRect box)
    {
        var scale = Math.Max(box.Width / image.Width, box.Height / image.Height);
        var source = SKRect.Create(
            (image.Width - (box.Width / scale)) / 2,
            (image.Height - (box.Height / scale)) / 2,
            box.Width / scale,
            box.Height / scale);
        using var paint = new SKPaint { IsAntialias = true };
        canvas.DrawImage(image, source, box, new SKSamplingOptions(SKCubicResampler.Mitchell), paint);
    }

    private static void PaintSilhouette(SKCanvas canvas, SKRect box)
    {
        using var figure = Ink.Paint(new SKColor(0xB4, 0xC2, 0xCE));
        var cx = box.MidX;
        var head = box.Width * 0.2f;
        canvas.DrawOval(cx, box.Top + (box.Height * 0.38f), head, head * 1.2f, figure);

        using var shoulders = new SKPath();
        var top = box.Top + (box.Height * 0.66f);
        shoulders.MoveTo(box.Left + (box.Width * 0.1f), box.Bottom);
        shoulders.CubicTo(box.Left + (box.Width * 0.1f), top, cx - head, top - (head * 0.2f), cx, top - (head * 0.2f));
        shoulders.CubicTo(cx + head, top - (head * 0.2f), box.Right - (box.Width * 0.1f), top, box.Right - (box.Width * 0.1f), box.Bottom);
        shoulders.Close();
        canvas.DrawPath(shoulders, figure);
    }
}

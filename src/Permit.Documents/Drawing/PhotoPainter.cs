using SkiaSharp;

namespace Permit.Documents.Drawing;

/// <summary>Draws the holder's photo into its box, or a neutral silhouette where there is none or it cannot be read.</summary>
internal static class PhotoPainter
{
    public static void Paint(SKCanvas canvas, byte[]? photo, SKRect box)
    {
        using var background = Ink.Paint(new SKColor(0xE3, 0xEA, 0xF0));
        canvas.DrawRect(box, background);

        using var image = photo is { Length: > 0 } ? SKImage.FromEncodedData(photo) : null;
        if (image is null)
            PaintSilhouette(canvas, box);
        else
            PaintCropped(canvas, image, box);

        using var frame = new SKPaint { Color = new SKColor(0x9A, 0xAE, 0xBE), IsStroke = true, StrokeWidth = 3, IsAntialias = true };
        canvas.DrawRect(box, frame);
    }

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

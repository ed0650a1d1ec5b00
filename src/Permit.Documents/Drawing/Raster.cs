namespace Permit.Documents.Drawing;

/// <summary>Bitmap and PDF output for the renderers, which only know how to draw on a canvas.</summary>
internal static class Raster
{
    public static byte[] ToPng(int width, int height, Action<SKCanvas> draw)
    {
        using var surface = SKSurface.Create(new SKImageInfo(width, height, SKColorType.Rgba8888, SKAlphaType.Premul))
            ?? throw new InvalidOperationException($"SkiaSharp could not allocate a {width} × {height} bitmap.");
        var canvas = surface.Canvas;
        canvas.Clear(SKColors.White);
        draw(canvas);
        canvas.Flush();
        using var image = surface.Snapshot();
        using var png = image.Encode(SKEncodedImageFormat.Png, 100);
        return png.ToArray();
    }

    /// <summary>
    /// One PDF page of <paramref name="widthPoints"/> × <paramref name="heightPoints"/> (1/72 inch), drawn by
    /// the same code as the bitmap: the canvas is scaled so that <paramref name="layoutWidth"/> layout units fill the page.
    /// </summary>
    /// <remarks>
    /// Skia rounds the page size to whole pixels at <paramref name="rasterDpi"/>, so callers pass the dpi at which
    /// their page is closest to a whole number of pixels.
    /// </remarks>
    public static byte[] ToPdf(float widthPoints, float heightPoints, float layoutWidth, int rasterDpi, string title, Action<SKCanvas> draw)
    {
        using var stream = new MemoryStream();
        var metadata = new SKDocumentPdfMetadata
        {
            Title = title,
            Creator = "Permit",
            Producer = "Permit.Documents (SkiaSharp)",
            RasterDpi = rasterDpi,
            EncodingQuality = 92,
        };
        using (var document = SKDocument.CreatePdf(stream, metadata))
        {
            var canvas = document.BeginPage(widthPoints, heightPoints);
            var scale = widthPoints / layoutWidth;
            canvas.Scale(scale);
            draw(canvas);
            document.EndPage();
            document.Close();
        }

        return stream.ToArray();
    }
}

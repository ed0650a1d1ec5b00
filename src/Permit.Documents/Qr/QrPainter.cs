namespace Permit.Documents.Qr;

/// <summary>Paints a symbol onto any canvas (bitmap or PDF page) so that all outputs share one drawing.</summary>
internal static class QrPainter
{
    /// <summary>
    /// Paints the symbol and its quiet zone with the top-left corner at (<paramref name="left"/>, <paramref name="top"/>).
    /// Callers pass a whole-pixel module size on bitmaps: fractional modules blur into grey edges that cost
    /// scanners their margin.
    /// </summary>
    public static void Paint(SKCanvas canvas, QrSymbol symbol, float left, float top, float moduleSize)
    {
        var side = symbol.ModuleCountWithQuietZone * moduleSize;
        using var white = new SKPaint { Color = SKColors.White, IsAntialias = false };
        canvas.DrawRect(left, top, side, side, white);

        using var path = new SKPath();
        var origin = QrSymbol.QuietZoneModules * moduleSize;
        foreach (var (x, y, run) in DarkRuns(symbol))
        {
            path.AddRect(SKRect.Create(left + origin + (x * moduleSize), top + origin + (y * moduleSize), run * moduleSize, moduleSize));
        }

        using var black = new SKPaint { Color = SKColors.Black, IsAntialias = false };
        canvas.DrawPath(path, black);
    }

    /// <summary>Horizontal runs of dark modules (x, y, length) in symbol coordinates, without the quiet zone.</summary>
    public static IEnumerable<(int X, int Y, int Run)> DarkRuns(QrSymbol symbol)
    {
        for (var y = 0; y < symbol.ModuleCount; y++)
        {
            var x = 0;
            while (x < symbol.ModuleCount)
            {
                if (!symbol.IsDark(x, y))
                {
                    x++;
                    continue;
                }

                var start = x;
                while (x < symbol.ModuleCount && symbol.IsDark(x, y))
                    x++;
                yield return (start, y, x - start);
            }
        }
    }
}

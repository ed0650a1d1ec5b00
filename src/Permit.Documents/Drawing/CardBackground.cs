namespace Permit.Documents.Drawing;

/// <summary>
/// A pale security-print style background: a soft gradient under fine interleaved wave lines (guilloche),
/// which a colour copier reproduces poorly and which keeps black text easy to read.
/// </summary>
internal static class CardBackground
{
    public static void Paint(SKCanvas canvas, SKRect area)
    {
        using var shader = SKShader.CreateLinearGradient(
            new SKPoint(area.Left, area.Top),
            new SKPoint(area.Right, area.Bottom),
            [new SKColor(0xE6, 0xF1, 0xF6), new SKColor(0xF6, 0xF8, 0xF2), new SKColor(0xF7, 0xEC, 0xE2)],
            SKShaderTileMode.Clamp);
        using var gradient = new SKPaint { Shader = shader };
        canvas.DrawRect(area, gradient);

        using var wave = new SKPaint { Color = new SKColor(0x7F, 0xA8, 0xC4, 0x30), IsStroke = true, StrokeWidth = 2, IsAntialias = true };
        for (var line = 0; line < 48; line++)
        {
            using var path = new SKPath();
            var baseY = area.Top + (line * area.Height / 40) - 60;
            var phase = line * 0.35f;
            path.MoveTo(area.Left, baseY);
            for (var x = area.Left; x <= area.Right; x += 12)
            {
                var t = x / area.Width * MathF.PI * 6;
                path.LineTo(x, baseY + (28 * MathF.Sin(t + phase)) + (14 * MathF.Sin((2.3f * t) - phase)));
            }

            canvas.DrawPath(path, wave);
        }
    }
}

using SkiaSharp;

namespace Permit.Api.Tests.Features.Photos;

/// <summary>Synthetic pictures made in the test (no real face anywhere): a light backdrop, a skin-toned head and shoulders.</summary>
public static class TestPictures
{
    /// <summary>A head-and-shoulders picture of <paramref name="width"/> × <paramref name="height"/>; <paramref name="light"/> 0–1 dims it.</summary>
    public static byte[] Portrait(int width = 640, int height = 480, double light = 1.0, SKEncodedImageFormat format = SKEncodedImageFormat.Jpeg)
    {
        using var bitmap = new SKBitmap(width, height);
        using (var canvas = new SKCanvas(bitmap))
        {
            SKColor Dim(byte r, byte g, byte b) => new((byte)(r * light), (byte)(g * light), (byte)(b * light));
            canvas.Clear(Dim(0xDD, 0xE6, 0xF0));
            using var skin = new SKPaint { Color = Dim(0xE8, 0xB8, 0x96), IsAntialias = true };
            using var coat = new SKPaint { Color = Dim(0x30, 0x40, 0x60), IsAntialias = true };
            var cx = width / 2f;
            var unit = Math.Min(width, height) / 10f;
            canvas.DrawOval(cx, height * 0.42f, unit * 1.6f, unit * 2.1f, skin);
            canvas.DrawRect(cx - (unit * 3.5f), height * 0.75f, unit * 7, height * 0.25f, coat);
            using var eye = new SKPaint { Color = Dim(0x20, 0x20, 0x20) };
            canvas.DrawCircle(cx - (unit * 0.6f), height * 0.38f, unit * 0.15f, eye);
            canvas.DrawCircle(cx + (unit * 0.6f), height * 0.38f, unit * 0.15f, eye);
        }

        using var data = bitmap.Encode(format, 90);
        return data.ToArray();
    }

    /// <summary>Width and height of an encoded picture.</summary>
    public static (int Width, int Height) SizeOf(byte[] picture)
    {
        using var codec = SKCodec.Create(SKData.CreateCopy(picture));
        return (codec.Info.Width, codec.Info.Height);
    }
}

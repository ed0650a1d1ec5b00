using ZXing;
using ZXing.Common;

namespace Permit.Documents.Qr;

/// <summary>
/// Reads a QR credential the ways a verifier gets one: a photo or scan (PNG, JPEG, anything SkiaSharp decodes)
/// or text pasted from a scanner app.
/// </summary>
public static class QrReader
{
    /// <summary>Beyond this many pixels a picture is refused rather than decoded (a 48 MP phone photo still fits).</summary>
    private const long MaxPixels = 50_000_000;

    /// <summary>Reads the QR in an image file.</summary>
    /// <exception cref="FileNotFoundException">There is no such file.</exception>
    public static QrReadResult ReadImageFile(string path)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        return ReadImage(File.ReadAllBytes(path));
    }

    /// <summary>Reads the QR in an encoded image (PNG, JPEG, WebP, GIF, BMP).</summary>
    public static QrReadResult ReadImage(ReadOnlySpan<byte> encodedImage)
    {
        if (encodedImage.IsEmpty)
            return QrReadResult.NotAnImage("The file is empty.");

        using var data = SKData.CreateCopy(encodedImage);
        using var codec = SKCodec.Create(data);
        if (codec is null)
            return QrReadResult.NotAnImage("The file is not an image that can be read (PNG or JPEG expected).");

        var (width, height) = (codec.Info.Width, codec.Info.Height);
        if (width <= 0 || height <= 0 || (long)width * height > MaxPixels)
            return QrReadResult.NotAnImage($"The image is {width} × {height} pixels, too large to search for a QR code.");

        using var bitmap = new SKBitmap(new SKImageInfo(width, height, SKColorType.Rgba8888, SKAlphaType.Unpremul));
        bitmap.Erase(SKColors.White);
        var decoded = codec.GetPixels(bitmap.Info, bitmap.GetPixels());
        // A truncated file still yields the rows before the damage, which may hold the whole QR.
        if (decoded is not (SKCodecResult.Success or SKCodecResult.IncompleteInput or SKCodecResult.ErrorInInput))
            return QrReadResult.NotAnImage($"The image could not be decoded ({decoded}).");

        var result = Reader().Decode(new RGBLuminanceSource(Luminance(bitmap), width, height, RGBLuminanceSource.BitmapFormat.Gray8));
        return result is null || string.IsNullOrEmpty(result.Text) ? QrReadResult.NoQrFound() : QrReadResult.Decoded(result.Text);
    }

    /// <summary>
    /// Accepts text pasted from a scanner app or a clipboard. Only surrounding whitespace (a trailing newline
    /// from a keyboard-wedge scanner) is removed; the rest is passed on as-is for the verifier to judge.
    /// </summary>
    public static QrReadResult ReadPastedText(string? pasted)
    {
        var text = pasted?.Trim();
        return string.IsNullOrEmpty(text) ? QrReadResult.Empty() : QrReadResult.Decoded(text);
    }

    private static BarcodeReaderGeneric Reader() => new()
    {
        AutoRotate = true,
        Options = new DecodingOptions
        {
            TryHarder = true,
            TryInverted = true,
            PossibleFormats = [BarcodeFormat.QR_CODE],
            // Byte segments without an ECI are read as UTF-8, which is how our own encoder writes them.
            CharacterSet = "UTF-8",
        },
    };

    /// <summary>Grey levels (ITU-R BT.601 weights), transparent pixels laid over white paper.</summary>
    private static byte[] Luminance(SKBitmap bitmap)
    {
        var pixels = bitmap.GetPixelSpan();
        var grey = new byte[bitmap.Width * bitmap.Height];
        for (int i = 0, p = 0; i < grey.Length; i++, p += 4)
        {
            var y = ((pixels[p] * 299) + (pixels[p + 1] * 587) + (pixels[p + 2] * 114)) / 1000;
            var alpha = pixels[p + 3];
            grey[i] = (byte)(((y * alpha) + (255 * (255 - alpha))) / 255);
        }

        return grey;
    }
}

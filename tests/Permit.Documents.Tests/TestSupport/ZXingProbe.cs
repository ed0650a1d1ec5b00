using ZXing;
using ZXing.Common;
using ZXing.QrCode.Internal;

namespace Permit.Documents.Tests.TestSupport;

/// <summary>
/// Decodes with ZXing directly (not through QrReader) to see what the encoder really wrote: the raw data
/// codewords begin with the first segment's 4-bit mode indicator, and their count fixes version and level.
/// </summary>
internal static class ZXingProbe
{
    public static Result Decode(byte[] png)
    {
        using var bitmap = SKBitmap.Decode(png);
        var grey = new byte[bitmap.Width * bitmap.Height];
        for (var y = 0; y < bitmap.Height; y++)
        {
            for (var x = 0; x < bitmap.Width; x++)
            {
                var c = bitmap.GetPixel(x, y);
                grey[(y * bitmap.Width) + x] = (byte)(((c.Red * 299) + (c.Green * 587) + (c.Blue * 114)) / 1000);
            }
        }

        var reader = new BarcodeReaderGeneric { Options = new DecodingOptions { PossibleFormats = [BarcodeFormat.QR_CODE], PureBarcode = true } };
        return reader.Decode(new RGBLuminanceSource(grey, bitmap.Width, bitmap.Height, RGBLuminanceSource.BitmapFormat.Gray8))
            ?? throw new InvalidOperationException("ZXing found no QR code.");
    }

    /// <summary>Mode indicator of the first segment: 1 numeric, 2 alphanumeric, 4 byte, 7 ECI, 8 kanji.</summary>
    public static int FirstModeIndicator(Result result) => result.RawBytes[0] >> 4;

    public static int DataCodewords(int version, ErrorCorrectionLevel level)
    {
        var v = ZXing.QrCode.Internal.Version.getVersionForNumber(version);
        var blocks = v.getECBlocksForLevel(level);
        return v.TotalCodewords - (blocks.ECCodewordsPerBlock * blocks.NumBlocks);
    }
}

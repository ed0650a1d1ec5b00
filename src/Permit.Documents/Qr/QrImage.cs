using System.Globalization;
using System.Text;
using ZXing;
using ZXing.QrCode.Internal;

namespace Permit.Documents.Qr;

/// <summary>
/// Turns a text (normally an <c>RP1:</c> credential) into a QR symbol and its PNG or SVG picture.
/// ZXing's encoder picks the segment mode: Base45 text uses only the QR alphanumeric alphabet, so it is
/// packed at 5.5 bits a character instead of 8, which is why the credential format chose Base45.
/// </summary>
public static class QrImage
{
    /// <summary>Default module edge in pixels: 0.34 mm at 600 dpi, 1.35 mm on a 150 dpi screen.</summary>
    public const int DefaultModuleSize = 8;

    /// <summary>Encodes <paramref name="text"/> at error correction level Q.</summary>
    /// <exception cref="ArgumentException">The text is empty.</exception>
    /// <exception cref="QrCapacityExceededException">The text does not fit in a version 40 symbol.</exception>
    public static QrSymbol Encode(string text)
    {
        ArgumentException.ThrowIfNullOrEmpty(text);
        var hints = new Dictionary<EncodeHintType, object>();
        if (!IsLatin1(text))
        {
            // Latin-1 is the QR default for byte mode; anything beyond it goes as UTF-8, announced by an ECI
            // segment so that readers do not have to guess. Alphanumeric text is unaffected by this hint.
            hints[EncodeHintType.CHARACTER_SET] = "UTF-8";
        }

        try
        {
            return new QrSymbol(text, ZXing.QrCode.Internal.Encoder.encode(text, ErrorCorrectionLevel.Q, hints));
        }
        catch (WriterException e)
        {
            throw new QrCapacityExceededException(text.Length, e);
        }
    }

    /// <summary>A PNG of the symbol with a 4-module quiet zone, each module <paramref name="moduleSize"/> pixels square.</summary>
    public static byte[] ToPng(string text, int moduleSize = DefaultModuleSize) => ToPng(Encode(text), moduleSize);

    public static byte[] ToPng(QrSymbol symbol, int moduleSize = DefaultModuleSize)
    {
        ArgumentNullException.ThrowIfNull(symbol);
        ArgumentOutOfRangeException.ThrowIfLessThan(moduleSize, 1);
        var side = symbol.ModuleCountWithQuietZone * moduleSize;
        return Raster.ToPng(side, side, canvas => QrPainter.Paint(canvas, symbol, 0, 0, moduleSize));
    }

    /// <summary>An SVG of the symbol with a 4-module quiet zone; one path, crisp at any zoom.</summary>
    public static string ToSvg(string text, int moduleSize = DefaultModuleSize) => ToSvg(Encode(text), moduleSize);

    public static string ToSvg(QrSymbol symbol, int moduleSize = DefaultModuleSize)
    {
        ArgumentNullException.ThrowIfNull(symbol);
        ArgumentOutOfRangeException.ThrowIfLessThan(moduleSize, 1);
        var n = symbol.ModuleCountWithQuietZone;
        var svg = new StringBuilder();
        var inv = CultureInfo.InvariantCulture;
        svg.Append(inv, $"<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"{n * moduleSize}\" height=\"{n * moduleSize}\" ")
           .Append(inv, $"viewBox=\"0 0 {n} {n}\" shape-rendering=\"crispEdges\">")
           .Append(inv, $"<rect width=\"{n}\" height=\"{n}\" fill=\"#ffffff\"/><path fill=\"#000000\" d=\"");
        foreach (var (x, y, run) in QrPainter.DarkRuns(symbol))
        {
            svg.Append(inv, $"M{x + QrSymbol.QuietZoneModules},{y + QrSymbol.QuietZoneModules}h{run}v1h-{run}z");
        }

        return svg.Append("\"/></svg>").ToString();
    }

    private static bool IsLatin1(string text)
    {
        foreach (var c in text)
        {
            if (c > '\u00FF')
                return false;
        }

        return true;
    }
}

using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace Permit.Documents.Tests.TestSupport;

internal static class Pdf
{
    /// <summary>The PDF's bytes as Latin-1 text: object dictionaries are plain ASCII even where streams are compressed.</summary>
    public static string Text(byte[] pdf) => Encoding.Latin1.GetString(pdf);

    /// <summary>The first page's size in millimetres, read from its /MediaBox.</summary>
    public static (double Width, double Height) PageSizeMillimetres(byte[] pdf)
    {
        var box = Regex.Match(Text(pdf), @"/MediaBox\s*\[\s*0 0 ([0-9.]+) ([0-9.]+)\s*\]");
        Assert.True(box.Success, "The PDF has no /MediaBox.");
        static double Mm(string points) => double.Parse(points, CultureInfo.InvariantCulture) / 72 * 25.4;
        return (Mm(box.Groups[1].Value), Mm(box.Groups[2].Value));
    }

    /// <summary>"Noto Sans CJK SC" → "notosanscjksc", which is how the PostScript name in the font descriptor starts.</summary>
    public static string FontKey(string familyName) => familyName.Replace(" ", string.Empty, StringComparison.Ordinal).ToLowerInvariant();
}

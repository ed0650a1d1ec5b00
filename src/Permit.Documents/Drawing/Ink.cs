using System.Globalization;
using Permit.Documents.Text;

namespace Permit.Documents.Drawing;

/// <summary>Text drawing shared by the card and the receipt: CJK fonts, justified labels, wrapped values.</summary>
internal static class Ink
{
    private const string ClosingPunctuation = "，。、；：？！）》」』”’…,.;:?!)";

    public static SKFont Font(float size, bool bold = false)
    {
        var typeface = bold ? CjkFonts.Bold : CjkFonts.Regular;
        return new SKFont(typeface, size)
        {
            Embolden = bold && !CjkFonts.HasTrueBold,
            Subpixel = true,
            Edging = SKFontEdging.Antialias,
        };
    }

    public static SKPaint Paint(SKColor color) => new() { Color = color, IsAntialias = true };

    public static void Draw(SKCanvas canvas, string text, float x, float baseline, SKFont font, SKColor color, SKTextAlign align = SKTextAlign.Left)
    {
        using var paint = Paint(color);
        canvas.DrawText(text, x, baseline, align, font, paint);
    }

    /// <summary>Draws one line, shrinking the type (to half size at most) until it fits <paramref name="maxWidth"/>.</summary>
    public static void DrawFitted(
        SKCanvas canvas, string text, float x, float baseline, float maxWidth, float size, bool bold, SKColor color, SKTextAlign align = SKTextAlign.Left)
    {
        using var font = Font(size, bold);
        var width = font.MeasureText(text);
        if (width > maxWidth)
            font.Size = Math.Max(size / 2, size * maxWidth / width);
        Draw(canvas, text, x, baseline, font, color, align);
    }

    /// <summary>
    /// Spreads the characters of a short label evenly over <paramref name="width"/>, as Chinese forms align
    /// "姓　　名" with "公民身份号码": the label column then reads as one straight block.
    /// </summary>
    public static void DrawSpread(SKCanvas canvas, string text, float x, float baseline, float width, SKFont font, SKColor color)
    {
        var characters = TextElements(text);
        if (characters.Count < 2)
        {
            Draw(canvas, text, x, baseline, font, color);
            return;
        }

        var widths = characters.Select(c => font.MeasureText(c)).ToArray();
        var gap = Math.Max(0, (width - widths.Sum()) / (characters.Count - 1));
        using var paint = Paint(color);
        for (var i = 0; i < characters.Count; i++)
        {
            canvas.DrawText(characters[i], x, baseline, SKTextAlign.Left, font, paint);
            x += widths[i] + gap;
        }
    }

    /// <summary>Draws with extra space between characters (codes and numbers meant to be read out or typed).</summary>
    public static float DrawTracked(SKCanvas canvas, string text, float x, float baseline, float tracking, SKFont font, SKColor color)
    {
        using var paint = Paint(color);
        foreach (var c in TextElements(text))
        {
            canvas.DrawText(c, x, baseline, SKTextAlign.Left, font, paint);
            x += font.MeasureText(c) + tracking;
        }

        return x - tracking;
    }

    public static float MeasureTracked(string text, float tracking, SKFont font)
    {
        var characters = TextElements(text);
        return characters.Sum(c => font.MeasureText(c)) + (tracking * Math.Max(0, characters.Count - 1));
    }

    /// <summary>
    /// Draws <paramref name="text"/> in at most <paramref name="maxLines"/> lines of <paramref name="width"/>,
    /// shrinking the type down to <paramref name="minSize"/> before cutting the last line with an ellipsis.
    /// Returns the height used.
    /// </summary>
    public static float DrawWrapped(
        SKCanvas canvas, string text, float x, float top, float width, int maxLines, float size, float minSize, bool bold, SKColor color)
    {
        var lines = new List<string>();
        for (; ; size -= 2)
        {
            using var trial = Font(size, bold);
            lines = Wrap(text, trial, width);
            if (lines.Count <= maxLines || size - 2 < minSize)
                break;
        }

        using var font = Font(size, bold);
        if (lines.Count > maxLines)
        {
            lines = lines.Take(maxLines).ToList();
            lines[^1] = Ellipsize(lines[^1], font, width);
        }

        var lineHeight = size * 1.3f;
        var baseline = top + size;
        foreach (var line in lines)
        {
            Draw(canvas, line, x, baseline, font, color);
            baseline += lineHeight;
        }

        return lines.Count * lineHeight;
    }

    /// <summary>
    /// Breaks between any two characters (Chinese needs no spaces to wrap, and addresses rarely have them), except
    /// that closing punctuation never starts a line: it hangs at the end of the line before, as Chinese typesetting does.
    /// </summary>
    public static List<string> Wrap(string text, SKFont font, float width)
    {
        var lines = new List<string>();
        foreach (var paragraph in text.Split('\n'))
        {
            var line = string.Empty;
            foreach (var c in TextElements(paragraph.TrimEnd('\r')))
            {
                if (line.Length > 0 && font.MeasureText(line + c) > width && !ClosingPunctuation.Contains(c, StringComparison.Ordinal))
                {
                    lines.Add(line);
                    line = c.TrimStart();
                }
                else
                {
                    line += c;
                }
            }

            lines.Add(line);
        }

        return lines;
    }

    public static string ChineseDate(DateOnly date) =>
        string.Create(CultureInfo.InvariantCulture, $"{date.Year}年{date.Month}月{date.Day}日");

    public static string DottedDate(DateOnly date) => date.ToString("yyyy.MM.dd", CultureInfo.InvariantCulture);

    private static string Ellipsize(string line, SKFont font, float width)
    {
        var characters = TextElements(line);
        while (characters.Count > 0 && font.MeasureText(string.Concat(characters) + "…") > width)
            characters.RemoveAt(characters.Count - 1);
        return string.Concat(characters) + "…";
    }

    private static List<string> TextElements(string text)
    {
        var elements = new List<string>();
        var enumerator = StringInfo.GetTextElementEnumerator(text);
        while (enumerator.MoveNext())
            elements.Add(enumerator.GetTextElement());
        return elements;
    }
}

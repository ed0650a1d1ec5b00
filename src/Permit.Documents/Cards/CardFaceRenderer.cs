using Permit.Documents.Qr;

namespace Permit.Documents.Cards;

/// <summary>
/// Draws the printable face of a permit card: ID-1 format (85.60 × 53.98 mm, ISO/IEC 7810), laid out in
/// pixels at 600 dpi so that the PNG feeds a card printer directly and the PDF is the same drawing scaled to points.
/// </summary>
public static class CardFaceRenderer
{
    /// <summary>85.60 mm at 600 dpi.</summary>
    public const int WidthPixels = 2022;

    /// <summary>53.98 mm at 600 dpi.</summary>
    public const int HeightPixels = 1275;

    private const float WidthPoints = 85.60f / 25.4f * 72;
    private const float HeightPoints = 53.98f / 25.4f * 72;

    private const float Margin = 70;
    private const float LabelWidth = 240;
    private const float LabelSize = 40;
    private const float ValueLeft = Margin + LabelWidth + 34;
    private const float ValueRight = 1330;

    private static readonly SKColor Red = new(0xB0, 0x16, 0x1D);
    private static readonly SKColor LabelBlue = new(0x2B, 0x5C, 0x86);
    private static readonly SKColor ValueInk = new(0x14, 0x18, 0x1C);

    /// <summary>The face as a 2022 × 1275 PNG (600 dpi); corners outside the card's 3.18 mm radius are transparent.</summary>
    public static byte[] RenderPng(CardFace face)
    {
        var symbol = Prepare(face);
        return Raster.ToPng(WidthPixels, HeightPixels, canvas =>
        {
            canvas.Clear(SKColors.Transparent);
            Draw(canvas, face, symbol);
        });
    }

    /// <summary>The face as a one-page PDF of exactly card size, text as vector glyphs of the CJK font.</summary>
    public static byte[] RenderPdf(CardFace face)
    {
        var symbol = Prepare(face);
        return Raster.ToPdf(WidthPoints, HeightPoints, WidthPixels, 600, face.Title, canvas => Draw(canvas, face, symbol));
    }

    private static QrSymbol Prepare(CardFace face)
    {
        ArgumentNullException.ThrowIfNull(face);
        if (face.ValidUntil < face.IssueDate)
            throw new ArgumentException("A card cannot expire before it is issued.", nameof(face));
        return QrImage.Encode(face.QrText);
    }

    private static void Draw(SKCanvas canvas, CardFace face, QrSymbol symbol)
    {
        // 75 px is the 3.18 mm corner radius of ID-1 cards.
        using var card = new SKRoundRect(SKRect.Create(WidthPixels, HeightPixels), 75);
        canvas.Save();
        canvas.ClipRoundRect(card, antialias: true);
        CardBackground.Paint(canvas, card.Rect);
        DrawHeader(canvas, face);
        DrawFields(canvas, face);

        // Right column: photo above, QR below, centred on one axis; the QR gets whole-pixel modules (7 px = 0.3 mm).
        var columnCenter = WidthPixels - Margin - 290;
        PhotoPainter.Paint(canvas, face.Photo, SKRect.Create(columnCenter - 165, 232, 330, 405));

        var module = MathF.Floor(560f / symbol.ModuleCountWithQuietZone);
        var side = module * symbol.ModuleCountWithQuietZone;
        QrPainter.Paint(canvas, symbol, MathF.Round(columnCenter - (side / 2)), HeightPixels - 50 - side, module);
        canvas.Restore();
    }

    private static void DrawHeader(SKCanvas canvas, CardFace face)
    {
        using var title = Ink.Font(104, bold: true);
        Ink.DrawTracked(canvas, face.Title, Margin, 152, 10, title, Red);

        using var small = Ink.Font(38);
        var right = WidthPixels - Margin;
        if (face.Province is not null)
            Ink.Draw(canvas, "中华人民共和国", right, 104, small, LabelBlue, SKTextAlign.Right);
        using var latin = Ink.Font(34, bold: true);
        Ink.Draw(canvas, "RESIDENCE PERMIT", right, 154, latin, LabelBlue, SKTextAlign.Right);

        using var rule = Ink.Paint(Red);
        canvas.DrawRect(Margin, 190, WidthPixels - (2 * Margin), 5, rule);
    }

    private static void DrawFields(SKCanvas canvas, CardFace face)
    {
        using var label = Ink.Font(LabelSize);
        using var value = Ink.Font(54);
        using var number = Ink.Font(56, bold: true);

        var y = 305f;
        Label(canvas, "姓名", y, label);
        Ink.DrawFitted(canvas, face.Name, ValueLeft, y + 6, ValueRight - ValueLeft, 68, bold: true, ValueInk);

        y += 112;
        Label(canvas, "性别", y, label);
        Ink.Draw(canvas, face.Sex.Chinese(), ValueLeft, y, value, ValueInk);
        Ink.DrawSpread(canvas, "民族", ValueLeft + 230, y, 90, label, LabelBlue);
        Ink.Draw(canvas, EthnicGroups.NameOf(face.EthnicGroupCode), ValueLeft + 360, y, value, ValueInk);

        y += 100;
        Label(canvas, "出生", y, label);
        Ink.Draw(canvas, Ink.ChineseDate(face.BirthDate), ValueLeft, y, value, ValueInk);

        y += 100;
        Label(canvas, "公民身份号码", y, label);
        Ink.DrawTracked(canvas, face.IdNumber, ValueLeft, y + 2, 6, number, ValueInk);

        y += 100;
        Label(canvas, "居住地址", y, label);
        y += Ink.DrawWrapped(canvas, face.ResidenceAddress, ValueLeft, y - 46, ValueRight - ValueLeft, 3, 50, 36, false, ValueInk) - 10;

        y += 56;
        Label(canvas, "签发机关", y, label);
        y += Ink.DrawWrapped(canvas, face.IssuingAuthority, ValueLeft, y - 46, ValueRight - ValueLeft, 2, 50, 36, false, ValueInk) - 10;

        y += 56;
        Label(canvas, "有效期限", y, label);
        Ink.Draw(canvas, $"{Ink.DottedDate(face.IssueDate)}-{Ink.DottedDate(face.ValidUntil)}", ValueLeft, y, value, ValueInk);

        y += 100;
        Label(canvas, "证号", y, label);
        Ink.DrawTracked(canvas, face.PermitNumber, ValueLeft, y, 3, value, ValueInk);
        Ink.DrawSpread(canvas, "卡序号", ValueRight - 230, y, 120, label, LabelBlue);
        Ink.Draw(canvas, face.CardSequence.ToString("00", System.Globalization.CultureInfo.InvariantCulture), ValueRight, y, value, ValueInk, SKTextAlign.Right);
    }

    /// <summary>Labels of up to four characters share a four-character width; only 公民身份号码 runs longer.</summary>
    private static void Label(SKCanvas canvas, string text, float baseline, SKFont font) =>
        Ink.DrawSpread(canvas, text, Margin, baseline, Math.Max(4, text.Length) * LabelSize, font, LabelBlue);
}

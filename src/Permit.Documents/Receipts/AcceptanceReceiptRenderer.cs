namespace Permit.Documents.Receipts;

/// <summary>
/// Draws the acceptance receipt (受理回执) on A4 the way the issuance receipt and the settlement notice are drawn
/// (layout in pixels at 150 dpi; the PDF is that drawing scaled to points). The ID number is masked.
/// </summary>
public static class AcceptanceReceiptRenderer
{
    private const int WidthPixels = 1240;
    private const int HeightPixels = 1754;
    private const float WidthPoints = 210f / 25.4f * 72;
    private const float HeightPoints = 297f / 25.4f * 72;
    private const float Margin = 118;

    private static readonly SKColor Red = new(0xB0, 0x16, 0x1D);
    private static readonly SKColor Ink1 = new(0x14, 0x18, 0x1C);
    private static readonly SKColor Muted = new(0x5A, 0x64, 0x6E);

    public static byte[] RenderPdf(AcceptanceReceipt receipt)
    {
        ArgumentNullException.ThrowIfNull(receipt);
        return Raster.ToPdf(WidthPoints, HeightPoints, WidthPixels, 300, AcceptanceReceipt.Title, canvas => Draw(canvas, receipt));
    }

    private static void Draw(SKCanvas canvas, AcceptanceReceipt receipt)
    {
        canvas.Clear(SKColors.White);
        using var title = Ink.Font(56, bold: true);
        Ink.Draw(canvas, AcceptanceReceipt.Title, WidthPixels / 2f, 180, title, Red, SKTextAlign.Center);
        using var red = Ink.Paint(Red);
        canvas.DrawRect(Margin, 220, WidthPixels - (2 * Margin), 4, red);

        using var body = Ink.Font(30);
        var y = 300f;
        Ink.Draw(canvas, $"{receipt.ApplicantName}（公民身份号码 {IdNumberMask.Mask(receipt.IdNumber)}）：", Margin, y, body, Ink1);
        y += 70;
        var text = $"你的居住证申请（编号 {receipt.Reference}）已于{Ink.ChineseDate(receipt.AcceptedOn)}受理。" +
            $"公安机关将在{Ink.ChineseDate(receipt.DueDate)}前作出决定；准予签发的，凭本回执和居民身份证领取居住证。";
        y += Ink.DrawWrapped(canvas, text, Margin, y - 30, WidthPixels - (2 * Margin), 8, 30, 24, bold: false, Ink1) + 40;
        Ink.Draw(canvas, "已收材料：", Margin, y, body, Ink1);
        y += 50;
        foreach (var document in receipt.Documents)
        {
            Ink.Draw(canvas, "· " + document, Margin + 40, y, body, Ink1);
            y += 48;
        }
        Ink.Draw(canvas, receipt.IssuingAuthority, WidthPixels - Margin, y + 120, body, Ink1, SKTextAlign.Right);
        Ink.Draw(canvas, Ink.ChineseDate(receipt.AcceptedOn), WidthPixels - Margin, y + 175, body, Ink1, SKTextAlign.Right);
        using var small = Ink.Font(26);
        Ink.Draw(canvas, "本回执不是居住证，不能作为居住证使用。请妥善保管。", Margin, HeightPixels - 120, small, Muted);
    }
}

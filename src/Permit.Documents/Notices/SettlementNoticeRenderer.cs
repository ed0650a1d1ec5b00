using Permit.Documents.Receipts;

namespace Permit.Documents.Notices;

/// <summary>
/// Draws the settlement notice letter in Chinese on A4, the same way the issuance receipt is drawn (layout in pixels at
/// 150 dpi; the PDF is that drawing scaled to points). The ID number is masked, as on the receipt.
/// </summary>
public static class SettlementNoticeRenderer
{
    private const int WidthPixels = 1240;
    private const int HeightPixels = 1754;
    private const float WidthPoints = 210f / 25.4f * 72;
    private const float HeightPoints = 297f / 25.4f * 72;
    private const float Margin = 118;

    private static readonly SKColor Red = new(0xB0, 0x16, 0x1D);
    private static readonly SKColor Ink1 = new(0x14, 0x18, 0x1C);
    private static readonly SKColor Muted = new(0x5A, 0x64, 0x6E);

    public const string Title = "准予落户通知书";

    public static byte[] RenderPdf(SettlementNotice notice)
    {
        ArgumentNullException.ThrowIfNull(notice);
        return Raster.ToPdf(WidthPoints, HeightPoints, WidthPixels, 300, Title, canvas => Draw(canvas, notice));
    }

    private static void Draw(SKCanvas canvas, SettlementNotice notice)
    {
        canvas.Clear(SKColors.White);
        using var title = Ink.Font(56, bold: true);
        Ink.Draw(canvas, Title, WidthPixels / 2f, 180, title, Red, SKTextAlign.Center);
        using var red = Ink.Paint(Red);
        canvas.DrawRect(Margin, 220, WidthPixels - (2 * Margin), 4, red);

        using var body = Ink.Font(30);
        var y = 300f;
        Ink.Draw(canvas, $"{notice.ApplicantName}（公民身份号码 {IdNumberMask.Mask(notice.IdNumber)}）：", Margin, y, body, Ink1);
        y += 70;
        var text = $"经审核，你（{notice.Route}，编号 {notice.Reference}）符合本区落户条件，准予在本区登记常住户口。" +
            "你的居住证自即日起因取得本地常住户口而注销，居住证卡片同时作废，请勿再使用。请持本通知书、居民身份证和户口簿到户籍窗口办理落户手续。";
        y += Ink.DrawWrapped(canvas, text, Margin, y - 30, WidthPixels - (2 * Margin), 8, 30, 24, bold: false, Ink1) + 40;
        if (notice.Members.Count > 0)
        {
            Ink.Draw(canvas, "随迁家庭成员：", Margin, y, body, Ink1);
            y += 50;
            foreach (var member in notice.Members)
            {
                Ink.Draw(canvas, member, Margin + 40, y, body, Ink1);
                y += 48;
            }
            y += 20;
        }
        if (notice.PermitsEnded.Count > 0)
        {
            Ink.Draw(canvas, "注销的居住证：" + string.Join("、", notice.PermitsEnded), Margin, y, body, Ink1);
            y += 70;
        }
        using var small = Ink.Font(26);
        Ink.Draw(canvas, notice.Authority, WidthPixels - Margin, y + 120, body, Ink1, SKTextAlign.Right);
        Ink.Draw(canvas, Ink.ChineseDate(notice.DecidedOn), WidthPixels - Margin, y + 175, body, Ink1, SKTextAlign.Right);
        Ink.Draw(canvas, "本通知书一式两份，一份交申请人，一份存档。", Margin, HeightPixels - 120, small, Muted);
    }
}

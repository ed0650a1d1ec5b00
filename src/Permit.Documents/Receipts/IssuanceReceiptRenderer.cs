using Permit.Documents.Qr;

namespace Permit.Documents.Receipts;

/// <summary>
/// Draws the issuance receipt on A4 (210 × 297 mm). Layout units are pixels at 150 dpi, which is the PNG's
/// resolution; the PDF is the same drawing scaled to points.
/// </summary>
public static class IssuanceReceiptRenderer
{
    /// <summary>210 mm at 150 dpi.</summary>
    public const int WidthPixels = 1240;

    /// <summary>297 mm at 150 dpi.</summary>
    public const int HeightPixels = 1754;

    private const float WidthPoints = 210f / 25.4f * 72;
    private const float HeightPoints = 297f / 25.4f * 72;
    private const float Margin = 118;
    private const float Right = WidthPixels - Margin;

    private static readonly SKColor Red = new(0xB0, 0x16, 0x1D);
    private static readonly SKColor Heading = new(0x1F, 0x3A, 0x5A);
    private static readonly SKColor Ink1 = new(0x14, 0x18, 0x1C);
    private static readonly SKColor Muted = new(0x5A, 0x64, 0x6E);
    private static readonly SKColor Rule = new(0xC8, 0xD0, 0xD8);

    private static readonly string[] Instructions =
    [
        "请于领证截止日期前，持本回执和本人居民身份证到受理点或自助终端领取居住证。",
        "在自助终端选择“激活居住证”，扫描本回执上的二维码，输入自助激活码，按提示完成激活。",
        "自助激活码只能使用一次，仅限本人使用。请妥善保管，切勿告知他人；工作人员不会向您索要激活码。",
        "激活后，可用手机出示电子居住证二维码，供办事机构离线核验。",
        "逾期未领取或回执遗失的，请携带本人居民身份证到原受理点办理。",
    ];

    public static byte[] RenderPng(IssuanceReceipt receipt)
    {
        var symbol = Prepare(receipt);
        return Raster.ToPng(WidthPixels, HeightPixels, canvas => Draw(canvas, receipt, symbol));
    }

    public static byte[] RenderPdf(IssuanceReceipt receipt)
    {
        var symbol = Prepare(receipt);
        return Raster.ToPdf(WidthPoints, HeightPoints, WidthPixels, 300, receipt.Title, canvas => Draw(canvas, receipt, symbol));
    }

    private static QrSymbol Prepare(IssuanceReceipt receipt)
    {
        ArgumentNullException.ThrowIfNull(receipt);
        if (receipt.IssuedOn < receipt.AcceptedOn)
            throw new ArgumentException("A permit cannot be issued before its application was accepted.", nameof(receipt));
        if (receipt.DueDate < receipt.IssuedOn)
            throw new ArgumentException("The collection due date cannot precede the issue date.", nameof(receipt));
        return QrImage.Encode(receipt.QrText);
    }

    private static void Draw(SKCanvas canvas, IssuanceReceipt receipt, QrSymbol symbol)
    {
        canvas.Clear(SKColors.White);
        DrawTitle(canvas, receipt);
        var y = DrawDetails(canvas, receipt, 296, receipt.Photo is { Length: > 0 } ? PhotoWidth + 24 : 0);
        if (receipt.Photo is { Length: > 0 } photo)
            PhotoPainter.Paint(canvas, photo, SKRect.Create(Right - PhotoWidth, 296, PhotoWidth, PhotoWidth * 441f / 358f));
        y = DrawActivationCode(canvas, receipt.ActivationCode, y + 40);
        DrawInstructionsAndQr(canvas, symbol, y + 46);
        DrawFooter(canvas, receipt);
    }

    private static void DrawTitle(SKCanvas canvas, IssuanceReceipt receipt)
    {
        using var title = Ink.Font(56, bold: true);
        Ink.Draw(canvas, receipt.Title, WidthPixels / 2f, 180, title, Heading, SKTextAlign.Center);
        using var subtitle = Ink.Font(24);
        Ink.Draw(canvas, "RESIDENCE PERMIT ISSUANCE RECEIPT", WidthPixels / 2f, 224, subtitle, Muted, SKTextAlign.Center);

        using var red = Ink.Paint(Red);
        canvas.DrawRect(Margin, 250, Right - Margin, 4, red);
        canvas.DrawRect(Margin, 258, Right - Margin, 1.5f, red);
    }

    /// <summary>The holder's photo beside the details, 358:441 like the card's (about 47 × 58 mm).</summary>
    private const float PhotoWidth = 280;

    private static float DrawDetails(SKCanvas canvas, IssuanceReceipt receipt, float top, float photoSpace)
    {
        var right = Right - photoSpace;
        (string Label, string Value)[] rows =
        [
            ("申请人姓名", receipt.ApplicantName),
            ("公民身份号码", IdNumberMask.Mask(receipt.IdNumber)),
            ("居住证号码", receipt.PermitNumber),
            ("受理日期", Ink.ChineseDate(receipt.AcceptedOn)),
            ("签发日期", Ink.ChineseDate(receipt.IssuedOn)),
            ("领证截止日期", Ink.ChineseDate(receipt.DueDate)),
            ("签发机关", receipt.IssuingAuthority),
        ];

        const float rowHeight = 62;
        const float labelWidth = 270;
        using var shade = Ink.Paint(new SKColor(0xF1, 0xF4, 0xF8));
        using var line = new SKPaint { Color = Rule, IsStroke = true, StrokeWidth = 1.5f };
        using var label = Ink.Font(28);

        var y = top;
        for (var i = 0; i < rows.Length; i++)
        {
            canvas.DrawRect(Margin, y, labelWidth, rowHeight, shade);
            canvas.DrawLine(Margin, y, right, y, line);
            Ink.DrawSpread(canvas, rows[i].Label, Margin + 24, y + 41, labelWidth - 48, label, Heading);
            // Name and permit number are what the counter clerk and the applicant check first.
            Ink.DrawFitted(canvas, rows[i].Value, Margin + labelWidth + 28, y + 42, right - Margin - labelWidth - 56, 32, bold: i is 0 or 2, Ink1);
            y += rowHeight;
        }

        canvas.DrawLine(Margin, y, right, y, line);
        canvas.DrawLine(Margin + labelWidth, top, Margin + labelWidth, y, line);
        canvas.DrawRect(Margin, top, right - Margin, y - top, line);
        return y;
    }

    private static float DrawActivationCode(SKCanvas canvas, string? activationCode, float top)
    {
        const float height = 240;
        using var box = new SKRoundRect(new SKRect(Margin, top, Right, top + height), 16);
        using var fill = Ink.Paint(new SKColor(0xFF, 0xF7, 0xE0));
        using var border = new SKPaint { Color = new SKColor(0xD9, 0x9A, 0x00), IsStroke = true, StrokeWidth = 3, IsAntialias = true };
        canvas.DrawRoundRect(box, fill);
        canvas.DrawRoundRect(box, border);

        using var label = Ink.Font(30, bold: true);
        Ink.Draw(canvas, activationCode is null ? "自助服务账户" : "自助激活码（一次性）", Margin + 30, top + 52, label, Heading);

        // A reprint after the holder activated their account: there is no code left to give.
        var code = activationCode ?? "已激活";

        // Large, widely spaced characters: the applicant types them at a terminal, often reading aloud.
        using var big = Ink.Font(110, bold: true);
        var tracking = 24f;
        while (Ink.MeasureTracked(code, tracking, big) > Right - Margin - 60 && big.Size > 40)
        {
            big.Size -= 6;
            tracking = big.Size / 5;
        }

        var width = Ink.MeasureTracked(code, tracking, big);
        Ink.DrawTracked(canvas, code, (WidthPixels - width) / 2, top + 165, tracking, big, Ink1);

        using var warning = Ink.Font(24);
        Ink.Draw(canvas, activationCode is null ? "请使用您设置的用户名和密码登录。" : "仅限本人使用一次，请勿拍照外传或告知他人。",
            WidthPixels / 2f, top + 214, warning, Red, SKTextAlign.Center);
        return top + height;
    }

    private static void DrawInstructionsAndQr(SKCanvas canvas, QrSymbol symbol, float top)
    {
        // 4 px at 150 dpi is a 0.68 mm module: a phone reads it from arm's length, and the instructions keep their width.
        var module = MathF.Max(2, MathF.Min(4, MathF.Floor(330f / symbol.ModuleCountWithQuietZone)));
        var side = module * symbol.ModuleCountWithQuietZone;
        var qrLeft = Right - side;
        QrPainter.Paint(canvas, symbol, qrLeft, top, module);
        using var caption = Ink.Font(26);
        Ink.Draw(canvas, "电子居住证二维码", qrLeft + (side / 2), top + side + 40, caption, Heading, SKTextAlign.Center);

        using var heading = Ink.Font(34, bold: true);
        Ink.Draw(canvas, "办理须知", Margin, top + 36, heading, Heading);
        using var number = Ink.Font(26, bold: true);
        var y = top + 66;
        var textWidth = qrLeft - Margin - 36 - 40;
        for (var i = 0; i < Instructions.Length; i++)
        {
            Ink.Draw(canvas, $"{i + 1}.", Margin, y + 26, number, Heading);
            y += Ink.DrawWrapped(canvas, Instructions[i], Margin + 36, y, textWidth, 4, 26, 22, false, Ink1) + 12;
        }
    }

    private static void DrawFooter(SKCanvas canvas, IssuanceReceipt receipt)
    {
        using var line = Ink.Paint(Rule);
        canvas.DrawRect(Margin, HeightPixels - 130, Right - Margin, 1.5f, line);
        using var small = Ink.Font(22);
        var permit = $"居住证号码 {receipt.PermitNumber}";
        Ink.Draw(canvas, permit, Right, HeightPixels - 94, small, Muted, SKTextAlign.Right);
        var room = Right - Margin - small.MeasureText(permit) - 40;
        Ink.DrawFitted(canvas, $"本回执由{receipt.IssuingAuthority}出具，请妥善保管至领取居住证。", Margin, HeightPixels - 94, room, 22, bold: false, Muted);
    }
}

namespace Permit.Documents.Tests.Receipts;

public sealed class IssuanceReceiptRendererTests
{
    [Fact]
    public void The_png_is_A4_at_150_dpi_and_its_QR_reads_back_as_the_credential()
    {
        var receipt = Samples.Receipt();

        var png = IssuanceReceiptRenderer.RenderPng(receipt);
        Samples.Keep("receipt.png", png);

        var info = Samples.ImageInfo(png);
        Assert.Equal((1240, 1754), (info.Width, info.Height));
        Assert.Equal(receipt.QrText, QrReader.ReadImage(png).Text);
    }

    [Fact]
    public void The_pdf_is_an_A4_page_with_the_CJK_font()
    {
        var pdf = IssuanceReceiptRenderer.RenderPdf(Samples.Receipt());
        Samples.Keep("receipt.pdf", pdf);

        var text = Pdf.Text(pdf);
        Assert.StartsWith("%PDF-", text, StringComparison.Ordinal);
        var (width, height) = Pdf.PageSizeMillimetres(pdf);
        Assert.Equal(210, width, 0.1);
        Assert.Equal(297, height, 0.1);
        Assert.Contains(Pdf.FontKey(CjkFonts.Regular.FamilyName), text.ToLowerInvariant(), StringComparison.Ordinal);
    }

    [Fact]
    public void A_long_activation_code_still_fits_the_page()
    {
        var receipt = Samples.Receipt() with { ActivationCode = "ABCD-EFGH-JKLM-N" };

        var png = IssuanceReceiptRenderer.RenderPng(receipt);
        Samples.Keep("receipt-long-code.png", png);

        Assert.Equal(receipt.QrText, QrReader.ReadImage(png).Text);
    }

    [Fact]
    public void A_long_name_and_authority_still_render_with_a_readable_QR()
    {
        var receipt = Samples.Receipt() with
        {
            ApplicantName = "阿卜杜热西提·买买提依明·阿卜杜热西提",
            IssuingAuthority = string.Concat(Enumerable.Repeat("宁波市公安局北仑分局", 3)),
        };

        var png = IssuanceReceiptRenderer.RenderPng(receipt);
        Samples.Keep("receipt-long-fields.png", png);

        Assert.Equal(receipt.QrText, QrReader.ReadImage(png).Text);
    }

    [Fact]
    public void A_reprint_for_an_already_activated_account_renders_without_a_code()
    {
        var receipt = Samples.Receipt() with { ActivationCode = null };

        var png = IssuanceReceiptRenderer.RenderPng(receipt);

        Assert.Equal(receipt.QrText, QrReader.ReadImage(png).Text);
    }

    [Fact]
    public void Dates_out_of_order_are_refused()
    {
        Assert.Throws<ArgumentException>(() => IssuanceReceiptRenderer.RenderPdf(Samples.Receipt() with { IssuedOn = new DateOnly(2026, 11, 1) }));
        Assert.Throws<ArgumentException>(() => IssuanceReceiptRenderer.RenderPdf(Samples.Receipt() with { DueDate = new DateOnly(2026, 11, 20) }));
    }

    [Fact]
    public void An_activation_code_is_never_blank_and_short_enough_to_type()
    {
        Assert.Throws<ArgumentException>(() => Samples.Receipt() with { ActivationCode = " " });
        Assert.Throws<ArgumentException>(() => Samples.Receipt() with { ActivationCode = new string('7', IssuanceReceipt.MaxActivationCodeLength + 1) });
    }
}

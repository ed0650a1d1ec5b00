namespace Permit.Documents.Tests.Cards;

public sealed class CardFaceRendererTests
{
    [Fact]
    public void The_png_is_an_ID_1_card_at_600_dpi()
    {
        var png = CardFaceRenderer.RenderPng(Samples.CardFace(Samples.PhotoJpeg()));
        Samples.Keep("card-face.png", png);

        var info = Samples.ImageInfo(png);
        Assert.Equal(2022, info.Width); // 85.60 mm
        Assert.Equal(1275, info.Height); // 53.98 mm
        Assert.Equal(85.60 / 53.98, (double)info.Width / info.Height, 2);
    }

    [Fact]
    public void The_QR_printed_on_the_face_reads_back_as_the_credential()
    {
        var face = Samples.CardFace();

        var result = QrReader.ReadImage(CardFaceRenderer.RenderPng(face));

        Assert.Equal(face.QrText, result.Text);
    }

    [Fact]
    public void The_longest_address_and_authority_the_chip_holds_still_leave_the_QR_readable()
    {
        // EF.PERMIT allows 210 bytes of address and 90 of authority: 70 and 30 Chinese characters.
        var face = Samples.CardFace() with
        {
            Name = "阿卜杜热西提·买买提依明",
            ResidenceAddress = string.Concat(Enumerable.Repeat("浙江省宁波市北仑区新碶街道明州路", 5)).Substring(0, 70),
            IssuingAuthority = string.Concat(Enumerable.Repeat("宁波市公安局北仑分局", 3)),
        };

        var png = CardFaceRenderer.RenderPng(face);
        Samples.Keep("card-face-long-fields.png", png);

        Assert.Equal(face.QrText, QrReader.ReadImage(png).Text);
    }

    [Fact]
    public void The_holders_photo_is_printed_in_the_photo_box()
    {
        var png = CardFaceRenderer.RenderPng(Samples.CardFace(Samples.PhotoJpeg()));

        // Near the top of the photo box the stand-in photo's blue background shows.
        var pixel = Samples.PixelAt(png, 1540, 250);
        Assert.InRange(pixel.Blue, 0xC0, 0xF0);
        Assert.InRange(pixel.Red, 0x50, 0x90);
    }

    [Fact]
    public void A_phone_photo_is_printed_upright_as_its_EXIF_orientation_says()
    {
        var png = CardFaceRenderer.RenderPng(Samples.CardFace(Samples.SidewaysPhoneJpeg()));
        Samples.Keep("card-face-exif-photo.png", png);

        var left = Samples.PixelAt(png, 1560, 434);
        var right = Samples.PixelAt(png, 1760, 434);
        Assert.True(left.Blue > 0xC0 && left.Red < 0x60, $"left half of the photo should be blue, was {left}");
        Assert.True(right.Red > 0xC0 && right.Blue < 0x60, $"right half of the photo should be red, was {right}");
    }

    [Fact]
    public void Without_a_photo_or_with_an_unreadable_one_a_silhouette_is_printed()
    {
        var withoutPhoto = CardFaceRenderer.RenderPng(Samples.CardFace());
        var withBrokenPhoto = CardFaceRenderer.RenderPng(Samples.CardFace([0xFF, 0xD8, 0xFF, 0x00, 0x01]));
        Samples.Keep("card-face-no-photo.png", withoutPhoto);

        Assert.Equal(Samples.PixelAt(withoutPhoto, 1662, 400), Samples.PixelAt(withBrokenPhoto, 1662, 400));
        Assert.Equal(0xB4, Samples.PixelAt(withoutPhoto, 1662, 400).Red); // the silhouette's head
    }

    [Fact]
    public void The_pdf_is_card_sized_and_embeds_the_CJK_font()
    {
        var pdf = CardFaceRenderer.RenderPdf(Samples.CardFace(Samples.PhotoJpeg()));
        Samples.Keep("card-face.pdf", pdf);

        var text = Pdf.Text(pdf);
        Assert.StartsWith("%PDF-", text, StringComparison.Ordinal);
        var (width, height) = Pdf.PageSizeMillimetres(pdf);
        Assert.Equal(85.60, width, 0.05);
        Assert.Equal(53.98, height, 0.05);
        Assert.Contains("/FontName /", text, StringComparison.Ordinal);
        Assert.Contains(Pdf.FontKey(CjkFonts.Regular.FamilyName), text.ToLowerInvariant(), StringComparison.Ordinal);
    }

    [Fact]
    public void The_national_title_is_used_when_no_province_is_given()
    {
        Assert.Equal("浙江省居住证", Samples.CardFace().Title);
        Assert.Equal("中华人民共和国居住证", (Samples.CardFace() with { Province = null }).Title);
    }

    [Fact]
    public void A_card_that_expires_before_it_is_issued_is_refused()
    {
        var face = Samples.CardFace() with { ValidUntil = new DateOnly(2026, 11, 1) };

        Assert.Throws<ArgumentException>(() => CardFaceRenderer.RenderPng(face));
    }

    [Fact]
    public void Malformed_fields_cannot_be_put_on_a_card()
    {
        Assert.Throws<ArgumentException>(() => Samples.CardFace() with { IdNumber = "33010619900512" });
        Assert.Throws<ArgumentException>(() => Samples.CardFace() with { Name = "  " });
        Assert.Throws<ArgumentOutOfRangeException>(() => Samples.CardFace() with { CardSequence = 0 });
    }

    [Theory]
    [InlineData("01", "汉")]
    [InlineData("08", "壮")]
    [InlineData("56", "基诺")]
    [InlineData("97", "其他")]
    [InlineData("77", "77")]
    public void Ethnic_group_codes_print_as_their_names(string code, string printed)
    {
        Assert.Equal(printed, EthnicGroups.NameOf(code));
    }
}

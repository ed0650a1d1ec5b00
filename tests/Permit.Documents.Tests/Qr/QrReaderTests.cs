namespace Permit.Documents.Tests.Qr;

public sealed class QrReaderTests
{
    [Fact]
    public void A_QR_photographed_at_an_angle_and_saved_as_JPEG_is_read_from_the_file()
    {
        var text = Samples.CredentialText();
        var qr = SKBitmap.Decode(QrImage.ToPng(text, moduleSize: 6));

        // A phone snapshot: grey desk, the code tilted 8 degrees, lossy JPEG.
        using var photo = new SKBitmap(900, 800);
        using (var canvas = new SKCanvas(photo))
        {
            canvas.Clear(new SKColor(0x8A, 0x86, 0x80));
            canvas.Translate(450, 400);
            canvas.RotateDegrees(8);
            canvas.DrawBitmap(qr, -qr.Width / 2f, -qr.Height / 2f);
        }

        using var jpeg = SKImage.FromBitmap(photo).Encode(SKEncodedImageFormat.Jpeg, 75);
        var path = Samples.Keep("qr-photo.jpg", jpeg.ToArray());

        var result = QrReader.ReadImageFile(path);

        Assert.Equal(QrReadOutcome.Decoded, result.Outcome);
        Assert.Equal(text, result.Text);
    }

    [Fact]
    public void An_image_without_a_QR_says_none_was_found()
    {
        using var bitmap = new SKBitmap(400, 300);
        using (var canvas = new SKCanvas(bitmap))
        {
            canvas.Clear(SKColors.LightSteelBlue);
            using var paint = new SKPaint { Color = SKColors.DarkBlue };
            canvas.DrawCircle(200, 150, 80, paint);
        }

        using var png = SKImage.FromBitmap(bitmap).Encode(SKEncodedImageFormat.Png, 100);

        var result = QrReader.ReadImage(png.ToArray());

        Assert.Equal(QrReadOutcome.NoQrFound, result.Outcome);
        Assert.Null(result.Text);
        Assert.Contains("No QR code", result.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_file_that_is_not_an_image_is_reported_not_thrown()
    {
        var bytes = new byte[4096];
        new Random(7).NextBytes(bytes);
        var path = Samples.Keep("not-an-image.png", bytes);

        var result = QrReader.ReadImageFile(path);

        Assert.Equal(QrReadOutcome.NotAnImage, result.Outcome);
        Assert.False(result.IsDecoded);
    }

    [Fact]
    public void A_truncated_png_is_reported_not_thrown()
    {
        var png = QrImage.ToPng(Samples.CredentialText());

        var result = QrReader.ReadImage(png.AsSpan(0, png.Length / 3));

        Assert.False(result.IsDecoded);
    }

    [Fact]
    public void An_empty_file_is_not_an_image()
    {
        Assert.Equal(QrReadOutcome.NotAnImage, QrReader.ReadImage([]).Outcome);
    }

    [Fact]
    public void A_missing_file_throws_file_not_found()
    {
        Assert.Throws<FileNotFoundException>(() => QrReader.ReadImageFile(Path.Combine(Path.GetTempPath(), "no-such-qr-8c1e.png")));
    }

    [Fact]
    public void Pasted_text_is_trimmed_and_otherwise_taken_as_is()
    {
        var result = QrReader.ReadPastedText("  RP1:NCF OA.6K 1%\r\n");

        Assert.Equal(QrReadOutcome.Decoded, result.Outcome);
        Assert.Equal("RP1:NCF OA.6K 1%", result.Text);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData(" \t\r\n")]
    public void Pasting_nothing_is_reported_as_empty(string? pasted)
    {
        Assert.Equal(QrReadOutcome.Empty, QrReader.ReadPastedText(pasted).Outcome);
    }
}

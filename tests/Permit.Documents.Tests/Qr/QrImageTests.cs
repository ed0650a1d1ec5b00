using System.Xml.Linq;
using ZXing;
using ZXing.QrCode.Internal;

namespace Permit.Documents.Tests.Qr;

public sealed class QrImageTests
{
    [Fact]
    public void A_credential_text_comes_back_exactly_from_the_png()
    {
        var text = Samples.CredentialText();
        Assert.Equal(304, text.Length);

        var png = QrImage.ToPng(text);
        Samples.Keep("qr.png", png);

        Assert.Equal(text, ZXingProbe.Decode(png).Text);
        Assert.Equal(text, QrReader.ReadImage(png).Text);
    }

    [Fact]
    public void A_credential_text_is_packed_in_alphanumeric_mode_at_level_Q_in_version_13()
    {
        var text = Samples.CredentialText();
        const int moduleSize = 4;

        var symbol = QrImage.Encode(text);
        var decoded = ZXingProbe.Decode(QrImage.ToPng(symbol, moduleSize));

        // Read back from the picture, not from the encoder's word: the symbol's width gives the version,
        // the first codeword's high nibble the mode, and the number of data codewords proves level Q.
        var modules = (int)Samples.ImageInfo(QrImage.ToPng(symbol, moduleSize)).Width / moduleSize - (2 * QrSymbol.QuietZoneModules);
        var version = (modules - 17) / 4;
        Assert.Equal(13, version); // 304 alphanumeric characters fit 13-Q (331); in byte mode they would need 18-Q
        Assert.Equal(symbol.Version, version);
        Assert.Equal(QrEncodingMode.Alphanumeric, symbol.Mode);
        Assert.Equal(2, ZXingProbe.FirstModeIndicator(decoded));
        Assert.Equal(ZXingProbe.DataCodewords(13, ErrorCorrectionLevel.Q), decoded.RawBytes.Length);
        Assert.Equal("Q", decoded.ResultMetadata[ResultMetadataType.ERROR_CORRECTION_LEVEL]);
        Assert.Equal('Q', symbol.ErrorCorrectionLevel);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(3)]
    [InlineData(10)]
    public void The_png_has_a_four_module_quiet_zone_at_the_chosen_module_size(int moduleSize)
    {
        var symbol = QrImage.Encode("RP1:HELLO");
        var png = QrImage.ToPng(symbol, moduleSize);

        var info = Samples.ImageInfo(png);
        Assert.Equal((symbol.ModuleCount + 8) * moduleSize, info.Width);
        Assert.Equal(info.Width, info.Height);
        // The last quiet-zone pixel is white and the first module (a finder pattern corner) is black.
        Assert.Equal(255, Samples.PixelAt(png, (4 * moduleSize) - 1, (4 * moduleSize) - 1).Red);
        Assert.Equal(0, Samples.PixelAt(png, 4 * moduleSize, 4 * moduleSize).Red);
    }

    [Fact]
    public void The_svg_is_well_formed_and_sized_by_module_count_and_quiet_zone()
    {
        var symbol = QrImage.Encode(Samples.CredentialText());

        var svg = QrImage.ToSvg(symbol, moduleSize: 5);
        Samples.Keep("qr.svg", System.Text.Encoding.UTF8.GetBytes(svg));

        var root = XDocument.Parse(svg).Root!;
        var side = symbol.ModuleCount + 8;
        Assert.Equal((side * 5).ToString(System.Globalization.CultureInfo.InvariantCulture), root.Attribute("width")!.Value);
        Assert.Equal($"0 0 {side} {side}", root.Attribute("viewBox")!.Value);
        Assert.StartsWith("M4,4h7v1h-7z", root.Elements().Last().Attribute("d")!.Value, StringComparison.Ordinal); // the top-left finder pattern's first row
    }

    [Fact]
    public void Chinese_text_round_trips_in_byte_mode()
    {
        const string text = "居住证 张晓梅";

        var symbol = QrImage.Encode(text);

        Assert.NotEqual(QrEncodingMode.Alphanumeric, symbol.Mode);
        Assert.Equal(text, QrReader.ReadImage(QrImage.ToPng(symbol)).Text);
    }

    [Fact]
    public void An_empty_text_is_refused()
    {
        Assert.Throws<ArgumentException>(() => QrImage.Encode(string.Empty));
        Assert.Throws<ArgumentNullException>(() => QrImage.ToPng((string)null!));
    }

    [Fact]
    public void A_text_too_long_for_any_QR_is_refused_with_its_length()
    {
        var text = "RP1:" + new string('A', 2500);

        var error = Assert.Throws<QrCapacityExceededException>(() => QrImage.ToPng(text));

        Assert.Equal(2504, error.TextLength);
        Assert.Contains("does not fit", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_module_size_below_one_pixel_is_refused()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => QrImage.ToPng("RP1:HELLO", 0));
    }
}

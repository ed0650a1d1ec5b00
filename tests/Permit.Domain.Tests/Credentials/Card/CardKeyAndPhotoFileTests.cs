using System.Security.Cryptography;
using Permit.Domain.Credentials.Card;

namespace Permit.Domain.Tests.Credentials.Card;

public class CardKeyAndPhotoFileTests
{
    [Fact]
    public void The_test_chip_key_is_written_as_7F49_with_an_uncompressed_point()
    {
        using var chip = TestKeys.Load(TestKeys.ChipPem);

        var file = ChipKeyFile.Encode(chip);

        Assert.Equal(Examples.ChipKeyFileHex, Convert.ToHexString(file));
        Assert.Equal(ChipKeyFile.EncodedLength, file.Length);
    }

    [Fact]
    public void EF_CHIPKEY_reads_back_as_a_key_that_verifies_the_chip()
    {
        using var chip = TestKeys.Load(TestKeys.ChipPem);
        var challenge = ActiveAuthentication.NewChallenge();

        var key = ChipKeyFile.Decode(Convert.FromHexString(Examples.ChipKeyFileHex)).Value!;

        Assert.True(ActiveAuthentication.Verify(key, challenge, ActiveAuthentication.Sign(chip, challenge)));
    }

    [Fact]
    public void A_point_not_on_the_curve_is_malformed()
    {
        var file = Convert.FromHexString(Examples.ChipKeyFileHex);
        file[^1] ^= 0x01;

        var result = ChipKeyFile.Decode(file);

        Assert.False(result.IsValid);
        Assert.Contains("not on P-256", result.Error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("7F4943864103", "03", "compressed-point prefix")]
    [InlineData("7F4943864104", "", "template only")]
    public void A_point_that_is_not_04_X_Y_is_malformed(string headerHex, string tail, string why)
    {
        var hex = tail == string.Empty && why == "template only"
            ? "7F490486020400"
            : headerHex[..^2] + tail + Examples.ChipKeyFileHex[12..];

        Assert.False(ChipKeyFile.Decode(Convert.FromHexString(hex)).IsValid, why);
    }

    [Fact]
    public void A_chip_key_on_another_curve_cannot_be_written()
    {
        using var p384 = ECDsa.Create(ECCurve.NamedCurves.nistP384);

        Assert.Throws<ArgumentException>(() => ChipKeyFile.Encode(p384));
    }

    [Fact]
    public void No_photo_is_written_as_5F2E00()
    {
        Assert.Equal("5F2E00", Convert.ToHexString(PhotoFile.Encode([])));
        Assert.Empty(PhotoFile.Decode(Convert.FromHexString("5F2E00")).Value!);
    }

    [Fact]
    public void A_photo_is_written_behind_5F2E_and_read_back()
    {
        var jpeg = new byte[5000];
        jpeg[0] = 0xFF;
        jpeg[1] = 0xD8;

        var file = PhotoFile.Encode(jpeg);

        Assert.Equal("5F2E821388FFD8", Convert.ToHexString(file.AsSpan(0, 7)));
        Assert.Equal(jpeg, PhotoFile.Decode(file).Value);
    }

    [Fact]
    public void A_photo_larger_than_the_file_is_refused() =>
        Assert.Throws<ArgumentException>(() => PhotoFile.Encode(new byte[PhotoFile.MaxJpegBytes + 1]));
}

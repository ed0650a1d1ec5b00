namespace Permit.Documents.Tests.TestSupport;

/// <summary>Builders for realistic inputs, and a folder where rendered samples are kept for a human to look at.</summary>
internal static class Samples
{
    /// <summary>
    /// A credential-shaped text: "RP1:" + Base45 of 200 pseudo-random bytes (a signed, deflated COSE_Sign1 is
    /// about that size and looks random), 304 characters in all.
    /// </summary>
    public static string CredentialText(int seed = 2026, int byteCount = 200)
    {
        var bytes = new byte[byteCount];
        new Random(seed).NextBytes(bytes);
        bytes[0] = 0x78; // zlib header, as the real credential starts
        bytes[1] = 0xDA;
        return "RP1:" + Base45.Encode(bytes);
    }

    public static CardFace CardFace(byte[]? photo = null) => new()
    {
        Name = "张晓梅",
        Sex = Sex.Female,
        EthnicGroupCode = "01",
        BirthDate = new DateOnly(1990, 5, 12),
        IdNumber = "330106199005120024",
        ResidenceAddress = "浙江省宁波市北仑区新碶街道明州路888号阳光城市花园12幢2单元1502室",
        IssuingAuthority = "宁波市公安局北仑分局",
        IssueDate = new DateOnly(2026, 11, 29),
        ValidUntil = new DateOnly(2029, 11, 28),
        PermitNumber = "330206202600000017",
        CardSequence = 1,
        Photo = photo,
        QrText = CredentialText(),
    };

    public static IssuanceReceipt Receipt() => new()
    {
        ApplicantName = "张晓梅",
        IdNumber = "330106199005120024",
        PermitNumber = "330206202600000017",
        AcceptedOn = new DateOnly(2026, 11, 16),
        IssuedOn = new DateOnly(2026, 11, 29),
        DueDate = new DateOnly(2026, 12, 29),
        ActivationCode = "8K4Q-7M2P",
        IssuingAuthority = "宁波市公安局北仑分局",
        QrText = CredentialText(),
    };

    /// <summary>A stand-in ID photo: a face-like oval on a pale blue ground, as JPEG.</summary>
    public static byte[] PhotoJpeg()
    {
        using var bitmap = new SKBitmap(358, 441);
        using (var canvas = new SKCanvas(bitmap))
        {
            canvas.Clear(new SKColor(0x6F, 0xA8, 0xDC));
            using var skin = new SKPaint { Color = new SKColor(0xE8, 0xC0, 0x9C), IsAntialias = true };
            canvas.DrawOval(179, 180, 95, 120, skin);
            using var hair = new SKPaint { Color = new SKColor(0x2A, 0x1E, 0x18), IsAntialias = true };
            canvas.DrawOval(179, 110, 105, 70, hair);
            using var shirt = new SKPaint { Color = new SKColor(0x22, 0x2E, 0x3E), IsAntialias = true };
            canvas.DrawOval(179, 460, 180, 130, shirt);
        }

        using var image = SKImage.FromBitmap(bitmap);
        using var jpeg = image.Encode(SKEncodedImageFormat.Jpeg, 90);
        return jpeg.ToArray();
    }

    /// <summary>
    /// A JPEG stored sideways as phones do: pixels landscape (red top half, blue bottom half), with EXIF
    /// orientation 6 saying "rotate 90° clockwise to view", so upright it is portrait with red on the right.
    /// </summary>
    public static byte[] SidewaysPhoneJpeg()
    {
        using var bitmap = new SKBitmap(441, 358);
        using (var canvas = new SKCanvas(bitmap))
        {
            using var red = new SKPaint { Color = new SKColor(0xE0, 0x20, 0x20) };
            using var blue = new SKPaint { Color = new SKColor(0x20, 0x40, 0xE0) };
            canvas.DrawRect(0, 0, 441, 179, red);
            canvas.DrawRect(0, 179, 441, 179, blue);
        }

        using var image = SKImage.FromBitmap(bitmap);
        using var encoded = image.Encode(SKEncodedImageFormat.Jpeg, 90);
        var jpeg = encoded.ToArray();

        // APP1 "Exif": big-endian TIFF header, one IFD entry: Orientation (0x0112), SHORT, 1 value, 6.
        byte[] tiff = [(byte)'M', (byte)'M', 0, 42, 0, 0, 0, 8, 0, 1, 0x01, 0x12, 0, 3, 0, 0, 0, 1, 0, 6, 0, 0, 0, 0, 0, 0];
        byte[] exif = [.. "Exif\0\0"u8, .. tiff];
        var length = exif.Length + 2;
        byte[] app1 = [0xFF, 0xE1, (byte)(length >> 8), (byte)length, .. exif];
        return [.. jpeg.AsSpan(0, 2), .. app1, .. jpeg.AsSpan(2)];
    }

    /// <summary>Writes a rendered sample where a developer can open it; returns the path.</summary>
    public static string Keep(string fileName, byte[] content)
    {
        var folder = Path.Combine(Path.GetTempPath(), "permit-documents-samples");
        Directory.CreateDirectory(folder);
        var path = Path.Combine(folder, fileName);
        File.WriteAllBytes(path, content);
        return path;
    }

    public static SKImageInfo ImageInfo(byte[] encoded)
    {
        using var codec = SKCodec.Create(SKData.CreateCopy(encoded)) ?? throw new InvalidDataException("not an image");
        return codec.Info;
    }

    public static SKColor PixelAt(byte[] encoded, int x, int y)
    {
        using var bitmap = SKBitmap.Decode(encoded);
        return bitmap.GetPixel(x, y);
    }
}

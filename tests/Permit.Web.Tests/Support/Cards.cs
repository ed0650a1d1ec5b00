using Permit.HardwareSim.IdCards;
using SkiaSharp;

namespace Permit.Web.Tests.Support;

/// <summary>Emulated cards for the stories: an ID card with a real JPEG portrait, blank and cloned permit cards.</summary>
public static class Cards
{
    /// <summary>A 102×126 portrait (a drawn silhouette, no real person), as JPEG.</summary>
    public static byte[] Portrait()
    {
        using var bitmap = new SKBitmap(102, 126);
        using (var canvas = new SKCanvas(bitmap))
        {
            canvas.Clear(new SKColor(0xDD, 0xE8, 0xF4));
            using var paint = new SKPaint { Color = new SKColor(0x4A, 0x5A, 0x70), IsAntialias = true };
            canvas.DrawCircle(51, 48, 22, paint);
            canvas.DrawOval(new SKRect(16, 80, 86, 150), paint);
        }

        using var image = SKImage.FromBitmap(bitmap);
        using var data = image.Encode(SKEncodedImageFormat.Jpeg, 85);
        return data.ToArray();
    }

    public static IdCard IdCard(string folder, string name, string idNumber)
    {
        var data = Path.Combine(folder, "id.json");
        var photo = Path.Combine(folder, "photo.jpg");
        File.WriteAllText(data, JsonSerializer.Serialize(new
        {
            name, sex = "2", ethnicGroup = "01", birthDate = idNumber[6..14], address = "四川省成都市武侯区浆洗街1号",
            idNumber, issuingAuthority = "成都市公安局武侯区分局", validFrom = "20150301", validTo = "20350301",
        }));
        File.WriteAllBytes(photo, Portrait());
        return Permit.HardwareSim.IdCards.IdCard.FromFiles(data, photo);
    }

    /// <summary>A blank permit card kept in <paramref name="cardFile"/>, so it can be copied once personalized.</summary>
    public static PermitCard Blank(string cardFile) =>
        PermitCard.CreateBlank(PermitCard.NewSerial(), PermitCard.DefaultTransportCode.Span, cardFile);

    /// <summary>
    /// A clone of a personalized card: every file copied byte for byte, but the chip's private key is not extractable,
    /// so the cloner's chip holds a key of its own; the chip signature then fails.
    /// </summary>
    public static PermitCard Clone(string cardFile, string cloneFile)
    {
        var document = JsonSerializer.Deserialize<Dictionary<string, JsonElement>>(File.ReadAllText(cardFile))!;
        var (otherKey, _) = ChipKey.Generate();
        var clone = document.ToDictionary(p => p.Key, p => (object)p.Value);
        clone["chipPrivateKeyPkcs8"] = Convert.ToBase64String(otherKey);
        File.WriteAllText(cloneFile, JsonSerializer.Serialize(clone));
        return PermitCard.Load(cloneFile);
    }
}

using Permit.Domain.Common;
using Permit.HardwareSim.IdCards;
using SkiaSharp;

namespace Permit.CardAgent.Simulated;

/// <summary>
/// The made-up people whose ID cards the simulated ID reader holds: valid (invented) ID numbers from home counties the
/// API's demo seed never uses, so registering one on the demo database never meets an existing resident.
/// </summary>
public static class SimulatedPeople
{
    public static IReadOnlyList<IdCardData> All { get; } =
    [
        Person("周晓燕", "2", "01", "510107", "19900412", "四川省成都市武侯区浆洗街1号", "成都市公安局武侯区分局"),
        Person("马建国", "1", "03", "420111", "19820907", "湖北省武汉市洪山区珞瑜路88号", "武汉市公安局洪山区分局"),
        Person("韩雪梅", "2", "01", "370102", "19950118", "山东省济南市历下区泉城路27号", "济南市公安局历下区分局"),
    ];

    /// <summary>The person's ID card, with a drawn portrait (a silhouette, no real face).</summary>
    public static IdCard Card(IdCardData person) => new(IdCardTextBlock.Encode(person), Portrait(person.Sex == "2"));

    private static IdCardData Person(string name, string sex, string ethnic, string county, string birth, string address, string authority)
    {
        // Sequence 9xx with the sex digit in place: odd for men, even for women (GB 11643).
        var seventeen = $"{county}{birth}9{(sex == "1" ? "71" : "72")}";
        return new IdCardData
        {
            Name = name,
            Sex = sex,
            EthnicGroup = ethnic,
            BirthDate = birth,
            Address = address,
            IdNumber = seventeen + Mod11Check.Compute(seventeen),
            IssuingAuthority = authority,
            ValidFrom = "20200301",
            ValidTo = "20400301",
        };
    }

    private static byte[] Portrait(bool woman)
    {
        using var bitmap = new SKBitmap(102, 126);
        using (var canvas = new SKCanvas(bitmap))
        {
            canvas.Clear(new SKColor(0xDD, 0xE8, 0xF4));
            using var paint = new SKPaint { Color = woman ? new SKColor(0x6A, 0x4A, 0x60) : new SKColor(0x4A, 0x5A, 0x70), IsAntialias = true };
            canvas.DrawCircle(51, 48, 22, paint);
            canvas.DrawOval(new SKRect(16, 80, 86, 150), paint);
        }

        using var image = SKImage.FromBitmap(bitmap);
        using var data = image.Encode(SKEncodedImageFormat.Jpeg, 85);
        return data.ToArray();
    }
}

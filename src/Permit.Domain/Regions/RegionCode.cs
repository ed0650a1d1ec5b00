using System.Diagnostics.CodeAnalysis;

namespace Permit.Domain.Regions;

/// <summary>
/// A GB/T 2260 administrative division code: six ASCII digits whose first two name a real province.
/// The last four digits are not looked up in a full table, so codes abolished since (330204 江东区, 330283 奉化市)
/// remain valid, as they must in ID numbers issued under them.
/// </summary>
public sealed record RegionCode
{
    private RegionCode(string value) => Value = value;

    public string Value { get; }

    public static RegionCode Zhenhai { get; } = new(KnownRegions.ZhenhaiCode);

    public static RegionCode Ningbo { get; } = new(KnownRegions.NingboCode);

    /// <summary>The two-digit province part, e.g. 33 for Zhejiang.</summary>
    public int ProvinceCode => ((Value[0] - '0') * 10) + (Value[1] - '0');

    /// <summary>The name from the Ningbo/Zhenhai table, or null for a code this system does not name.</summary>
    public string? KnownName => KnownRegions.Find(Value)?.Name;

    /// <summary>True for a code in the table that has since been abolished (still valid in old ID numbers).</summary>
    public bool IsAbolished => KnownRegions.Find(Value)?.IsAbolished ?? false;

    public static RegionCode Parse(string? value) =>
        TryParse(value, out var code)
            ? code
            : throw new DomainException(
                "region-code-invalid",
                "A region code is six digits (GB/T 2260) starting with a real province code.");

    public static bool TryParse([NotNullWhen(true)] string? value, [NotNullWhen(true)] out RegionCode? code)
    {
        code = null;
        if (value is null || value.Length != 6 || !Mod11Check.AreAsciiDigits(value) || !Provinces.StartsWithProvinceCode(value))
            return false;
        code = new RegionCode(value);
        return true;
    }

    public override string ToString() => Value;
}

using System.Diagnostics.CodeAnalysis;

namespace Permit.Domain.Regions;

/// <summary>
/// A 12-digit community (社区/村) code: county (6, GB/T 2260) ‖ subdistrict or town (3) ‖ community (3).
/// Inside our district (330211 镇海区) the first nine digits must name one of Zhenhai's subdistricts or towns
/// (docs/domain.md §5); elsewhere only the county part is checked. Community part 000 is the township itself, not a
/// community, and is refused.
/// </summary>
public sealed record CommunityCode
{
    private CommunityCode(string value) => Value = value;

    public string Value { get; }

    /// <summary>The county part (first six digits).</summary>
    public RegionCode County => RegionCode.Parse(Value[..6]);

    /// <summary>The subdistrict/town part (first nine digits).</summary>
    public string TownshipCode => Value[..9];

    public string? TownshipName => KnownRegions.Find(TownshipCode)?.Name;

    public string? KnownName => KnownRegions.Find(Value)?.Name;

    public bool IsInZhenhai => Value.StartsWith(KnownRegions.ZhenhaiCode, StringComparison.Ordinal);

    public static CommunityCode Parse(string? value)
    {
        if (value is null || value.Length != 12 || !Mod11Check.AreAsciiDigits(value))
            throw new DomainException("community-code-invalid", "A community code is 12 digits.");
        if (!TryParse(value, out var code))
        {
            throw new DomainException(
                "community-code-invalid",
                "A community code's first nine digits must name a real county and, in Zhenhai, one of its subdistricts or towns.");
        }
        return code;
    }

    public static bool TryParse([NotNullWhen(true)] string? value, [NotNullWhen(true)] out CommunityCode? code)
    {
        code = null;
        if (value is null || value.Length != 12 || !Mod11Check.AreAsciiDigits(value))
            return false;
        if (!RegionCode.TryParse(value[..6], out _) || value.EndsWith("000", StringComparison.Ordinal))
            return false;
        if (value.StartsWith(KnownRegions.ZhenhaiCode, StringComparison.Ordinal) && !KnownRegions.IsZhenhaiTownship(value[..9]))
            return false;
        code = new CommunityCode(value);
        return true;
    }

    public override string ToString() => Value;
}

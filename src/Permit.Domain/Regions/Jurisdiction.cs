using System.Diagnostics.CodeAnalysis;

namespace Permit.Domain.Regions;

/// <summary>
/// A part of the register named by a region code prefix (docs/jurisdictions.md): a county or district (6 digits,
/// GB/T 2260), a subdistrict or town (9 digits; inside Zhenhai one of its own) or a single community (12 digits,
/// <see cref="CommunityCode"/>). It contains every community code that starts with it. An officer holds one (no
/// jurisdiction: the whole register), and a resident lies in the narrowest one known for where they live.
/// </summary>
public sealed record Jurisdiction
{
    private Jurisdiction(string code) => Code = code;

    public string Code { get; }

    /// <summary>The name from the Ningbo/Zhenhai tables, or null for a code this system does not name.</summary>
    public string? KnownName => KnownRegions.Find(Code)?.Name;

    /// <summary>The community itself: the narrowest jurisdiction a registration names.</summary>
    public static Jurisdiction Of(CommunityCode community)
    {
        ArgumentNullException.ThrowIfNull(community);
        return new Jurisdiction(community.Value);
    }

    /// <summary>True when <paramref name="code"/> (a community or a narrower-or-equal jurisdiction code) lies inside.</summary>
    public bool Contains(string? code) => code is not null && code.StartsWith(Code, StringComparison.Ordinal);

    public bool Contains(CommunityCode community) => Contains(community?.Value);

    public static Jurisdiction Parse(string? value) =>
        TryParse(value, out var jurisdiction)
            ? jurisdiction
            : throw new DomainException(
                "jurisdiction-invalid",
                "A jurisdiction is a region code (6 digits), a subdistrict or town (9 digits) or a community code (12 digits).");

    public static bool TryParse([NotNullWhen(true)] string? value, [NotNullWhen(true)] out Jurisdiction? jurisdiction)
    {
        jurisdiction = null;
        var code = value?.Trim();
        if (code is null || !Mod11Check.AreAsciiDigits(code))
            return false;
        var valid = code.Length switch
        {
            6 => RegionCode.TryParse(code, out _),
            9 => RegionCode.TryParse(code[..6], out _) && !code.EndsWith("000", StringComparison.Ordinal)
                && (!code.StartsWith(KnownRegions.ZhenhaiCode, StringComparison.Ordinal) || KnownRegions.IsZhenhaiTownship(code)),
            12 => CommunityCode.TryParse(code, out _),
            _ => false,
        };
        if (valid)
            jurisdiction = new Jurisdiction(code!);
        return valid;
    }

    public override string ToString() => Code;
}

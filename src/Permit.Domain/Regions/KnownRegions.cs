using System.Collections.Frozen;

namespace Permit.Domain.Regions;

/// <summary>A region this system knows by name (docs/domain.md §5). Abolished codes stay valid in old ID numbers.</summary>
public sealed record KnownRegion(string Code, string Name, bool IsAbolished);

/// <summary>
/// The Ningbo and Zhenhai tables of docs/domain.md §5. Not a full GB/T 2260 table: other codes are valid when their
/// province is real, they just have no name here.
/// </summary>
public static class KnownRegions
{
    public const string ZhejiangCode = "330000";
    public const string NingboCode = "330200";
    public const string ZhenhaiCode = "330211";

    private static readonly KnownRegion[] Counties =
    [
        new(ZhejiangCode, "浙江省", false),
        new(NingboCode, "宁波市", false),
        new("330203", "海曙区", false),
        new("330204", "江东区", true),
        new("330205", "江北区", false),
        new("330206", "北仑区", false),
        new(ZhenhaiCode, "镇海区", false),
        new("330212", "鄞州区", false),
        new("330213", "奉化区", false),
        new("330225", "象山县", false),
        new("330226", "宁海县", false),
        new("330281", "余姚市", false),
        new("330282", "慈溪市", false),
        new("330283", "奉化市", true),
        new("810000", "香港特别行政区", false),
        new("820000", "澳门特别行政区", false),
        new("830000", "台湾地区", false),
    ];

    /// <summary>Zhenhai's subdistricts (街道) and towns (镇), by their 9-digit codes.</summary>
    private static readonly KnownRegion[] ZhenhaiSubdistricts =
    [
        new("330211001", "招宝山街道", false),
        new("330211002", "蛟川街道", false),
        new("330211003", "骆驼街道", false),
        new("330211004", "庄市街道", false),
        new("330211005", "贵驷街道", false),
        new("330211100", "澥浦镇", false),
        new("330211101", "九龙湖镇", false),
    ];

    /// <summary>Communities named in the rules (12-digit codes); the rest are valid but unnamed here.</summary>
    private static readonly KnownRegion[] Communities =
    [
        new("330211003001", "中街社区", false),
    ];

    private static readonly FrozenDictionary<string, KnownRegion> ByCode =
        Counties.Concat(ZhenhaiSubdistricts).Concat(Communities).ToFrozenDictionary(r => r.Code, StringComparer.Ordinal);

    /// <summary>The counties and cities of Ningbo in the table, current and abolished.</summary>
    public static IReadOnlyList<KnownRegion> Ningbo { get; } = [.. Counties.Where(r => r.Code.StartsWith("3302", StringComparison.Ordinal))];

    public static IReadOnlyList<KnownRegion> ZhenhaiTownships { get; } = ZhenhaiSubdistricts;

    /// <summary>Looks up a 6-, 9- or 12-digit code.</summary>
    public static KnownRegion? Find(string code) => ByCode.GetValueOrDefault(code);

    internal static bool IsZhenhaiTownship(string nineDigits) =>
        ByCode.TryGetValue(nineDigits, out var region) && nineDigits.Length == 9 && !region.IsAbolished;
}

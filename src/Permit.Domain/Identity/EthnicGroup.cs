using System.Collections.Frozen;
using System.Diagnostics.CodeAnalysis;

namespace Permit.Domain.Identity;

/// <summary>
/// An ethnic group of GB/T 3304 (docs/id-card.md): the 56 groups 01–56, 97 "other" and 98 "Chinese citizen of foreign
/// origin". Stored as its two-digit <see cref="Code"/>; only the 58 listed groups exist.
/// </summary>
public sealed class EthnicGroup : IEquatable<EthnicGroup>
{
    private static readonly string[] Names =
    [
        "汉", "蒙古", "回", "藏", "维吾尔", "苗", "彝", "壮", "布依", "朝鲜",
        "满", "侗", "瑶", "白", "土家", "哈尼", "哈萨克", "傣", "黎", "傈僳",
        "佤", "畲", "高山", "拉祜", "水", "东乡", "纳西", "景颇", "柯尔克孜", "土",
        "达斡尔", "仫佬", "羌", "布朗", "撒拉", "毛南", "仡佬", "锡伯", "阿昌", "普米",
        "塔吉克", "怒", "乌孜别克", "俄罗斯", "鄂温克", "德昂", "保安", "裕固", "京", "塔塔尔",
        "独龙", "鄂伦春", "赫哲", "门巴", "珞巴", "基诺",
    ];

    private static readonly FrozenDictionary<string, EthnicGroup> ByCode = BuildTable();

    private EthnicGroup(string code, string name)
    {
        Code = code;
        Name = name;
    }

    /// <summary>Two ASCII digits, e.g. <c>01</c>.</summary>
    public string Code { get; }

    /// <summary>The Chinese name as GB/T 3304 gives it, e.g. <c>汉</c>.</summary>
    public string Name { get; }

    public static EthnicGroup Han => ByCode["01"];

    /// <summary>All 58 groups in code order.</summary>
    public static IReadOnlyList<EthnicGroup> All { get; } = [.. ByCode.Values.OrderBy(g => g.Code, StringComparer.Ordinal)];

    /// <summary>Accepts the two-digit code; a reader's single digit (<c>1</c>) is read as <c>01</c>.</summary>
    public static EthnicGroup Parse(string? code) =>
        TryParse(code, out var group)
            ? group
            : throw new DomainException("ethnic-group-invalid", "An ethnic group is a GB/T 3304 code: 01–56, 97 or 98.");

    public static bool TryParse(string? code, [NotNullWhen(true)] out EthnicGroup? group)
    {
        group = null;
        var trimmed = code?.Trim();
        if (string.IsNullOrEmpty(trimmed) || trimmed.Length > 2 || !Mod11Check.AreAsciiDigits(trimmed))
            return false;
        return ByCode.TryGetValue(trimmed.PadLeft(2, '0'), out group);
    }

    public bool Equals(EthnicGroup? other) => other is not null && Code == other.Code;

    public override bool Equals(object? obj) => Equals(obj as EthnicGroup);

    public override int GetHashCode() => StringComparer.Ordinal.GetHashCode(Code);

    public override string ToString() => $"{Code} {Name}";

    public static bool operator ==(EthnicGroup? left, EthnicGroup? right) => left is null ? right is null : left.Equals(right);

    public static bool operator !=(EthnicGroup? left, EthnicGroup? right) => !(left == right);

    private static FrozenDictionary<string, EthnicGroup> BuildTable()
    {
        var groups = Names.Select((name, i) => new EthnicGroup((i + 1).ToString("00", System.Globalization.CultureInfo.InvariantCulture), name))
            .Append(new EthnicGroup("97", "其他"))
            .Append(new EthnicGroup("98", "外国血统中国籍人士"));
        return groups.ToFrozenDictionary(g => g.Code, StringComparer.Ordinal);
    }
}

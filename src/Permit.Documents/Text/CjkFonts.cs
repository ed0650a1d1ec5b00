namespace Permit.Documents.Text;

/// <summary>
/// Finds the installed font that draws our Chinese text. Simplified-Chinese faces come first: the same code
/// point (e.g. 骨, 直) has different glyph shapes in the JP/KR/TC faces of a Pan-CJK font collection.
/// </summary>
public static class CjkFonts
{
    /// <summary>Characters every document prints; a face missing any of them is not used.</summary>
    internal const string RequiredCharacters = "中华人民共和国浙江省居住证姓名性别男女民族出生公民身份号码居住地址签发机关有效期限卡序号年月日回执激活码0123456789X";

    private static readonly string[] PreferredFamilies =
    [
        "Noto Sans CJK SC", "Source Han Sans SC", "Noto Sans SC", "Source Han Sans CN", "Microsoft YaHei",
        "PingFang SC", "WenQuanYi Zen Hei", "WenQuanYi Micro Hei", "Droid Sans Fallback",
    ];

    private static readonly Lazy<(SKTypeface Regular, SKTypeface Bold)> Installed =
        new(() => Locate(SKFontManager.Default, PreferredFamilies, searchAllFamilies: true));

    /// <summary>The regular face.</summary>
    /// <exception cref="CjkFontMissingException">No installed font has Chinese glyphs.</exception>
    public static SKTypeface Regular => Installed.Value.Regular;

    /// <summary>The bold face of the same family (the regular face, emboldened, when the family has none).</summary>
    /// <exception cref="CjkFontMissingException">No installed font has Chinese glyphs.</exception>
    public static SKTypeface Bold => Installed.Value.Bold;

    /// <summary>Whether <see cref="Bold"/> is a true bold face rather than the regular one.</summary>
    internal static bool HasTrueBold => Bold.FontStyle.Weight >= (int)SKFontStyleWeight.SemiBold;

    internal static (SKTypeface Regular, SKTypeface Bold) Locate(SKFontManager manager, IEnumerable<string> families, bool searchAllFamilies)
    {
        // Fontconfig answers an unknown family with its default font, so only a face of the family asked for counts.
        var regular = families
            .Select(family => manager.MatchFamily(family, SKFontStyle.Normal) is { } face && face.FamilyName.Equals(family, StringComparison.OrdinalIgnoreCase) ? face : null)
            .FirstOrDefault(DrawsChinese);
        if (regular is null && searchAllFamilies)
        {
            // Fontconfig, DirectWrite and CoreText answer a character match; Skia's own directory scanner
            // (the NoDependencies Linux build) answers null, so every family is then tried in turn.
            regular = manager.MatchCharacter(null, SKFontStyle.Normal, ["zh-Hans", "zh-CN"], '居');
            if (!DrawsChinese(regular))
                regular = manager.GetFontFamilies().Select(family => manager.MatchFamily(family, SKFontStyle.Normal)).FirstOrDefault(DrawsChinese);
        }

        if (regular is null)
            throw new CjkFontMissingException();

        var bold = manager.MatchFamily(regular.FamilyName, SKFontStyle.Bold);
        return (regular, DrawsChinese(bold) && bold!.FontStyle.Weight > regular.FontStyle.Weight ? bold : regular);
    }

    private static bool DrawsChinese(SKTypeface? typeface) =>
        typeface is not null && typeface.ContainsGlyphs(RequiredCharacters);
}

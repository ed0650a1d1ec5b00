namespace Permit.Documents.Tests.Text;

public sealed class CjkFontsTests
{
    public static TheoryData<string> Labels() =>
    [
        "中华人民共和国居住证", "浙江省居住证", "姓名", "性别", "民族", "出生", "公民身份号码", "居住地址",
        "签发机关", "有效期限", "证号", "卡序号", "自助激活码", "办理须知", "电子居住证二维码", "领证截止日期",
    ];

    [Theory]
    [MemberData(nameof(Labels))]
    public void Every_printed_label_has_real_glyphs_in_the_regular_and_bold_faces(string label)
    {
        foreach (var typeface in new[] { CjkFonts.Regular, CjkFonts.Bold })
        {
            using var font = new SKFont(typeface, 40);
            var glyphs = font.GetGlyphs(label);
            Assert.Equal(label.Length, glyphs.Length);
            Assert.DoesNotContain((ushort)0, glyphs);
        }
    }

    [Fact]
    public void A_simplified_Chinese_face_is_chosen_when_one_is_installed()
    {
        var families = SKFontManager.Default.GetFontFamilies();
        Assert.SkipUnless(families.Contains("Noto Sans CJK SC"), "Noto Sans CJK SC is not installed here (Debian package fonts-noto-cjk).");

        Assert.Equal("Noto Sans CJK SC", CjkFonts.Regular.FamilyName);
        Assert.True(CjkFonts.Bold.FontStyle.Weight >= (int)SKFontStyleWeight.Bold);
    }

    [Fact]
    public void Without_a_CJK_font_the_error_names_the_package_to_install()
    {
        // Only Latin families offered, and no whole-system search: the situation of a machine without CJK fonts.
        var error = Assert.Throws<CjkFontMissingException>(
            () => CjkFonts.Locate(SKFontManager.Default, ["DejaVu Sans", "No Such Family"], searchAllFamilies: false));

        Assert.Contains("fonts-noto-cjk", error.Message, StringComparison.Ordinal);
    }
}

using Permit.Domain.Duplicates;

namespace Permit.Domain.Tests.Duplicates;

public sealed class NameFormsTests
{
    [Theory]
    [InlineData("阿卜杜·热合曼", "阿卜杜热合曼")]
    [InlineData("阿卜杜・热合曼", "阿卜杜·热合曼")]
    [InlineData("阿卜杜 · 热合曼", "阿卜杜•热合曼")]
    [InlineData("張麗華", "张丽华")]
    [InlineData("王　芳", "王芳")]
    [InlineData("ＬＩ　Ｍｉｎｇ", "li ming")]
    public void Names_written_with_a_middle_dot_spaces_full_width_or_traditional_characters_are_one_name(string a, string b) =>
        Assert.Equal(NameForms.Canonical(a), NameForms.Canonical(b));

    [Theory]
    [InlineData("张伟", "张玮")]
    [InlineData("王芳", "汪芳")]
    public void Different_characters_stay_different_names(string a, string b) =>
        Assert.NotEqual(NameForms.Canonical(a), NameForms.Canonical(b));

    [Fact]
    public void The_variance_says_each_way_two_names_differ()
    {
        Assert.Equal(NameVariance.None, NameForms.Variance("张伟", "张伟"));
        Assert.Equal(NameVariance.MiddleDot, NameForms.Variance("阿卜杜·热合曼", "阿卜杜热合曼"));
        Assert.Equal(NameVariance.Width | NameVariance.Spaces, NameForms.Variance("王　芳", "王芳"));
        Assert.Equal(NameVariance.TraditionalForm | NameVariance.Spaces, NameForms.Variance("張 偉", "张伟"));
    }
}

namespace Permit.Domain.Points;

/// <summary>Education attained, as the provincial table distinguishes it.</summary>
public enum EducationLevel
{
    /// <summary>高中及以下.</summary>
    HighSchoolOrLower,

    /// <summary>大专 / 高职.</summary>
    College,

    /// <summary>本科及以上.</summary>
    BachelorOrHigher,
}

/// <summary>Vocational skill grades, special-skill certificates and professional titles of the provincial table.</summary>
public enum SkillLevel
{
    /// <summary>五级 / 初级工.</summary>
    Grade5,

    /// <summary>初级专项职业能力.</summary>
    BasicSpecialSkill,

    /// <summary>四级 / 中级工.</summary>
    Grade4,

    /// <summary>三级 / 高级工.</summary>
    Grade3,

    /// <summary>初级职称.</summary>
    JuniorTitle,

    /// <summary>高级专项职业能力.</summary>
    AdvancedSpecialSkill,

    /// <summary>二级 / 技师.</summary>
    Grade2,

    /// <summary>一级 / 高级技师.</summary>
    Grade1,

    /// <summary>中级职称.</summary>
    IntermediateTitle,

    /// <summary>副高级及以上职称.</summary>
    SeniorTitle,
}

/// <summary>The level codes a rule set's level tables use for the typed qualifications; spelled out so renaming an enum member cannot change a stored code.</summary>
public static class QualificationLevels
{
    public static string Code(EducationLevel level) => level switch
    {
        EducationLevel.HighSchoolOrLower => "high-school-or-lower",
        EducationLevel.College => "college",
        EducationLevel.BachelorOrHigher => "bachelor-or-higher",
        _ => throw new ArgumentOutOfRangeException(nameof(level), level, "Unknown education level."),
    };

    public static string Code(SkillLevel level) => level switch
    {
        SkillLevel.Grade5 => "grade-5",
        SkillLevel.BasicSpecialSkill => "basic-special-skill",
        SkillLevel.Grade4 => "grade-4",
        SkillLevel.Grade3 => "grade-3",
        SkillLevel.JuniorTitle => "junior-title",
        SkillLevel.AdvancedSpecialSkill => "advanced-special-skill",
        SkillLevel.Grade2 => "grade-2",
        SkillLevel.Grade1 => "grade-1",
        SkillLevel.IntermediateTitle => "intermediate-title",
        SkillLevel.SeniorTitle => "senior-title",
        _ => throw new ArgumentOutOfRangeException(nameof(level), level, "Unknown skill level."),
    };
}

namespace Permit.Domain.Identity;

/// <summary>Sex as GB/T 2261.1 codes it (and as the ID card and the permit card store it): 1 male, 2 female.</summary>
public enum Sex
{
    Male = 1,
    Female = 2,
}

public static class SexCode
{
    /// <summary>The one-character GB/T 2261.1 code, <c>1</c> or <c>2</c>.</summary>
    public static string ToCode(this Sex sex) => sex switch
    {
        Sex.Male => "1",
        Sex.Female => "2",
        _ => throw new ArgumentOutOfRangeException(nameof(sex), sex, "Not a GB/T 2261.1 sex."),
    };

    public static Sex Parse(string? code) =>
        TryParse(code, out var sex) ? sex : throw new DomainException("sex-code-invalid", "A sex code is 1 (male) or 2 (female).");

    public static bool TryParse(string? code, out Sex sex)
    {
        switch (code?.Trim())
        {
            case "1":
                sex = Sex.Male;
                return true;
            case "2":
                sex = Sex.Female;
                return true;
            default:
                sex = default;
                return false;
        }
    }
}

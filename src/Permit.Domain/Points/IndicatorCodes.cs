using System.Text.RegularExpressions;

namespace Permit.Domain.Points;

/// <summary>
/// Stable indicator codes of the default rule set. Codes are dot-separated kebab-case segments, the first naming the tier.
/// The first five are fed from typed fields of <see cref="PointsProfile"/>; every other code reads the profile's
/// <see cref="PointsProfile.Quantities"/> or <see cref="PointsProfile.Levels"/>.
/// </summary>
public static partial class IndicatorCodes
{
    public const string Age = "province.age";
    public const string Education = "province.education";
    public const string Skill = "province.skill";
    public const string SocialInsurance = "province.social-insurance";
    public const string Residence = "province.residence";

    public const string Employment = "city.employment";
    public const string Housing = "city.housing";
    public const string BloodDonation = "city.blood-donation";
    public const string Volunteer = "district.volunteer";

    public const string DishonestDebtor = "deduction.dishonest-debtor";
    public const string Criminal = "deduction.criminal";
    public const string Detention = "deduction.detention";
    public const string TrafficViolation = "deduction.traffic-violation";

    /// <summary>True for the codes whose input comes from a typed profile field rather than the open dictionaries.</summary>
    public static bool IsTypedProfileInput(string code) =>
        code is Age or Education or Skill or SocialInsurance or Residence;

    /// <summary>True when <paramref name="code"/> is one or more dot-separated kebab-case segments.</summary>
    public static bool IsWellFormed(string? code) => code is not null && CodePattern().IsMatch(code);

    /// <summary>True when <paramref name="level"/> is a single kebab-case word (level codes in level tables).</summary>
    public static bool IsWellFormedLevel(string? level) => level is not null && LevelPattern().IsMatch(level);

    [GeneratedRegex(@"^[a-z0-9]+(-[a-z0-9]+)*(\.[a-z0-9]+(-[a-z0-9]+)*)*$", RegexOptions.CultureInvariant)]
    private static partial Regex CodePattern();

    [GeneratedRegex(@"^[a-z0-9]+(-[a-z0-9]+)*$", RegexOptions.CultureInvariant)]
    private static partial Regex LevelPattern();
}

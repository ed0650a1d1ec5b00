namespace Permit.Domain.Regions;

/// <summary>
/// The first two digits of a GB/T 2260 code (and so of a citizen ID number): the province-level division.
/// 83 is included because HK/Macao/Taiwan residence permit holders' numbers start 830000 (Taiwan), besides 81/82.
/// </summary>
public static class Provinces
{
    /// <summary>True for 11–15, 21–23, 31–37, 41–46, 50–54, 61–65, 71, 81, 82, 83.</summary>
    public static bool IsProvinceCode(int twoDigits) => twoDigits switch
    {
        >= 11 and <= 15 => true,
        >= 21 and <= 23 => true,
        >= 31 and <= 37 => true,
        >= 41 and <= 46 => true,
        >= 50 and <= 54 => true,
        >= 61 and <= 65 => true,
        71 or 81 or 82 or 83 => true,
        _ => false,
    };

    internal static bool StartsWithProvinceCode(ReadOnlySpan<char> digits) =>
        digits.Length >= 2 && char.IsAsciiDigit(digits[0]) && char.IsAsciiDigit(digits[1])
        && IsProvinceCode(((digits[0] - '0') * 10) + (digits[1] - '0'));
}

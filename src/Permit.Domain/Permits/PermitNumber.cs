using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using Permit.Domain.Regions;

namespace Permit.Domain.Permits;

/// <summary>
/// A residence permit number (docs/permit-card.md, "Permit number"): issuing region code (6) ‖ issue year (4) ‖
/// serial (7) ‖ check character over the first 17 digits, computed exactly as the GB 11643 one (MOD 11-2, X for 10).
/// </summary>
public sealed record PermitNumber
{
    public const int MaxSerial = 9_999_999;

    // Residence permits under Decree 663 exist from 2016; Zhejiang's provincial permits from 2009. Anything earlier is a typo.
    private const int EarliestYear = 2000;

    private PermitNumber(string value) => Value = value;

    /// <summary>The 18 ASCII characters as written to EF.PERMIT tag 81.</summary>
    public string Value { get; }

    public RegionCode IssuingRegion => RegionCode.Parse(Value[..6]);

    public int Year => int.Parse(Value.AsSpan(6, 4), CultureInfo.InvariantCulture);

    public int Serial => int.Parse(Value.AsSpan(10, 7), CultureInfo.InvariantCulture);

    public char CheckCharacter => Value[17];

    /// <summary>Builds the number for the given region, issue year and serial (1–9 999 999) and appends the check character.</summary>
    public static PermitNumber Create(RegionCode region, int year, int serial)
    {
        ArgumentNullException.ThrowIfNull(region);
        if (year is < EarliestYear or > 9999)
            throw new DomainException("permit-number-year", $"A permit number's year must be between {EarliestYear} and 9999.");
        if (serial is < 1 or > MaxSerial)
            throw new DomainException("permit-number-serial", "A permit number's serial must be between 1 and 9999999.");
        var seventeen = string.Create(CultureInfo.InvariantCulture, $"{region.Value}{year:0000}{serial:0000000}");
        return new PermitNumber(seventeen + Mod11Check.Compute(seventeen));
    }

    /// <summary>Parses 18 characters; a lower-case <c>x</c> check character is normalized to <c>X</c>.</summary>
    public static PermitNumber Parse(string? value) =>
        TryParse(value, out var number, out var error) ? number : throw new DomainException(error.Value.Code, error.Value.Message);

    public static bool TryParse([NotNullWhen(true)] string? value, [NotNullWhen(true)] out PermitNumber? number) =>
        TryParse(value, out number, out _);

    public override string ToString() => Value;

    private static bool TryParse(
        string? value,
        [NotNullWhen(true)] out PermitNumber? number,
        [NotNullWhen(false)] out (string Code, string Message)? error)
    {
        number = null;
        var text = value?.Trim();
        if (text is null || text.Length != 18 || !Mod11Check.AreAsciiDigits(text.AsSpan(0, 17))
            || !(char.IsAsciiDigit(text[17]) || text[17] is 'X' or 'x'))
        {
            error = ("permit-number-format", "A permit number is 17 digits and a check digit or X.");
            return false;
        }
        if (!RegionCode.TryParse(text[..6], out _))
        {
            error = ("permit-number-region", "A permit number starts with a GB/T 2260 region code.");
            return false;
        }
        var year = int.Parse(text.AsSpan(6, 4), CultureInfo.InvariantCulture);
        var serial = int.Parse(text.AsSpan(10, 7), CultureInfo.InvariantCulture);
        if (year < EarliestYear || serial < 1)
        {
            error = ("permit-number-format", "A permit number's year or serial is out of range.");
            return false;
        }
        var normalized = text[17] == 'x' ? string.Concat(text.AsSpan(0, 17), "X") : text;
        if (Mod11Check.Compute(normalized.AsSpan(0, 17)) != normalized[17])
        {
            error = ("permit-number-check-character", "The permit number's check character is wrong.");
            return false;
        }
        number = new PermitNumber(normalized);
        error = null;
        return true;
    }
}

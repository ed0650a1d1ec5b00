using System.Globalization;
using System.Text;

namespace Permit.Domain.Credentials;

/// <summary>
/// Shape checks for the fields that travel in card files and QR claims. The credential codecs work on
/// primitives (the value types live elsewhere), so they check formats here, all returning a reason or null.
/// </summary>
public static class PermitFormats
{
    public const int PermitNumberLength = 18;
    public const int IdNumberLength = 18;

    /// <summary>
    /// ISO 7064 MOD 11-2 check character over 17 digits, as GB 11643 computes it for citizen ID numbers
    /// (weights 2^(17-i) mod 11; <c>X</c> stands for 10).
    /// </summary>
    public static char Mod112CheckCharacter(ReadOnlySpan<char> seventeenDigits)
    {
        if (seventeenDigits.Length != 17 || !IsAsciiDigits(seventeenDigits))
        {
            throw new ArgumentException("Exactly 17 ASCII digits are needed.", nameof(seventeenDigits));
        }

        var sum = 0;
        for (var i = 0; i < 17; i++)
        {
            var weight = (1 << (17 - i)) % 11;
            sum += (seventeenDigits[i] - '0') * weight;
        }

        var check = (12 - (sum % 11)) % 11;
        return check == 10 ? 'X' : (char)('0' + check);
    }

    /// <summary>Permit number: region (6 digits) ‖ year (4) ‖ serial (7) ‖ MOD 11-2 check character.</summary>
    public static string? CheckPermitNumber(string? value) => CheckMod112Number(value, "permit number");

    /// <summary>Citizen ID number (GB 11643): 17 digits ‖ MOD 11-2 check character.</summary>
    public static string? CheckIdNumber(string? value) => CheckMod112Number(value, "ID number");

    /// <summary>Region code (GB/T 2260): 6 ASCII digits. Whether the region exists is not checked here.</summary>
    public static string? CheckRegionCode(string? value) =>
        value is { Length: 6 } && IsAsciiDigits(value) ? null : "region code must be 6 digits";

    /// <summary>
    /// The masked ID number of a QR credential: the first 6 and last 4 characters of an ID number with the
    /// 8 between as <c>*</c>.
    /// </summary>
    public static string? CheckMaskedIdNumber(string? value) =>
        value is { Length: IdNumberLength }
        && IsAsciiDigits(value.AsSpan(0, 6))
        && value.AsSpan(6, 8).IndexOfAnyExcept('*') < 0
        && IsAsciiDigits(value.AsSpan(14, 3))
        && (char.IsAsciiDigit(value[17]) || value[17] == 'X')
            ? null
            : "masked ID number must be 6 digits, 8 '*', 3 digits and a check character";

    /// <summary>Masks an ID number for display or a QR code: first 6 and last 4 kept, 8 <c>*</c> between.</summary>
    public static string MaskIdNumber(string idNumber)
    {
        ArgumentNullException.ThrowIfNull(idNumber);
        if (idNumber.Length != IdNumberLength)
        {
            throw new ArgumentException("An ID number has 18 characters.", nameof(idNumber));
        }

        return string.Concat(idNumber.AsSpan(0, 6), new string('*', 8), idNumber.AsSpan(14, 4));
    }

    /// <summary>Reads a date written <c>YYYYMMDD</c> in ASCII digits; null when it is not a calendar date.</summary>
    public static DateOnly? ParseCompactDate(string? value) =>
        value is { Length: 8 } && IsAsciiDigits(value)
        && DateOnly.TryParseExact(value, "yyyyMMdd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)
            ? date
            : null;

    public static string FormatCompactDate(DateOnly date) => date.ToString("yyyyMMdd", CultureInfo.InvariantCulture);

    /// <summary>Strict UTF-8 (invalid sequences are refused, not replaced).</summary>
    public static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    public static bool IsAsciiDigits(ReadOnlySpan<char> value)
    {
        foreach (var c in value)
        {
            if (!char.IsAsciiDigit(c))
            {
                return false;
            }
        }

        return true;
    }

    private static string? CheckMod112Number(string? value, string what)
    {
        if (value is not { Length: 18 } || !IsAsciiDigits(value.AsSpan(0, 17)))
        {
            return $"{what} must be 17 digits and a check character";
        }

        return Mod112CheckCharacter(value.AsSpan(0, 17)) == value[17] ? null : $"{what} check character is wrong";
    }
}

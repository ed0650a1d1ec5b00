using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using Permit.Domain.Regions;

namespace Permit.Domain.Identity;

/// <summary>
/// A citizen ID number (公民身份号码, GB 11643-1999): address code (6) ‖ birth date YYYYMMDD (8) ‖ sequence (3, odd male,
/// even female) ‖ MOD 11-2 check character. An instance always holds a valid, normalized number (upper-case <c>X</c>).
/// It is personal data: log <see cref="Masked"/>, never <see cref="Value"/> or <see cref="ToString"/>.
/// </summary>
public sealed record CitizenIdNumber
{
    /// <summary>Stable error codes, so callers can map them to a ProblemDetails <c>type</c>.</summary>
    public static class Errors
    {
        public const string Format = "citizen-id-format";
        public const string Region = "citizen-id-region";
        public const string BirthDate = "citizen-id-birth-date";
        public const string BornInFuture = "citizen-id-birth-date-in-future";
        public const string CheckCharacter = "citizen-id-check-character";
    }

    // GB 11643 numbers exist for people born since the late 19th century; a smaller year is a typo, not a person.
    private const int EarliestBirthYear = 1850;

    private CitizenIdNumber(string value)
    {
        Value = value;
        BirthDate = DateOnly.ParseExact(value.AsSpan(6, 8), "yyyyMMdd", CultureInfo.InvariantCulture);
    }

    /// <summary>The 18 characters, upper-case <c>X</c> for check value 10.</summary>
    public string Value { get; }

    /// <summary>The address code of first registration (may be abolished since, and still valid).</summary>
    public RegionCode AddressCode => RegionCode.Parse(Value[..6]);

    public DateOnly BirthDate { get; }

    /// <summary>The three-digit sequence code (顺序码).</summary>
    public int SequenceCode => int.Parse(Value.AsSpan(14, 3), CultureInfo.InvariantCulture);

    public Sex Sex => SequenceCode % 2 == 1 ? Sex.Male : Sex.Female;

    /// <summary>First six characters, eight asterisks, last four: the only form allowed in logs and QR payloads.</summary>
    public string Masked => $"{Value[..6]}********{Value[14..]}";

    /// <summary>Parses an 18-character number; lower-case <c>x</c> is accepted and normalized to <c>X</c>.</summary>
    /// <exception cref="DomainException">With one of the <see cref="Errors"/> codes.</exception>
    public static CitizenIdNumber Parse(string? value)
    {
        var error = Validate(value, out var number);
        return number ?? throw new DomainException(error!.Value.Code, error.Value.Message);
    }

    /// <summary>As <see cref="Parse(string?)"/>, and also refuses a birth date after <paramref name="today"/>.</summary>
    public static CitizenIdNumber Parse(string? value, DateOnly today)
    {
        var number = Parse(value);
        return number.BirthDate <= today
            ? number
            : throw new DomainException(Errors.BornInFuture, "The birth date in the citizen ID number is in the future.");
    }

    public static bool TryParse([NotNullWhen(true)] string? value, [NotNullWhen(true)] out CitizenIdNumber? number) =>
        Validate(value, out number) is null;

    /// <summary>
    /// Upgrades an old 15-digit number (address 6 ‖ YYMMDD ‖ sequence 3) to 18 characters: <c>19</c> is inserted before
    /// the two-digit year (15-digit numbers were issued only to people born in the 1900s) and the check character appended.
    /// </summary>
    public static CitizenIdNumber FromFifteenDigits(string? value)
    {
        var trimmed = value?.Trim();
        if (trimmed is null || trimmed.Length != 15 || !Mod11Check.AreAsciiDigits(trimmed))
            throw new DomainException(Errors.Format, "An old citizen ID number is 15 digits.");
        var seventeen = string.Concat(trimmed.AsSpan(0, 6), "19", trimmed.AsSpan(6));
        return Parse(seventeen + Mod11Check.Compute(seventeen));
    }

    /// <summary>Never the full number in text: <see cref="Masked"/>. Persist and compare <see cref="Value"/>.</summary>
    public override string ToString() => Masked;

    private static (string Code, string Message)? Validate(string? value, out CitizenIdNumber? number)
    {
        number = null;
        var text = value?.Trim();
        if (text is null || text.Length != 18)
            return (Errors.Format, "A citizen ID number is 18 characters.");
        if (text[17] == 'x')
            text = string.Concat(text.AsSpan(0, 17), "X");
        if (!Mod11Check.AreAsciiDigits(text.AsSpan(0, 17)) || !(char.IsAsciiDigit(text[17]) || text[17] == 'X'))
            return (Errors.Format, "A citizen ID number is 17 digits and a digit or X.");
        if (!Provinces.StartsWithProvinceCode(text))
            return (Errors.Region, "The citizen ID number's address code does not start with a real province code.");
        if (!DateOnly.TryParseExact(text.AsSpan(6, 8), "yyyyMMdd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var birth)
            || birth.Year < EarliestBirthYear)
            return (Errors.BirthDate, "The citizen ID number's birth date is not a real date.");
        if (Mod11Check.Compute(text.AsSpan(0, 17)) != text[17])
            return (Errors.CheckCharacter, "The citizen ID number's check character is wrong.");
        number = new CitizenIdNumber(text);
        return null;
    }
}

using System.Text;

namespace Permit.Domain.Credentials.Card;

/// <summary>
/// What EF.PERMIT holds, as primitives (card spec v1, "Files"). A record of strings and dates so the card
/// codecs do not depend on the identity value types; <see cref="FindProblem"/> checks the formats instead.
/// </summary>
/// <param name="Sex">GB/T 2261.1: <c>"1"</c> male, <c>"2"</c> female.</param>
/// <param name="EthnicGroup">GB/T 3304, two digits, e.g. <c>"01"</c>.</param>
/// <param name="ResidenceRegion">GB/T 2260 region code, six digits.</param>
/// <param name="ValidUntil">Inclusive, a date in China (UTC+8).</param>
/// <param name="CardSequence">1 for the first card of a permit, +1 for each reissue (1..255).</param>
public sealed record PermitCardData(
    string PermitNumber,
    string IdNumber,
    string Name,
    string Sex,
    string EthnicGroup,
    DateOnly BirthDate,
    string HukouAddress,
    string ResidenceAddress,
    string ResidenceRegion,
    string IssuingAuthority,
    DateOnly IssueDate,
    DateOnly ValidUntil,
    int CardSequence)
{
    public const int MaxNameBytes = 60;
    public const int MaxAddressBytes = 210;
    public const int MaxAuthorityBytes = 90;

    /// <summary>The first field that breaks card spec v1, described without its value; null when all hold.</summary>
    public string? FindProblem() =>
        PermitFormats.CheckPermitNumber(PermitNumber)
        ?? PermitFormats.CheckIdNumber(IdNumber)
        ?? CheckText(Name, MaxNameBytes, "name")
        ?? (Sex is "1" or "2" ? null : "sex must be 1 or 2")
        ?? (EthnicGroup is { Length: 2 } && PermitFormats.IsAsciiDigits(EthnicGroup) ? null : "ethnic group must be 2 digits")
        ?? CheckDate(BirthDate, "birth date")
        ?? CheckText(HukouAddress, MaxAddressBytes, "hukou address")
        ?? CheckText(ResidenceAddress, MaxAddressBytes, "residence address")
        ?? PermitFormats.CheckRegionCode(ResidenceRegion)
        ?? CheckText(IssuingAuthority, MaxAuthorityBytes, "issuing authority")
        ?? CheckDate(IssueDate, "issue date")
        ?? CheckDate(ValidUntil, "valid until")
        ?? (CardSequence is >= 1 and <= 255 ? null : "card sequence must be 1..255");

    private static string? CheckText(string? value, int maxBytes, string what)
    {
        if (string.IsNullOrEmpty(value))
        {
            return $"{what} is empty";
        }

        int byteCount;
        try
        {
            byteCount = PermitFormats.StrictUtf8.GetByteCount(value);
        }
        catch (EncoderFallbackException)
        {
            return $"{what} is not valid Unicode text";
        }

        return byteCount <= maxBytes ? null : $"{what} is over {maxBytes} UTF-8 bytes";
    }

    // YYYYMMDD has four year digits; DateOnly allows year 1 to 9999, which already fits.
    private static string? CheckDate(DateOnly date, string what) => date.Year >= 1000 ? null : $"{what} is before year 1000";
}

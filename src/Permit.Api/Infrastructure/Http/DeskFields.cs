using System.Globalization;
using Permit.Domain.Identity;
using Permit.Domain.Regions;
using Permit.Domain.Registrations;
using Permit.Domain.Common;

namespace Permit.Api.Infrastructure.Http;

/// <summary>
/// Parsing of the text fields officers and card readers send. Dates are <c>YYYYMMDD</c> (as the ID card and
/// <c>permit-agent read-id --json</c> print them) or ISO <c>YYYY-MM-DD</c>; an impossible date such as 19900230 is a
/// field error naming the field, never a silent roll-over.
/// </summary>
public static class DeskFields
{
    public const string DateInvalid = "date-invalid";
    public const string Required = "field-required";

    private static readonly string[] DateFormats = ["yyyyMMdd", "yyyy-MM-dd"];

    public static DateOnly? Date(this FieldErrors errors, string field, string? text, bool required = true)
    {
        ArgumentNullException.ThrowIfNull(errors);
        if (string.IsNullOrWhiteSpace(text))
        {
            if (required)
                errors.Add(field, Required, $"{field} is required.");
            return null;
        }
        if (DateOnly.TryParseExact(text.Trim(), DateFormats, CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
            return date;
        errors.Add(field, DateInvalid, $"{field} is not a real date (YYYYMMDD or YYYY-MM-DD).");
        return null;
    }

    public static string? Text(this FieldErrors errors, string field, string? text)
    {
        ArgumentNullException.ThrowIfNull(errors);
        if (!string.IsNullOrWhiteSpace(text))
            return text.Trim();
        errors.Add(field, Required, $"{field} is required.");
        return null;
    }

    public static CitizenIdNumber? CitizenId(this FieldErrors errors, string field, string? text, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(errors);
        return errors.Parse(field, () => CitizenIdNumber.Parse(text, today));
    }

    public static CommunityCode? Community(this FieldErrors errors, string field, string? text)
    {
        ArgumentNullException.ThrowIfNull(errors);
        return errors.Parse(field, () => CommunityCode.Parse(text?.Trim()));
    }

    /// <summary>
    /// A community the officer may register people in: inside the officer's jurisdiction (the search's community filter
    /// does not use this: a community outside simply finds nobody).
    /// </summary>
    public static CommunityCode? CommunityInJurisdiction(this FieldErrors errors, string field, string? text, PermitDbContext db)
    {
        ArgumentNullException.ThrowIfNull(db);
        var community = errors.Community(field, text);
        if (community is not null && !db.IsInJurisdiction(community))
        {
            errors.Add(field, OutsideJurisdiction,
                $"{field} lies outside your jurisdiction ({db.OfficerJurisdiction}): only an officer of that community can register there.");
            return null;
        }
        return community;
    }

    /// <summary>The problem code of a community outside the officer's jurisdiction.</summary>
    public const string OutsideJurisdiction = "community-outside-jurisdiction";

    /// <summary><c>employment</c>, <c>residence</c> or <c>study</c> (case-insensitive).</summary>
    public static ResidenceBasis? Basis(this FieldErrors errors, string field, string? text)
    {
        ArgumentNullException.ThrowIfNull(errors);
        if (Enum.TryParse<ResidenceBasis>(text?.Trim(), ignoreCase: true, out var basis) && Enum.IsDefined(basis)
            && !int.TryParse(text, CultureInfo.InvariantCulture, out _))
            return basis;
        errors.Add(field, "registration-basis-invalid", $"{field} is employment, residence or study.");
        return null;
    }
}

using Permit.Domain.Regions;

namespace Permit.Api.Security.Admin;

/// <summary>
/// How an admin names an officer's jurisdiction in the API, on the admin page and on the command line: a region code
/// (6 digits), a subdistrict or town (9) or a community (12), or <c>all</c> (or nothing) for the whole register.
/// </summary>
public static class OfficerJurisdictions
{
    public const string All = "all";

    public const string Rule =
        "A jurisdiction is a region code (6 digits, e.g. 330211), a subdistrict or town (9 digits, e.g. 330211003), "
        + "a community (12 digits) or \"all\" for the whole register.";

    /// <summary>True for a valid code or for all/blank (then <paramref name="jurisdiction"/> is null: the whole register).</summary>
    public static bool TryParse(string? text, out Jurisdiction? jurisdiction)
    {
        jurisdiction = null;
        if (string.IsNullOrWhiteSpace(text) || string.Equals(text.Trim(), All, StringComparison.OrdinalIgnoreCase))
            return true;
        if (!Jurisdiction.TryParse(text, out var parsed))
            return false;
        jurisdiction = parsed;
        return true;
    }

    /// <summary>How a jurisdiction is shown: its code and, when known, its name; <c>all</c> for the whole register.</summary>
    public static string Describe(string? code) =>
        code is null ? All : Jurisdiction.TryParse(code, out var j) && j.KnownName is { } name ? $"{code} {name}" : code;

    public static IReadOnlyList<(string Code, string Name)> KnownChoices() =>
        [(KnownRegions.ZhenhaiCode, "镇海区"), .. KnownRegions.ZhenhaiTownships.Select(t => (t.Code, t.Name))];
}

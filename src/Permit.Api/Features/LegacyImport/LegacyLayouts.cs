namespace Permit.Api.Features.LegacyImport;

/// <summary>The legacy files a district brings in (docs/legacy-import.md), told apart by their header row.</summary>
public enum LegacyFileKind
{
    Residents,
    Registrations,
    Permits,
    SocialInsurance,
    PointsFacts,
}

public static class LegacyLayouts
{
    public static readonly IReadOnlyList<string> Residents = ["idNumber", "name", "ethnicGroup", "hukouAddress", "contact"];

    public static readonly IReadOnlyList<string> Registrations =
        ["idNumber", "arrivalDate", "registrationDate", "address", "communityCode", "basis", "evidence", "employerOrLandlord", "movedOutOn"];

    public static readonly IReadOnlyList<string> Permits =
        ["permitNumber", "idNumber", "issueDate", "issuingAuthority", "cardSequence", "cardIssuedOn", "cardSerial", "endorsedOn", "endedOn", "endReason", "endNote"];

    public static readonly IReadOnlyList<string> SocialInsurance = ["idNumber", "coveredFrom", "coveredUntil", "evidenceReference"];

    public static readonly IReadOnlyList<string> PointsFacts = ["idNumber", "indicator", "level", "quantity", "evidenceReference", "recordedOn", "frozenUntil"];

    /// <summary>
    /// Residents first (every other file names a resident), then registrations (a permit rests on the registration in
    /// force on its issue day), then permits, covers and facts.
    /// </summary>
    public static int Order(LegacyFileKind kind) => (int)kind;

    public static LegacyFileKind? KindOf(IReadOnlyList<string> header)
    {
        ArgumentNullException.ThrowIfNull(header);
        var names = header.Select(h => h.Trim()).ToList();
        foreach (var kind in Enum.GetValues<LegacyFileKind>())
        {
            if (names.SequenceEqual(Columns(kind), StringComparer.OrdinalIgnoreCase))
                return kind;
        }
        return null;
    }

    public static IReadOnlyList<string> Columns(LegacyFileKind kind) => kind switch
    {
        LegacyFileKind.Residents => Residents,
        LegacyFileKind.Registrations => Registrations,
        LegacyFileKind.Permits => Permits,
        LegacyFileKind.SocialInsurance => SocialInsurance,
        _ => PointsFacts,
    };

    /// <summary>Files whose rows move the points: registrations and covers earn months, facts are points themselves.</summary>
    public static bool MovesPoints(LegacyFileKind kind) => kind is LegacyFileKind.Registrations or LegacyFileKind.SocialInsurance or LegacyFileKind.PointsFacts;
}

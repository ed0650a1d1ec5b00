namespace Permit.Api.Features.LegacyImport;

/// <summary>The legacy files a district brings in (docs/legacy-import.md), told apart by their header row.</summary>
public enum LegacyFileKind
{
    Residents,
    Registrations,
}

public static class LegacyLayouts
{
    public static readonly IReadOnlyList<string> Residents = ["idNumber", "name", "ethnicGroup", "hukouAddress", "contact"];

    public static readonly IReadOnlyList<string> Registrations =
        ["idNumber", "arrivalDate", "registrationDate", "address", "communityCode", "basis", "evidence", "employerOrLandlord", "movedOutOn"];

    /// <summary>Residents first: a registration names a resident the import must already know.</summary>
    public static int Order(LegacyFileKind kind) => (int)kind;

    public static LegacyFileKind? KindOf(IReadOnlyList<string> header)
    {
        ArgumentNullException.ThrowIfNull(header);
        var names = header.Select(h => h.Trim()).ToList();
        if (names.SequenceEqual(Residents, StringComparer.OrdinalIgnoreCase))
            return LegacyFileKind.Residents;
        if (names.SequenceEqual(Registrations, StringComparer.OrdinalIgnoreCase))
            return LegacyFileKind.Registrations;
        return null;
    }

    public static IReadOnlyList<string> Columns(LegacyFileKind kind) => kind == LegacyFileKind.Residents ? Residents : Registrations;
}

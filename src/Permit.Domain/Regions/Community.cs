namespace Permit.Domain.Regions;

/// <summary>
/// An entry of the community directory (社区/村): its code, its Chinese name and whether it is retired. The township
/// or subdistrict it belongs to is the code's first nine digits, so it cannot disagree with the code. A retired
/// community is no longer offered for new registrations, but registrations made before keep it: nothing is deleted.
/// </summary>
public sealed class Community
{
    public const int NameMaxLength = 40;

    private Community(CommunityCode code, string name)
    {
        Code = code;
        Name = name;
    }

    public CommunityCode Code { get; private set; }

    public string Name { get; private set; }

    public bool Retired { get; private set; }

    /// <summary>The 9-digit township (街道/镇) code the community belongs to.</summary>
    public string TownshipCode => Code.TownshipCode;

    /// <summary>The township's name, for Zhenhai's townships (elsewhere null).</summary>
    public string? TownshipName => Code.TownshipName;

    public static Community List(CommunityCode code, string? name)
    {
        ArgumentNullException.ThrowIfNull(code);
        return new(code, Guard.Text(name, "community-name-invalid", "The community's name", NameMaxLength));
    }

    /// <summary>True when <see cref="List"/> and <see cref="Rename"/> accept this name (for importers that reject rows).</summary>
    public static bool IsValidName(string? name) => name?.Trim() is { Length: > 0 and <= NameMaxLength };

    public void Rename(string? name) => Name = Guard.Text(name, "community-name-invalid", "The community's name", NameMaxLength);

    /// <summary>Retires the community (idempotent): new registrations can no longer name it.</summary>
    public void Retire() => Retired = true;

    /// <summary>True when a new registration (or a move) may name this community.</summary>
    public bool IsOffered => !Retired;
}

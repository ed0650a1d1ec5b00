namespace Permit.Api.Features.Statistics;

/// <summary>
/// One counted figure of a <see cref="StatisticsSnapshot"/> for one area: the residents' area codes cut to a
/// jurisdiction's length (<see cref="Area"/> is a 6-, 9- or 12-digit code, or empty for the whole register), so an
/// officer's view reads the rows of exactly its own jurisdiction code. The jurisdiction filter applies to these rows
/// like to the residents they count (<c>PermitDbContext.Jurisdiction.cs</c>).
/// </summary>
public sealed class StatisticsFigure
{
    public const int AreaMaxLength = 12;
    public const int NameMaxLength = 24;
    public const int KeyMaxLength = 16;

    /// <summary>The area of the whole register: what admins and officers without a jurisdiction read.</summary>
    public const string WholeRegister = "";

    private StatisticsFigure(Guid snapshotId, string area, string name, string key, int count)
    {
        SnapshotId = snapshotId;
        Area = area;
        Name = name;
        Key = key;
        Count = count;
    }

    public Guid SnapshotId { get; private set; }

    /// <summary>A jurisdiction code (6, 9 or 12 digits), or <see cref="WholeRegister"/>.</summary>
    public string Area { get; private set; }

    /// <summary>Which figure (<see cref="StatisticsFigures"/>).</summary>
    public string Name { get; private set; }

    /// <summary>The bar within the figure (a community, <c>yyyy-MM</c>, a status, a band); empty for a single number.</summary>
    public string Key { get; private set; }

    public int Count { get; private set; }

    public static StatisticsFigure Of(Guid snapshotId, string area, string name, string key, int count)
    {
        ArgumentNullException.ThrowIfNull(area);
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        ArgumentNullException.ThrowIfNull(key);
        if (area.Length > AreaMaxLength || name.Length > NameMaxLength || key.Length > KeyMaxLength || count < 0)
            throw new ArgumentException("A statistics figure has an area of at most 12 digits, a short name and key, and a count of at least 0.");
        return new StatisticsFigure(snapshotId, area, name, key, count);
    }
}

/// <summary>The names of the counted figures.</summary>
public static class StatisticsFigures
{
    public const string RegistrationsByCommunity = "registrations-community";
    public const string RegistrationsByMonth = "registrations-month";
    public const string PermitsByMonth = "permits-month";
    public const string PermitsByStatus = "permits-status";
    public const string EndorsementWindowOpen = "window-open";
    public const string EndorsementOverdue = "endorsement-overdue";
    public const string ApplicationsPastDue = "applications-past-due";
    public const string PointsBands = "points-band";
}

using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Permit.Domain.Permits;

namespace Permit.Api.Persistence;

/// <summary>
/// "One live permit per resident", enforced by the database on every provider: a nullable shadow column
/// <c>LiveHolderId</c> holds the resident's id while the permit is PendingCard, Active or Suspended and NULL once it has
/// ended, under a unique index. NULLs never collide (SQLite and PostgreSQL by nature; on SQL Server EF filters the
/// index <c>IS NOT NULL</c>), so ended permits pile up freely while a second live one is refused, even when two
/// issuances race. A filtered index on Status would say the same but not in one portable form.
/// </summary>
public static class LivePermitHolder
{
    public const string PropertyName = "LiveHolderId";

    public static bool IsLive(PermitStatus status) =>
        status is PermitStatus.PendingCard or PermitStatus.Active or PermitStatus.Suspended;

    public static void HasLivePermitHolder(this EntityTypeBuilder<ResidencePermit> permit)
    {
        ArgumentNullException.ThrowIfNull(permit);
        permit.Property<Guid?>(PropertyName);
        permit.HasIndex(PropertyName).IsUnique().HasDatabaseName(UniqueRules.LivePermitPerResident.IndexName);
    }

    /// <summary>Sets the column from each added or changed permit's status, just before saving.</summary>
    internal static void Apply(ChangeTracker changeTracker)
    {
        foreach (var entry in changeTracker.Entries<ResidencePermit>())
        {
            if (entry.State is not (EntityState.Added or EntityState.Modified))
                continue;
            Guid? holder = IsLive(entry.Entity.Status) ? entry.Entity.ResidentId : null;
            var column = entry.Property<Guid?>(PropertyName);
            if (column.CurrentValue != holder)
                column.CurrentValue = holder;
        }
    }
}

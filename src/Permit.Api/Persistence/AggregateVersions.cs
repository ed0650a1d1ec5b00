using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Permit.Api.Persistence;

/// <summary>
/// Optimistic concurrency that works the same on SQLite, PostgreSQL and SQL Server: each aggregate root has a shadow
/// <c>Version</c> (a <see cref="Guid"/> concurrency token), replaced whenever the aggregate or any of its children
/// changes. EF then updates with <c>WHERE Version = @original</c>, and a stale writer gets
/// <see cref="DbUpdateConcurrencyException"/>. (rowversion/xmin would be provider-specific.)
/// </summary>
public static class AggregateVersions
{
    public const string PropertyName = "Version";

    /// <summary>Marks an entity as an aggregate root with a concurrency version.</summary>
    public static void HasAggregateVersion<TEntity>(this EntityTypeBuilder<TEntity> entity) where TEntity : class
    {
        ArgumentNullException.ThrowIfNull(entity);
        entity.Property<Guid>(PropertyName).IsConcurrencyToken();
    }

    internal static void Bump(ChangeTracker changeTracker)
    {
        var entries = changeTracker.Entries().ToList();
        var principals = new PrincipalLookup(entries);
        var roots = new HashSet<EntityEntry>(ReferenceEqualityComparer.Instance);
        foreach (var entry in entries)
        {
            if (entry.State is EntityState.Unchanged or EntityState.Detached)
                continue;
            if (IsRoot(entry.Metadata))
            {
                if (entry.State is EntityState.Added or EntityState.Modified)
                    roots.Add(entry);
            }
            else if (FindRoot(entry, principals) is { State: EntityState.Unchanged or EntityState.Modified } root)
            {
                roots.Add(root);
            }
        }

        // Setting the value marks only Version modified: an untouched root whose child changed is updated with just
        // its new Version, and the WHERE clause still carries the original one.
        foreach (var root in roots)
            root.Property(PropertyName).CurrentValue = Guid.NewGuid();
    }

    private static bool IsRoot(IEntityType type) => type.FindProperty(PropertyName)?.IsConcurrencyToken == true;

    /// <summary>The aggregate root a child (owned or not) belongs to, followed up its foreign keys.</summary>
    private static EntityEntry? FindRoot(EntityEntry child, PrincipalLookup principals)
    {
        var current = child;
        for (var depth = 0; depth < 8 && !IsRoot(current.Metadata); depth++)
        {
            var parent = FindPrincipal(current, principals);
            if (parent is null)
                return null;
            current = parent;
        }
        return IsRoot(current.Metadata) ? current : null;
    }

    private static EntityEntry? FindPrincipal(EntityEntry dependent, PrincipalLookup principals)
    {
        foreach (var foreignKey in dependent.Metadata.GetForeignKeys())
        {
            // Deleted children keep their foreign key in the original values.
            var keyValues = foreignKey.Properties
                .Select(p => dependent.State == EntityState.Deleted ? dependent.Property(p.Name).OriginalValue : dependent.Property(p.Name).CurrentValue)
                .ToArray();
            if (keyValues.Any(v => v is null))
                continue;
            if (principals.Find(foreignKey, keyValues) is { } principal)
                return principal;
        }
        return null;
    }

    /// <summary>
    /// The tracked entries by principal key, indexed once per foreign key on first use: a save of many children
    /// (a bulk load, a batch of thousands) then finds each parent in constant time instead of scanning every entry.
    /// </summary>
    private sealed class PrincipalLookup(IReadOnlyList<EntityEntry> entries)
    {
        private readonly Dictionary<IForeignKey, Dictionary<object?[], EntityEntry>> _byForeignKey = [];

        public EntityEntry? Find(IForeignKey foreignKey, object?[] keyValues)
        {
            if (!_byForeignKey.TryGetValue(foreignKey, out var index))
            {
                index = new Dictionary<object?[], EntityEntry>(KeyValuesComparer.Instance);
                foreach (var candidate in entries)
                {
                    if (!foreignKey.PrincipalEntityType.IsAssignableFrom(candidate.Metadata))
                        continue;
                    // The first match wins, as the scan it replaces did.
                    index.TryAdd([.. foreignKey.PrincipalKey.Properties.Select(p => candidate.Property(p.Name).CurrentValue)], candidate);
                }
                _byForeignKey[foreignKey] = index;
            }
            return index.GetValueOrDefault(keyValues);
        }
    }

    private sealed class KeyValuesComparer : IEqualityComparer<object?[]>
    {
        public static readonly KeyValuesComparer Instance = new();

        public bool Equals(object?[]? x, object?[]? y) =>
            ReferenceEquals(x, y) || (x is not null && y is not null && x.SequenceEqual(y));

        public int GetHashCode(object?[] obj)
        {
            var hash = new HashCode();
            foreach (var value in obj)
                hash.Add(value);
            return hash.ToHashCode();
        }
    }
}

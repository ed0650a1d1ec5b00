using System.Linq.Expressions;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Permit.Domain.Identity;

namespace Permit.Api.Security.Fields;

/// <summary>
/// The blind-index column next to an encrypted citizen ID number: a shadow property <see cref="PropertyName"/>
/// filled from the number on every save (<see cref="Apply"/>), uniquely indexed, and used for lookups
/// (<see cref="WhereCitizenIdIs{T}"/>). The entity itself never sees it.
/// </summary>
public static class CitizenIdBlindIndex
{
    public const string PropertyName = "CitizenIdIndex";

    // Marks the shadow property with the name of the number property it indexes.
    private const string SourceAnnotation = "Permit:BlindIndexOf";

    /// <summary>Adds the blind-index column for <paramref name="number"/> with a unique index named <paramref name="indexName"/>.</summary>
    public static EntityTypeBuilder<T> HasCitizenIdBlindIndex<T>(
        this EntityTypeBuilder<T> builder, Expression<Func<T, CitizenIdNumber>> number, string indexName)
        where T : class
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(number);
        var source = ((MemberExpression)number.Body).Member.Name;
        builder.Property<string>(PropertyName)
            .HasMaxLength(CitizenIdProtector.BlindIndexLength)
            .IsUnicode(false)
            .IsRequired()
            .HasAnnotation(SourceAnnotation, source);
        builder.HasIndex(PropertyName).IsUnique().HasDatabaseName(indexName);
        return builder;
    }

    /// <summary>The number property a blind-index column indexes, or null when <paramref name="property"/> is no blind index.</summary>
    public static string? SourceOf(IReadOnlyProperty property)
    {
        ArgumentNullException.ThrowIfNull(property);
        return property.Name == PropertyName ? property.FindAnnotation(SourceAnnotation)?.Value as string : null;
    }

    /// <summary>Fills the blind index of every added or changed entity; call it from <c>SaveChanges</c>.</summary>
    public static void Apply(ChangeTracker changeTracker, CitizenIdProtector protector)
    {
        ArgumentNullException.ThrowIfNull(changeTracker);
        ArgumentNullException.ThrowIfNull(protector);
        foreach (var entry in changeTracker.Entries())
        {
            if (entry.State is not (EntityState.Added or EntityState.Modified))
                continue;
            var index = entry.Metadata.FindProperty(PropertyName);
            if (index?.FindAnnotation(SourceAnnotation)?.Value is not string source)
                continue;
            if (entry.Property(source).CurrentValue is CitizenIdNumber number)
                entry.Property(PropertyName).CurrentValue = protector.BlindIndex(number);
        }
    }

    /// <summary>The rows whose citizen ID number equals <paramref name="number"/>, found by blind index.</summary>
    public static IQueryable<T> WhereCitizenIdIs<T>(this IQueryable<T> query, CitizenIdProtector protector, CitizenIdNumber number)
        where T : class
    {
        ArgumentNullException.ThrowIfNull(protector);
        var index = protector.BlindIndex(number);
        return query.Where(e => EF.Property<string>(e, PropertyName) == index);
    }
}

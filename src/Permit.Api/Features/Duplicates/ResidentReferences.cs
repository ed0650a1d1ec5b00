using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Storage;
using Permit.Domain.Residents;

namespace Permit.Api.Features.Duplicates;

/// <summary>
/// Every column of the model that names a resident, read from the EF model rather than listed by hand: each foreign key
/// to <see cref="Resident"/> (registrations, applications, permits, points, photos, family links on both sides, settlement
/// and admission records) and each <c>ResidentId</c> kept without one (migrant accounts, notifications) with the live-permit holder column. A table a later
/// feature adds with either is moved by a merge without anyone remembering to. Left out on purpose: the audit trail
/// (its lines are hash-chained and cannot be rewritten; <see cref="ResidentMerge"/> leads from the old id to the
/// survivor) and the duplicate scan's own records.
/// </summary>
public sealed record ResidentReference(IEntityType Entity, IProperty Property, string Table, string? Schema, string Column)
{
    // Resident ids kept without a foreign key: accounts, notifications, and the live-permit holder column (one live
    // permit per resident, LivePermitHolder), which a merge must move with the permit or the survivor could get a second.
    private static readonly string[] Unlinked = ["ResidentId", LivePermitHolder.PropertyName];

    private static readonly Type[] Excluded = [typeof(AuditEntry), typeof(DuplicateSuspicion), typeof(ResidentMerge), typeof(Resident)];

    public static IReadOnlyList<ResidentReference> In(IModel model)
    {
        ArgumentNullException.ThrowIfNull(model);
        var residents = model.FindEntityType(typeof(Resident))!;
        var found = new Dictionary<(string, string?, string), ResidentReference>();
        foreach (var entity in model.GetEntityTypes())
        {
            if (Excluded.Contains(entity.ClrType) || entity.GetTableName() is not { } table)
                continue;
            var store = StoreObjectIdentifier.Table(table, entity.GetSchema());
            var properties = entity.GetForeignKeys()
                .Where(k => k.PrincipalEntityType == residents && k.Properties.Count == 1)
                .Select(k => k.Properties[0])
                .Concat(entity.GetProperties().Where(p => Unlinked.Contains(p.Name) && (p.ClrType == typeof(Guid) || p.ClrType == typeof(Guid?))));
            foreach (var property in properties)
            {
                if (property.GetColumnName(store) is not { } column)
                    continue;
                found.TryAdd((table, entity.GetSchema(), column), new ResidentReference(entity, property, table, entity.GetSchema(), column));
            }
        }
        return [.. found.Values];
    }

    /// <summary>Moves this column's rows from <paramref name="from"/> to <paramref name="to"/>; the number of rows moved.</summary>
    public Task<int> MoveAsync(PermitDbContext db, Guid from, Guid to, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        var sql = db.GetService<ISqlGenerationHelper>();
        var column = sql.DelimitIdentifier(Column);
        // Parameters built by the column's own type mapping: each provider stores a Guid its own way (SQLite as text).
        var mapping = Property.GetRelationalTypeMapping();
        using var command = db.Database.GetDbConnection().CreateCommand();
        var toParameter = mapping.CreateParameter(command, "merge_to", mapping.Converter?.ConvertToProvider(to) ?? to);
        var fromParameter = mapping.CreateParameter(command, "merge_from", mapping.Converter?.ConvertToProvider(from) ?? from);
#pragma warning disable EF1002 // Identifiers come from the EF model and are delimited; the values are parameters.
        return db.Database.ExecuteSqlRawAsync(
            $"UPDATE {sql.DelimitIdentifier(Table, Schema)} SET {column} = @merge_to WHERE {column} = @merge_from",
            [toParameter, fromParameter], ct);
#pragma warning restore EF1002
    }
}

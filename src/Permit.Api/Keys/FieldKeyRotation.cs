using System.Globalization;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;
using Permit.Api.Security.Fields;
using Permit.Domain.Identity;

namespace Permit.Api.Keys;

/// <summary>
/// <c>keys rotate-field-key</c>: re-encrypts every field sealed with the field key (citizen ID numbers, addresses, photos)
/// under the active key version, in batches, each batch its own save. Only rows not yet on the active version are
/// picked, so an interrupted run simply resumes where it stopped, and a run after the API nodes restarted catches rows
/// they wrote with the old key meanwhile. The blind index keeps its own key and stays valid throughout.
/// </summary>
public static class FieldKeyRotation
{
    public const int DefaultBatchSize = 500;

    /// <summary>Progress of one table: rows rewritten so far and rows left when the batch was picked.</summary>
    public sealed record Progress(string Table, int Rewritten, int Remaining);

    /// <summary>How many rows, across all sealed columns, are not on <paramref name="activeVersion"/> yet.</summary>
    public static async Task<int> CountBehindAsync(PermitDbContext db, int activeVersion, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        var total = 0;
        foreach (var table in SealedTables(db))
            total += await CountAsync(db, table, activeVersion, cancellationToken).ConfigureAwait(false);
        return total + await Features.Photos.PhotoKeyRotation.CountBehindAsync(db, activeVersion, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Rewrites every sealed field not on the active version of <paramref name="db"/>'s keys; returns rows rewritten.</summary>
    public static async Task<int> RunAsync(
        PermitDbContext db, int activeVersion, int batchSize, Action<Progress> report, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(report);
        ArgumentOutOfRangeException.ThrowIfLessThan(batchSize, 1);
        var total = 0;
        foreach (var table in SealedTables(db))
        {
            var rewritten = 0;
            while (true)
            {
                var keys = await BehindKeysAsync(db, table, activeVersion, batchSize, cancellationToken).ConfigureAwait(false);
                if (keys.Count == 0)
                    break;
                foreach (var key in keys)
                {
                    if (await db.FindAsync(table.Root.ClrType, [key], cancellationToken).ConfigureAwait(false) is { } entity)
                        MarkSealedModified(db, entity);
                }

                await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
                db.ChangeTracker.Clear();
                rewritten += keys.Count;
                total += keys.Count;
                report(new Progress(table.Name, rewritten, await CountAsync(db, table, activeVersion, cancellationToken).ConfigureAwait(false)));
            }
        }

        // Photos are sealed bytes with their key version beside them, not a converter's text: rotated on their own.
        total += await Features.Photos.PhotoKeyRotation.RunAsync(db, activeVersion, batchSize,
            (name, rewritten, remaining) => report(new Progress(name, rewritten, remaining)), cancellationToken).ConfigureAwait(false);
        return total;
    }

    // Every sealed property of the entity and of its owned rows is written again, so the converter seals it anew.
    private static void MarkSealedModified(PermitDbContext db, object entity)
    {
        var entry = db.Entry(entity);
        foreach (var property in entry.Properties.Where(p => IsSealed(p.Metadata)))
            property.IsModified = true;
        foreach (var navigation in entry.Navigations.Where(n => n.Metadata.TargetEntityType.IsOwned()))
        {
            var owned = navigation.CurrentValue switch
            {
                System.Collections.IEnumerable many => many.Cast<object>(),
                { } one => [one],
                null => [],
            };
            foreach (var child in owned)
            {
                foreach (var property in db.Entry(child).Properties.Where(p => IsSealed(p.Metadata)))
                    property.IsModified = true;
            }
        }
    }

    private static bool IsSealed(IReadOnlyProperty property) =>
        property.ClrType == typeof(CitizenIdNumber) || property.GetValueConverter() is EncryptedAddressConverter;

    private sealed record SealedTable(string Name, IEntityType Root, string KeyColumn, IReadOnlyList<string> Columns);

    // Tables with sealed columns; an owned table is reached through its owner (its rows are saved with the owner).
    private static List<SealedTable> SealedTables(PermitDbContext db)
    {
        var tables = new List<SealedTable>();
        foreach (var type in db.Model.GetEntityTypes().Where(t => t.GetTableName() is not null))
        {
            var columns = type.GetProperties().Where(IsSealed).Select(p => p.GetColumnName()).ToList();
            if (columns.Count == 0)
                continue;
            var root = type;
            while (root.IsOwned())
                root = root.FindOwnership()!.PrincipalEntityType;
            var keyColumn = type.IsOwned()
                ? type.FindOwnership()!.Properties.Single().GetColumnName()
                : type.FindPrimaryKey()!.Properties.Single().GetColumnName();
            tables.Add(new SealedTable(type.GetTableName()!, root, keyColumn, columns));
        }

        return tables;
    }

    private static string Behind(PermitDbContext db, SealedTable table, int activeVersion)
    {
        var sql = db.GetService<ISqlGenerationHelper>();
        var prefix = string.Create(CultureInfo.InvariantCulture, $"v{activeVersion}:%");
        return string.Join(" OR ", table.Columns.Select(c => $"({sql.DelimitIdentifier(c)} IS NOT NULL AND {sql.DelimitIdentifier(c)} NOT LIKE '{prefix}')"));
    }

    private static async Task<List<object>> BehindKeysAsync(
        PermitDbContext db, SealedTable table, int activeVersion, int batchSize, CancellationToken cancellationToken)
    {
        var sql = db.GetService<ISqlGenerationHelper>();
        var key = sql.DelimitIdentifier(table.KeyColumn);
        var from = $"{sql.DelimitIdentifier(table.Name)} WHERE {Behind(db, table, activeVersion)}";
        var n = batchSize.ToString(CultureInfo.InvariantCulture);
        var query = db.Database.IsSqlServer()
            ? $"SELECT DISTINCT TOP ({n}) {key} AS [Value] FROM {from}"
            : $"SELECT DISTINCT {key} AS \"Value\" FROM {from} LIMIT {n}";
        // Column names come from the model and the version is a number: nothing here is input.
#pragma warning disable EF1002
        var keys = await db.Database.SqlQueryRaw<Guid>(query).ToListAsync(cancellationToken).ConfigureAwait(false);
#pragma warning restore EF1002
        return keys.Cast<object>().ToList();
    }

    private static async Task<int> CountAsync(PermitDbContext db, SealedTable table, int activeVersion, CancellationToken cancellationToken)
    {
        var sql = db.GetService<ISqlGenerationHelper>();
        var value = db.Database.IsSqlServer() ? "[Value]" : "\"Value\"";
#pragma warning disable EF1002 // as above: model names and a number only
        return await db.Database
            .SqlQueryRaw<int>($"SELECT COUNT(*) AS {value} FROM {sql.DelimitIdentifier(table.Name)} WHERE {Behind(db, table, activeVersion)}")
            .SingleAsync(cancellationToken).ConfigureAwait(false);
#pragma warning restore EF1002
    }
}

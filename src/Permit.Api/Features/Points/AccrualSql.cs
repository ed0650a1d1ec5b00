using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Storage;

namespace Permit.Api.Features.Points;

/// <summary>
/// Spells table names, column names and literals the way the context's provider wants them, using EF Core's own
/// identifier delimiting and literal generation (so a Guid is SQLite's upper-case text, a DateTimeOffset SQLite's
/// ticks, a date PostgreSQL's <c>DATE '…'</c> and a boolean SQL Server's <c>CAST(1 AS bit)</c>). The values are the
/// job's own (dates, the run id, rule-set figures), never request text.
/// </summary>
internal sealed class AccrualSql(PermitDbContext db)
{
    private readonly ISqlGenerationHelper _sql = db.GetService<ISqlGenerationHelper>();

    public string Table<T>() => _sql.DelimitIdentifier(db.Model.FindEntityType(typeof(T))!.GetTableName()!);

    public string Column<T>(string property) => _sql.DelimitIdentifier(Property<T>(property).GetColumnName());

    /// <summary><c>"Table"."Column"</c>, for correlating with the table an UPDATE changes (SQL Server takes no alias there).</summary>
    public string Qualified<T>(string property) => $"{Table<T>()}.{Column<T>(property)}";

    public string Literal<T>(string property, object? value) =>
        value is null ? "NULL" : Property<T>(property).GetRelationalTypeMapping().GenerateSqlLiteral(value);

    private static Microsoft.EntityFrameworkCore.Metadata.IProperty PropertyOf(PermitDbContext context, Type type, string property) =>
        context.Model.FindEntityType(type)?.FindProperty(property)
        ?? throw new InvalidOperationException($"{type.Name}.{property} is not mapped.");

    private Microsoft.EntityFrameworkCore.Metadata.IProperty Property<T>(string property) => PropertyOf(db, typeof(T), property);

    /// <summary>
    /// The smaller of <paramref name="expression"/> and <paramref name="cap"/>, naming the expression once (it may hold
    /// the age CASE): SQLite's two-argument MIN, PostgreSQL's LEAST, and on SQL Server a MIN over a VALUES row, which
    /// every version takes (LEAST arrived only in SQL Server 2022).
    /// </summary>
    public string AtMost(string expression, int? cap)
    {
        if (cap is not { } c)
            return expression;
        return db.Database.ProviderName switch
        {
            "Microsoft.EntityFrameworkCore.Sqlite" => $"MIN({expression}, {c})",
            "Npgsql.EntityFrameworkCore.PostgreSQL" => $"LEAST({expression}, {c})",
            _ => $"(SELECT MIN(m.v) FROM (VALUES ({expression}), ({c})) AS m(v))",
        };
    }

    /// <summary>
    /// How an INSERT … SELECT skips rows the unique key already has: SQLite and PostgreSQL let the insert itself skip
    /// them (<c>ON CONFLICT … DO NOTHING</c>, one index probe per row); SQL Server has no such clause, so the rows are
    /// filtered by <paramref name="notExists"/> first. Either way the unique index is what finally guarantees it.
    /// <paramref name="orderBy"/> (the SELECT's ORDER BY clause) goes before the conflict clause.
    /// </summary>
    public string SkipExisting(string notExists, IReadOnlyList<string> keyColumns, string orderBy) => db.Database.ProviderName switch
    {
        "Microsoft.EntityFrameworkCore.Sqlite" or "Npgsql.EntityFrameworkCore.PostgreSQL" =>
            $"{orderBy} ON CONFLICT ({string.Join(", ", keyColumns)}) DO NOTHING",
        _ => $" AND {notExists}{orderBy}",
    };

    /// <summary>
    /// PostgreSQL plans from statistics that a bulk insert leaves stale (a table it thinks empty gets a nested loop over
    /// a sequential scan, quadratic at a million rows), so after writing many rows the run refreshes them; ANALYZE sees
    /// the run's own uncommitted rows. SQLite plans by its indexes and SQL Server refreshes statistics itself: null.
    /// </summary>
    public string? RefreshStatistics<T>() =>
        db.Database.ProviderName == "Npgsql.EntityFrameworkCore.PostgreSQL" ? $"ANALYZE {Table<T>()}" : null;

    /// <summary>
    /// Integer hundredths to whole points rounded down, also below zero. Integer division truncates towards zero in all
    /// three databases, so the value is shifted to be positive first: valid for totals above −10,000,000 points.
    /// </summary>
    public static string FloorHundredths(string expression) => $"(({expression}) + 1000000000) / 100 - 10000000";
}

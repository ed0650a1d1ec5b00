using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Storage;
using Permit.Api.Persistence;

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

    /// <summary><c>CASE WHEN x &gt; cap THEN cap ELSE x END</c>; written out because only some providers have LEAST.</summary>
    public static string AtMost(string expression, int? cap) =>
        cap is { } c ? $"CASE WHEN {expression} > {c} THEN {c} ELSE {expression} END" : expression;

    /// <summary>Clamps to ±cap, as the calculator clamps a tier.</summary>
    public static string Clamp(string expression, int? cap) =>
        cap is { } c ? $"CASE WHEN {expression} > {c} THEN {c} WHEN {expression} < {-c} THEN {-c} ELSE {expression} END" : expression;

    /// <summary>Integer hundredths to whole points, rounded down also below zero (integer division truncates).</summary>
    public static string FloorHundredths(string expression) =>
        $"CASE WHEN {expression} >= 0 THEN ({expression}) / 100 ELSE -((99 - ({expression})) / 100) END";
}

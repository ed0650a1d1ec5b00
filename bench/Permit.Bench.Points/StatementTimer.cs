using Microsoft.EntityFrameworkCore.Diagnostics;
using Permit.Api.Persistence.Postgres;
using Permit.Api.Persistence.Sqlite;

namespace Permit.Bench.Points;

/// <summary>
/// The accrual's per-statement profile: each command the context runs is timed and printed with the start of its
/// text, so a figure that misses its target names the statement that bounds it (no server setting needed).
/// </summary>
internal sealed class StatementTimer : DbCommandInterceptor
{
    public static PermitDbContext Context(DatabaseProvider provider, string connectionString, CitizenIdProtector protector) => provider switch
    {
        DatabaseProvider.Sqlite => new SqlitePermitDbContext(new DbContextOptionsBuilder<SqlitePermitDbContext>(
            PermitDatabase.Options<SqlitePermitDbContext>(provider, connectionString)).AddInterceptors(new StatementTimer()).Options, protector),
        _ => new PostgresPermitDbContext(new DbContextOptionsBuilder<PostgresPermitDbContext>(
            PermitDatabase.Options<PostgresPermitDbContext>(provider, connectionString)).AddInterceptors(new StatementTimer()).Options, protector),
    };

    public override ValueTask<int> NonQueryExecutedAsync(DbCommand command, CommandExecutedEventData eventData, int result, CancellationToken cancellationToken = default)
    {
        Print(command, eventData.Duration, result);
        return base.NonQueryExecutedAsync(command, eventData, result, cancellationToken);
    }

    public override ValueTask<DbDataReader> ReaderExecutedAsync(DbCommand command, CommandExecutedEventData eventData, DbDataReader result, CancellationToken cancellationToken = default)
    {
        Print(command, eventData.Duration, null);
        return base.ReaderExecutedAsync(command, eventData, result, cancellationToken);
    }

    private static void Print(DbCommand command, TimeSpan duration, int? rows)
    {
        var text = command.CommandText.ReplaceLineEndings(" ");
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"  stmt: {duration.TotalSeconds,7:F1} s {(rows is { } n ? $"{n,9:N0} rows" : "         -")}  {text[..Math.Min(110, text.Length)]}  {PointsBench.LoadAverage()}"));
    }
}

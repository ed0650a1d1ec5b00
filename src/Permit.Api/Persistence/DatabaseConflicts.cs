using System.Diagnostics.CodeAnalysis;
using Microsoft.Data.SqlClient;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace Permit.Api.Persistence;

public enum DatabaseConflictKind
{
    /// <summary>The row changed (or vanished) since it was read: the concurrency token no longer matched.</summary>
    ConcurrentChange,

    /// <summary>A unique index rejected the row.</summary>
    UniqueViolation,
}

/// <summary>A save the database refused because of another row; <see cref="Rule"/> names the unique rule when known.</summary>
public sealed record DatabaseConflict(DatabaseConflictKind Kind, UniqueRule? Rule);

/// <summary>
/// Recognises, per provider, the <see cref="DbUpdateException"/>s that mean "conflict" rather than "failure":
/// SQLite 19 (SQLITE_CONSTRAINT, extended UNIQUE 2067 / PRIMARYKEY 1555), PostgreSQL 23505, SQL Server 2601/2627,
/// and EF's <see cref="DbUpdateConcurrencyException"/>.
/// </summary>
public static class DatabaseConflicts
{
    private const int SqliteConstraint = 19;
    private const int SqliteConstraintUnique = 2067;
    private const int SqliteConstraintPrimaryKey = 1555;
    private const int SqlServerDuplicateKeyInUniqueIndex = 2601;
    private const int SqlServerUniqueConstraintViolation = 2627;

    /// <summary>
    /// Classifies a failed <c>SaveChanges</c> (<see cref="DbUpdateException"/>) or a failed raw command (the provider's
    /// <see cref="System.Data.Common.DbException"/>, e.g. from <c>ExecuteUpdate</c> or <c>ExecuteSql</c>).
    /// </summary>
    public static bool TryClassify(Exception exception, [NotNullWhen(true)] out DatabaseConflict? conflict)
    {
        ArgumentNullException.ThrowIfNull(exception);
        conflict = exception switch
        {
            DbUpdateConcurrencyException => new DatabaseConflict(DatabaseConflictKind.ConcurrentChange, null),
            DbUpdateException update => ClassifyProviderError(update.InnerException),
            _ => ClassifyProviderError(exception),
        };
        return conflict is not null;
    }

    /// <summary>True when the save or command failed on <paramref name="rule"/>.</summary>
    public static bool IsViolationOf(this Exception exception, UniqueRule rule) =>
        TryClassify(exception, out var conflict) && conflict.Rule == rule;

    private static DatabaseConflict? ClassifyProviderError(Exception? error) => error switch
    {
        SqliteException { SqliteErrorCode: SqliteConstraint, SqliteExtendedErrorCode: SqliteConstraintUnique or SqliteConstraintPrimaryKey } e =>
            Unique(rule => e.Message.Contains(rule.SqliteColumns, StringComparison.Ordinal)),
        PostgresException { SqlState: PostgresErrorCodes.UniqueViolation } e =>
            Unique(rule => string.Equals(e.ConstraintName, rule.IndexName, StringComparison.Ordinal)),
        SqlException { Number: SqlServerDuplicateKeyInUniqueIndex or SqlServerUniqueConstraintViolation } e =>
            Unique(rule => e.Message.Contains($"'{rule.IndexName}'", StringComparison.Ordinal)),
        _ => null,
    };

    private static DatabaseConflict Unique(Func<UniqueRule, bool> matches) =>
        new(DatabaseConflictKind.UniqueViolation, UniqueRules.All.FirstOrDefault(matches));
}

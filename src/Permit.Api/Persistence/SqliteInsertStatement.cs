using System.Globalization;
using System.Text;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore.Storage;
using SQLitePCL;

namespace Permit.Api.Persistence;

/// <summary>
/// One INSERT prepared on SQLite's own statement API and executed row after row, its values bound by position, in
/// whatever transaction the connection holds (the caller's: a failure rolls back with it).
/// <para>Why not a prepared <see cref="SqliteCommand"/>: for a 50,000-row bulk report, Microsoft.Data.Sqlite's per-execution
/// work (matching every parameter by name, a data reader per row) cost more than SQLite's own insert. The values are
/// stored exactly as Microsoft.Data.Sqlite stores them for the parameter EF's type mapping creates (Guid as upper-case
/// text, dates as ISO text, decimal as text), so a row reads and compares the same whichever way it was written;
/// a provider type this class does not know is refused when the statement is prepared, not guessed.</para>
/// </summary>
internal sealed class SqliteInsertStatement : IDisposable
{
    private readonly sqlite3 _database;
    private readonly sqlite3_stmt _statement;
    private readonly SqliteType[] _types;
    private byte[] _text = new byte[256];

    private SqliteInsertStatement(sqlite3 database, sqlite3_stmt statement, SqliteType[] types)
    {
        _database = database;
        _statement = statement;
        _types = types;
    }

    /// <summary>Prepares <c>INSERT INTO table (columns) VALUES (?1, …)</c>; <paramref name="mappings"/> give each column's storage.</summary>
    public static SqliteInsertStatement Prepare(
        SqliteConnection connection, string table, IReadOnlyList<string> columns, IReadOnlyList<RelationalTypeMapping> mappings)
    {
        ArgumentNullException.ThrowIfNull(connection);
        ArgumentNullException.ThrowIfNull(columns);
        ArgumentNullException.ThrowIfNull(mappings);
        var database = connection.Handle ?? throw new InvalidOperationException("The SQLite connection is not open.");
        var types = new SqliteType[mappings.Count];
        using (var command = connection.CreateCommand())
        {
            for (var i = 0; i < mappings.Count; i++)
            {
                // The parameter EF would send says how Microsoft.Data.Sqlite stores the value (Guid as text or blob…).
                var parameter = (SqliteParameter)mappings[i].CreateParameter(command, "$p", null, nullable: true);
                types[i] = parameter.SqliteType;
                var provider = mappings[i].Converter?.ProviderClrType ?? mappings[i].ClrType;
                if (!Stores(Nullable.GetUnderlyingType(provider) ?? provider, types[i]))
                    throw new NotSupportedException($"Column {columns[i]} of {table} holds {provider.Name} as {types[i]}, which direct SQLite inserts do not write: save it through EF.");
            }
        }
        var sql = $"INSERT INTO {table} ({string.Join(", ", columns)}) VALUES ({string.Join(", ", columns.Select((_, i) => $"?{i + 1}"))})";
        var rc = raw.sqlite3_prepare_v2(database, sql, out var statement);
        if (rc != raw.SQLITE_OK)
        {
            statement.Dispose();
            SqliteException.ThrowExceptionForRC(rc, database);
        }
        return new SqliteInsertStatement(database, statement, types);
    }

    /// <summary>
    /// The provider value (after EF's converter) of column <paramref name="column"/> (from 0) as SQLite stores it: null,
    /// text, integer, real or blob. Safe on any thread, so rows can be made ready away from the writing one.
    /// </summary>
    public object? Stored(int column, object? value) => value switch
    {
        null or DBNull => null,
        string or long or double or byte[] => value,
        bool flag => flag ? 1L : 0L,
        int number => (long)number,
        short number => (long)number,
        byte number => (long)number,
        Guid id when _types[column] == SqliteType.Blob => id.ToByteArray(),
        Guid id => id.ToString().ToUpperInvariant(),
        DateTimeOffset at => at.ToString(@"yyyy\-MM\-dd HH\:mm\:ss.FFFFFFFzzz", CultureInfo.InvariantCulture),
        DateTime at => at.ToString(@"yyyy\-MM\-dd HH\:mm\:ss.FFFFFFF", CultureInfo.InvariantCulture),
        DateOnly day => day.ToString(@"yyyy\-MM\-dd", CultureInfo.InvariantCulture),
        decimal amount => amount.ToString("0.0###########################", CultureInfo.InvariantCulture),
        _ => throw new NotSupportedException($"A {value.GetType().Name} value cannot be written by a direct SQLite insert."),
    };

    /// <summary>Inserts one row of values (stored forms, <see cref="Stored"/>, or provider values), one per column.</summary>
    public void Execute(object?[] values)
    {
        ArgumentNullException.ThrowIfNull(values);
        if (values.Length != _types.Length)
            throw new ArgumentException($"The statement has {_types.Length} columns; the row has {values.Length} values.", nameof(values));
        for (var i = 0; i < values.Length; i++)
            Bind(i + 1, Stored(i, values[i]));
        var rc = raw.sqlite3_step(_statement);
        try
        {
            // The error is read from the connection before the reset, which would replace it.
            if (rc != raw.SQLITE_DONE)
                SqliteException.ThrowExceptionForRC(rc, _database);
        }
        finally
        {
            raw.sqlite3_reset(_statement);
        }
    }

    private void Bind(int index, object? stored)
    {
        var rc = stored switch
        {
            null => raw.sqlite3_bind_null(_statement, index),
            string text => BindText(index, text),
            long number => raw.sqlite3_bind_int64(_statement, index, number),
            double number when !double.IsNaN(number) => raw.sqlite3_bind_double(_statement, index, number),
            byte[] bytes => raw.sqlite3_bind_blob(_statement, index, bytes),
            _ => throw new NotSupportedException("NaN cannot be written by a direct SQLite insert."),
        };
        if (rc != raw.SQLITE_OK)
            SqliteException.ThrowExceptionForRC(rc, _database);
    }

    // Encoded into one reused buffer (SQLite copies the bound text) rather than a new array per value.
    private int BindText(int index, string text)
    {
        var length = Encoding.UTF8.GetMaxByteCount(text.Length);
        if (_text.Length < length)
            _text = new byte[Math.Max(length, _text.Length * 2)];
        var written = Encoding.UTF8.GetBytes(text, _text);
        return raw.sqlite3_bind_text(_statement, index, _text.AsSpan(0, written));
    }

    public void Dispose() => _statement.Dispose();

    // Only types whose storage above matches Microsoft.Data.Sqlite's for that SqliteType (REAL dates, for one, are not).
    private static bool Stores(Type type, SqliteType storage) =>
        type == typeof(string) || type == typeof(byte[]) || type == typeof(bool) || type == typeof(int) || type == typeof(long)
        || type == typeof(short) || type == typeof(byte) || type == typeof(double)
        || (type == typeof(Guid) && storage is SqliteType.Text or SqliteType.Blob)
        || ((type == typeof(DateTimeOffset) || type == typeof(DateTime) || type == typeof(DateOnly) || type == typeof(decimal)) && storage == SqliteType.Text);
}

using Quartz;

namespace Permit.Api.Features.Jobs;

/// <summary>
/// Quartz.NET's ADO job store tables (prefix <c>QRTZ_</c>), created by the <c>QuartzTables</c> migrations of PostgreSQL
/// and SQL Server (SQLite runs Quartz in memory and gets none). The statements are Quartz's own: the schema script its
/// package ships for exactly the version in <c>Directory.Packages.props</c> (embedded as
/// <c>Quartz.Impl.AdoJobStore.Schema.create_&lt;dialect&gt;.sql</c>, the DDL behind <c>tables_postgres.sql</c> and
/// <c>tables_sqlServer.sql</c>), split where it says (<c>--;;</c>). Every statement only creates what is missing, so
/// running them on a database that has the tables changes nothing. Quartz checks the schema when it starts: after a
/// Quartz upgrade that adds columns, it names the migration scripts to add in a new migration.
/// </summary>
public static class QuartzSchema
{
    public const string TablePrefix = "QRTZ_";

    private const string Separator = "--;;";

    /// <summary>Quartz's tables, children first, for the migration's <c>Down</c>.</summary>
    public static IReadOnlyList<string> Tables { get; } =
    [
        "FIRED_TRIGGERS", "PAUSED_TRIGGER_GRPS", "PAUSED_JOB_GRPS", "SCHEDULER_STATE", "LOCKS", "EXECUTION_HISTORY",
        "MISFIRE_HISTORY", "JOB_STATUS", "SIMPROP_TRIGGERS", "SIMPLE_TRIGGERS", "CRON_TRIGGERS", "BLOB_TRIGGERS",
        "TRIGGERS", "JOB_DETAILS", "CALENDARS",
    ];

    public static IReadOnlyList<string> PostgresCreate => Statements("postgres");

    public static IReadOnlyList<string> SqlServerCreate => Statements("sqlServer");

    private static List<string> Statements(string dialect)
    {
        var name = $"Quartz.Impl.AdoJobStore.Schema.create_{dialect}.sql";
        using var stream = typeof(IScheduler).Assembly.GetManifestResourceStream(name)
            ?? throw new InvalidOperationException($"The Quartz package no longer ships {name}: see QuartzSchema.");
        using var reader = new StreamReader(stream);
        // {0} is the table prefix, {1} the same without a schema (for index and constraint names): ours has none.
        var script = reader.ReadToEnd().Replace("{0}", TablePrefix, StringComparison.Ordinal)
            .Replace("{1}", TablePrefix, StringComparison.Ordinal);
        var statements = new List<string>();
        var current = new List<string>();
        foreach (var line in script.Split('\n').Select(l => l.TrimEnd('\r')))
        {
            if (line.Trim() == Separator)
            {
                Flush();
                continue;
            }

            current.Add(line);
        }

        Flush();
        return statements;

        void Flush()
        {
            if (current.Any(l => l.Trim().Length > 0 && !l.TrimStart().StartsWith("--", StringComparison.Ordinal)))
                statements.Add(string.Join('\n', current).Trim());
            current.Clear();
        }
    }
}

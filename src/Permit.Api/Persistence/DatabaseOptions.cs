namespace Permit.Api.Persistence;

/// <summary>The <c>Database</c> configuration section.</summary>
public sealed class DatabaseOptions
{
    public const string Section = "Database";

    /// <summary>The default when <c>ConnectionStrings:Permit</c> is not set: a SQLite file under the content root.</summary>
    public const string DefaultSqliteConnectionString = "Data Source=data/permit.db";

    public DatabaseProvider Provider { get; set; } = DatabaseProvider.Sqlite;

    /// <summary>Apply pending migrations when the host starts. Turn off where a deployment step migrates instead.</summary>
    public bool MigrateOnStartup { get; set; } = true;
}

namespace Permit.Api.Persistence;

/// <summary>The database engines the API runs on; chosen by <c>Database:Provider</c>.</summary>
public enum DatabaseProvider
{
    Sqlite,
    Postgres,
    SqlServer,
}

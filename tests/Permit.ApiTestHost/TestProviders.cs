using Npgsql;
using Permit.TestRig;

namespace Permit.ApiTestHost;

/// <summary>
/// The provider matrix of the tests that run the API on a database: <c>[Theory, MemberData(nameof(TestProviders.Both),
/// MemberType = typeof(TestProviders))]</c> with a <see cref="DatabaseProvider"/> parameter. PostgreSQL is the server
/// named by <c>PERMIT_TEST_POSTGRES</c>: without it the test skips, and in CI (<c>CI=true</c>) fails.
/// </summary>
public static class TestProviders
{
    public const string PostgresVariable = "PERMIT_TEST_POSTGRES";

    public static TheoryData<DatabaseProvider> Both => [DatabaseProvider.Sqlite, DatabaseProvider.Postgres];

    /// <summary>The connection string of the PostgreSQL server (a role that may create databases); skips or fails without one.</summary>
    public static string PostgresServer()
    {
        var server = Environment.GetEnvironmentVariable(PostgresVariable);
        if (string.IsNullOrWhiteSpace(server))
            Requirements.Require($"PostgreSQL tests need {PostgresVariable}, e.g. Host=127.0.0.1;Username=permit;Password=…;Database=postgres");
        return server!;
    }

    /// <summary>Drops a test's PostgreSQL database at the end, even while a server-side worker is still on it.</summary>
    public static async Task DropPostgresDatabaseAsync(string serverConnectionString, string database)
    {
        NpgsqlConnection.ClearAllPools();
        await using var admin = new NpgsqlConnection(serverConnectionString);
        await admin.OpenAsync();
        await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{database}\" WITH (FORCE)", admin);
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await drop.ExecuteNonQueryAsync();
                return;
            }
            catch (PostgresException e) when (attempt < 20
                                              && e.SqlState is PostgresErrorCodes.InsufficientPrivilege or PostgresErrorCodes.ObjectInUse)
            {
                // An autovacuum worker (no role this one may signal) can be on a just-written database for a moment.
                await Task.Delay(250);
            }
        }
    }
}

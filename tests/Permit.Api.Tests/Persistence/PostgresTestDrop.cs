using Npgsql;

namespace Permit.Api.Tests.Persistence;

/// <summary>Drops a test's PostgreSQL database at the end, even while a server-side worker is still on it.</summary>
public static class PostgresTestDrop
{
    public static async Task DropDatabaseAsync(string serverConnectionString, string database)
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

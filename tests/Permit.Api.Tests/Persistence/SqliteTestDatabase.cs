using Microsoft.Data.Sqlite;

namespace Permit.Api.Tests.Persistence;

/// <summary>A SQLite file in a temporary folder, migrated with the SQLite migrations, deleted afterwards.</summary>
public sealed class SqliteTestDatabase : ITestDatabase, IAsyncLifetime
{
    private readonly DirectoryInfo _directory = Directory.CreateTempSubdirectory("permit-persistence-");

    public DatabaseProvider Provider => DatabaseProvider.Sqlite;

    private string ConnectionString => $"Data Source={Path.Combine(_directory.FullName, "permit.db")}";

    public PermitDbContext NewContext() => PermitDatabase.CreateContext(Provider, ConnectionString, TestCitizenIdKeys.Protector);

    public async ValueTask InitializeAsync()
    {
        await using var db = NewContext();
        await db.Database.MigrateAsync();
    }

    public ValueTask DisposeAsync()
    {
        SqliteConnection.ClearAllPools();
        _directory.Delete(recursive: true);
        return ValueTask.CompletedTask;
    }
}

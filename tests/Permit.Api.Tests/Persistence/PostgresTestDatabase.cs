using Npgsql;

namespace Permit.Api.Tests.Persistence;

/// <summary>
/// A database of its own (random name) on the PostgreSQL server named by <c>PERMIT_TEST_POSTGRES</c> (an Npgsql
/// connection string of a role that may create databases), migrated with the PostgreSQL migrations and dropped afterwards.
/// </summary>
public sealed class PostgresTestDatabase : ITestDatabase, IAsyncLifetime
{
    public const string ConnectionVariable = TestProviders.PostgresVariable;

    private readonly string? _server = Environment.GetEnvironmentVariable(ConnectionVariable);
    private readonly string _name = $"permit_test_{Guid.NewGuid():N}";
    private string? _unavailable;
    private bool _created;

    public DatabaseProvider Provider => DatabaseProvider.Postgres;

    public string ConnectionString =>
        new NpgsqlConnectionStringBuilder(_server) { Database = _name, Pooling = true, MaxPoolSize = 50 }.ConnectionString;

    public PermitDbContext NewContext()
    {
        if (_unavailable is not null)
            Requirement.Unmet(_unavailable);
        return PermitDatabase.CreateContext(Provider, ConnectionString, TestCitizenIdKeys.Protector);
    }

    public async ValueTask InitializeAsync()
    {
        if (string.IsNullOrWhiteSpace(_server))
        {
            _unavailable = $"PostgreSQL tests need {ConnectionVariable}, e.g. Host=127.0.0.1;Username=permit;Password=…;Database=postgres";
            return;
        }
        try
        {
            await using var db = PermitDatabase.CreateContext(Provider, ConnectionString, TestCitizenIdKeys.Protector);
            _created = true;
            await db.Database.MigrateAsync();
        }
        catch (NpgsqlException e)
        {
            _unavailable = $"PostgreSQL at {ConnectionVariable} cannot be used: {e.Message}";
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (!_created)
            return;
        await TestProviders.DropPostgresDatabaseAsync(_server!, _name);
    }
}

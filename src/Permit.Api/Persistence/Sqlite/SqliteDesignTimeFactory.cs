using Microsoft.EntityFrameworkCore.Design;

namespace Permit.Api.Persistence.Sqlite;

/// <summary>Lets <c>dotnet ef migrations add … --context SqlitePermitDbContext</c> build the model without the host.</summary>
public sealed class SqliteDesignTimeFactory : IDesignTimeDbContextFactory<SqlitePermitDbContext>
{
    // Only used to build the model and generate migrations; never opened.
    private const string DesignTimeConnectionString = "Data Source=design-time.db";

    public SqlitePermitDbContext CreateDbContext(string[] args) =>
        new(PermitDatabase.Options<SqlitePermitDbContext>(DatabaseProvider.Sqlite, DesignTimeConnectionString), citizenIdProtector: null);
}

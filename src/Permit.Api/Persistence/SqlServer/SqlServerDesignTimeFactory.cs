using Microsoft.EntityFrameworkCore.Design;

namespace Permit.Api.Persistence.SqlServer;

/// <summary>Lets <c>dotnet ef migrations add … --context SqlServerPermitDbContext</c> build the model without the host.</summary>
public sealed class SqlServerDesignTimeFactory : IDesignTimeDbContextFactory<SqlServerPermitDbContext>
{
    // Only used to build the model and generate migrations; never opened.
    private const string DesignTimeConnectionString = "Server=localhost;Database=PermitDesignTime;Integrated Security=true;TrustServerCertificate=true";

    public SqlServerPermitDbContext CreateDbContext(string[] args) =>
        new(PermitDatabase.Options<SqlServerPermitDbContext>(DatabaseProvider.SqlServer, DesignTimeConnectionString), citizenIdProtector: null);
}

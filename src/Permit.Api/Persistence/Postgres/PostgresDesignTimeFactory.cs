using Microsoft.EntityFrameworkCore.Design;

namespace Permit.Api.Persistence.Postgres;

/// <summary>Lets <c>dotnet ef migrations add … --context PostgresPermitDbContext</c> build the model without the host.</summary>
public sealed class PostgresDesignTimeFactory : IDesignTimeDbContextFactory<PostgresPermitDbContext>
{
    // Only used to build the model and generate migrations; never opened.
    private const string DesignTimeConnectionString = "Host=localhost;Database=permit_design_time";

    public PostgresPermitDbContext CreateDbContext(string[] args) =>
        new(PermitDatabase.Options<PostgresPermitDbContext>(DatabaseProvider.Postgres, DesignTimeConnectionString), citizenIdProtector: null);
}

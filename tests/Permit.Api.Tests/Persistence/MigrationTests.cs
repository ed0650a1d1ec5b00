namespace Permit.Api.Tests.Persistence;

public sealed class MigrationTests
{
    public static TheoryData<DatabaseProvider> Providers => [.. Enum.GetValues<DatabaseProvider>()];

    /// <summary>Fails when the model changed without `dotnet ef migrations add` for this provider (see Persistence/README.md).</summary>
    [Theory]
    [MemberData(nameof(Providers))]
    public void Each_provider_has_migrations_for_the_current_model(DatabaseProvider provider)
    {
        using var db = PermitDatabase.CreateContext(provider, ConnectionStringFor(provider), TestCitizenIdKeys.Protector);

        Assert.NotEmpty(db.Database.GetMigrations());
        Assert.False(db.Database.HasPendingModelChanges(), $"The {provider} migrations are behind the model: add a migration.");
    }

    // Never opened: comparing the model with the migrations needs no server.
    private static string ConnectionStringFor(DatabaseProvider provider) => provider switch
    {
        DatabaseProvider.Sqlite => "Data Source=:memory:",
        DatabaseProvider.Postgres => "Host=unused;Database=permit",
        _ => "Server=unused;Database=Permit;TrustServerCertificate=true",
    };
}

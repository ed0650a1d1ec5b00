using Permit.Api.Security.Fields;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace Permit.Api.Persistence.Sqlite;

/// <summary>
/// The SQLite flavour of <see cref="PermitDbContext"/>. It exists so that SQLite has its own migrations (in
/// <c>Migrations/</c> beside this file); the model itself is the shared one.
/// </summary>
public sealed class SqlitePermitDbContext(DbContextOptions<SqlitePermitDbContext> options, CitizenIdProtector? citizenIdProtector)
    : PermitDbContext(options, citizenIdProtector)
{
    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        base.ConfigureConventions(configurationBuilder);
        // SQLite has no timestamp type: EF would store text it cannot compare or sort. Ticks-with-offset can be both.
        configurationBuilder.Properties<DateTimeOffset>().HaveConversion<DateTimeOffsetToBinaryConverter>();
    }
}

using Permit.Api.Security.Fields;

namespace Permit.Api.Persistence.SqlServer;

/// <summary>
/// The SQL Server flavour of <see cref="PermitDbContext"/>. It exists so that SQL Server has its own migrations (in
/// <c>Migrations/</c> beside this file); the model itself is the shared one.
/// </summary>
public sealed class SqlServerPermitDbContext(DbContextOptions<SqlServerPermitDbContext> options, CitizenIdProtector? citizenIdProtector)
    : PermitDbContext(options, citizenIdProtector);

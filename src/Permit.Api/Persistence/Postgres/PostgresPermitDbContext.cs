using Permit.Api.Security.Fields;

namespace Permit.Api.Persistence.Postgres;

/// <summary>
/// The PostgreSQL flavour of <see cref="PermitDbContext"/>. It exists so that PostgreSQL has its own migrations (in
/// <c>Migrations/</c> beside this file); the model itself is the shared one.
/// </summary>
public sealed class PostgresPermitDbContext(DbContextOptions<PostgresPermitDbContext> options, CitizenIdProtector? citizenIdProtector)
    : PermitDbContext(options, citizenIdProtector);

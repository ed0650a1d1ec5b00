using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Permit.Api.Features.Jobs;

#nullable disable

namespace Permit.Api.Persistence.Postgres.Migrations;

/// <summary>
/// Quartz's clustered job store tables (<see cref="QuartzSchema"/>). Written by hand: they are not in the EF model, so
/// this migration changes no snapshot and survives regenerating the model's own migrations.
/// </summary>
[DbContext(typeof(PostgresPermitDbContext))]
[Migration("20261129050000_QuartzTables")]
public partial class QuartzTables : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        foreach (var statement in QuartzSchema.PostgresCreate)
            migrationBuilder.Sql(statement);
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        foreach (var table in QuartzSchema.Tables)
            migrationBuilder.Sql($"DROP TABLE IF EXISTS {QuartzSchema.TablePrefix}{table}");
    }
}

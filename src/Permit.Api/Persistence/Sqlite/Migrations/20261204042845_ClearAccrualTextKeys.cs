using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Permit.Api.Persistence.Sqlite.Migrations
{
    /// <summary>Hand-written (keep when regenerating): the second half of NarrowLedgerKey on SQLite, on the rebuilt table.</summary>
    public partial class ClearAccrualTextKeys : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql(Permit.Api.Features.Points.PointsModel.ClearAccrualTextKeysSql);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql(Permit.Api.Features.Points.PointsModel.WideLedgerKeySql);
        }
    }
}

using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Permit.Api.Persistence.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class OfficerJurisdictions : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "AreaCode",
                table: "Residents",
                type: "character varying(12)",
                unicode: false,
                maxLength: 12,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Jurisdiction",
                table: "Officers",
                type: "character varying(12)",
                unicode: false,
                maxLength: 12,
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "IX_Residents_AreaCode",
                table: "Residents",
                column: "AreaCode");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Residents_AreaCode",
                table: "Residents");

            migrationBuilder.DropColumn(
                name: "AreaCode",
                table: "Residents");

            migrationBuilder.DropColumn(
                name: "Jurisdiction",
                table: "Officers");
        }
    }
}

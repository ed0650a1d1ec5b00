using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Permit.Api.Persistence.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class EncryptCitizenIds : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "UX_Residents_CitizenId",
                table: "Residents");

            migrationBuilder.AddColumn<string>(
                name: "CitizenIdIndex",
                table: "Residents",
                type: "TEXT",
                unicode: false,
                maxLength: 32,
                nullable: false,
                defaultValue: "");

            migrationBuilder.CreateIndex(
                name: "UX_Residents_CitizenId",
                table: "Residents",
                column: "CitizenIdIndex",
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "UX_Residents_CitizenId",
                table: "Residents");

            migrationBuilder.DropColumn(
                name: "CitizenIdIndex",
                table: "Residents");

            migrationBuilder.CreateIndex(
                name: "UX_Residents_CitizenId",
                table: "Residents",
                column: "CitizenId",
                unique: true);
        }
    }
}

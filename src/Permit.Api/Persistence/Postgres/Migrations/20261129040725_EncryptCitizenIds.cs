using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Permit.Api.Persistence.Postgres.Migrations
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

            migrationBuilder.AlterColumn<string>(
                name: "CitizenId",
                table: "Residents",
                type: "character varying(80)",
                unicode: false,
                maxLength: 80,
                nullable: false,
                oldClrType: typeof(string),
                oldType: "character varying(18)",
                oldUnicode: false,
                oldMaxLength: 18);

            migrationBuilder.AddColumn<string>(
                name: "CitizenIdIndex",
                table: "Residents",
                type: "character varying(32)",
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

            migrationBuilder.AlterColumn<string>(
                name: "CitizenId",
                table: "Residents",
                type: "character varying(18)",
                unicode: false,
                maxLength: 18,
                nullable: false,
                oldClrType: typeof(string),
                oldType: "character varying(80)",
                oldUnicode: false,
                oldMaxLength: 80);

            migrationBuilder.CreateIndex(
                name: "UX_Residents_CitizenId",
                table: "Residents",
                column: "CitizenId",
                unique: true);
        }
    }
}

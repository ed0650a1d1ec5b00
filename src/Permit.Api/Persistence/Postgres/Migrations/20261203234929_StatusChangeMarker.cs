using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Permit.Api.Persistence.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class StatusChangeMarker : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<long>(
                name: "ChangeMarker",
                table: "StatusLists",
                type: "bigint",
                nullable: false,
                defaultValue: 0L);

            migrationBuilder.AddColumn<long>(
                name: "ChangeMarker",
                table: "RevocationLists",
                type: "bigint",
                nullable: false,
                defaultValue: 0L);

            migrationBuilder.CreateTable(
                name: "StatusChangeMarkers",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false),
                    Counter = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_StatusChangeMarkers", x => x.Id);
                });

            migrationBuilder.InsertData(
                table: "StatusChangeMarkers",
                columns: new[] { "Id", "Counter" },
                values: new object[] { 1, 1L });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "StatusChangeMarkers");

            migrationBuilder.DropColumn(
                name: "ChangeMarker",
                table: "StatusLists");

            migrationBuilder.DropColumn(
                name: "ChangeMarker",
                table: "RevocationLists");
        }
    }
}

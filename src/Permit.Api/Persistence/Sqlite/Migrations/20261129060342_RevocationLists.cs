using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Permit.Api.Persistence.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class RevocationLists : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "RevocationLists",
                columns: table => new
                {
                    Version = table.Column<long>(type: "INTEGER", nullable: false),
                    ThisUpdate = table.Column<long>(type: "INTEGER", nullable: false),
                    NextUpdate = table.Column<long>(type: "INTEGER", nullable: false),
                    KeyId = table.Column<string>(type: "TEXT", unicode: false, maxLength: 16, nullable: false),
                    RevokedCount = table.Column<int>(type: "INTEGER", nullable: false),
                    SuspendedCount = table.Column<int>(type: "INTEGER", nullable: false),
                    ExtendedCount = table.Column<int>(type: "INTEGER", nullable: false),
                    SignedList = table.Column<byte[]>(type: "BLOB", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_RevocationLists", x => x.Version);
                });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "RevocationLists");
        }
    }
}

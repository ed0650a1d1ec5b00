using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Permit.Api.Persistence.SqlServer.Migrations
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
                    Version = table.Column<long>(type: "bigint", nullable: false),
                    ThisUpdate = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: false),
                    NextUpdate = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: false),
                    KeyId = table.Column<string>(type: "varchar(16)", unicode: false, maxLength: 16, nullable: false),
                    RevokedCount = table.Column<int>(type: "int", nullable: false),
                    SuspendedCount = table.Column<int>(type: "int", nullable: false),
                    ExtendedCount = table.Column<int>(type: "int", nullable: false),
                    SignedList = table.Column<byte[]>(type: "varbinary(max)", nullable: false)
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

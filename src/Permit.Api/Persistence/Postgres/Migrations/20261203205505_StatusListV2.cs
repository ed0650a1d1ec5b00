using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Permit.Api.Persistence.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class StatusListV2 : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "StatusLists",
                columns: table => new
                {
                    Number = table.Column<long>(type: "bigint", nullable: false),
                    ThisUpdate = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    NextUpdate = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    KeyId = table.Column<string>(type: "character varying(16)", unicode: false, maxLength: 16, nullable: false),
                    RevokedCount = table.Column<int>(type: "integer", nullable: false),
                    SuspendedCount = table.Column<int>(type: "integer", nullable: false),
                    CardCount = table.Column<long>(type: "bigint", nullable: false),
                    SignedList = table.Column<byte[]>(type: "bytea", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_StatusLists", x => x.Number);
                });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "StatusLists");
        }
    }
}

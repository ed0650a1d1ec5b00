using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Permit.Api.Persistence.SqlServer.Migrations
{
    /// <inheritdoc />
    public partial class Dupes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "DuplicateSuspicions",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    FirstResidentId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    SecondResidentId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    Rule = table.Column<string>(type: "varchar(32)", unicode: false, maxLength: 32, nullable: false),
                    Position = table.Column<int>(type: "int", nullable: true),
                    Digits = table.Column<string>(type: "varchar(8)", unicode: false, maxLength: 8, nullable: true),
                    NameVariance = table.Column<int>(type: "int", unicode: false, maxLength: 32, nullable: false),
                    Evidence = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: false),
                    FoundAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: false),
                    Status = table.Column<string>(type: "varchar(32)", unicode: false, maxLength: 32, nullable: false),
                    SurvivorId = table.Column<Guid>(type: "uniqueidentifier", nullable: true),
                    DecidedBy = table.Column<string>(type: "nvarchar(100)", maxLength: 100, nullable: true),
                    DecidedAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_DuplicateSuspicions", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "ResidentMerges",
                columns: table => new
                {
                    MergedId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    SurvivorId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    SuspicionId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    MergedName = table.Column<string>(type: "nvarchar(60)", maxLength: 60, nullable: false),
                    MergedCitizenId = table.Column<string>(type: "varchar(80)", unicode: false, maxLength: 80, nullable: false),
                    MergedBy = table.Column<string>(type: "nvarchar(100)", maxLength: 100, nullable: false),
                    MergedAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: false),
                    RowsMoved = table.Column<int>(type: "int", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ResidentMerges", x => x.MergedId);
                });

            migrationBuilder.CreateIndex(
                name: "IX_DuplicateSuspicions_SecondResidentId",
                table: "DuplicateSuspicions",
                column: "SecondResidentId");

            migrationBuilder.CreateIndex(
                name: "IX_DuplicateSuspicions_Status",
                table: "DuplicateSuspicions",
                column: "Status");

            migrationBuilder.CreateIndex(
                name: "UX_DuplicateSuspicions_Pair",
                table: "DuplicateSuspicions",
                columns: new[] { "FirstResidentId", "SecondResidentId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_ResidentMerges_SurvivorId",
                table: "ResidentMerges",
                column: "SurvivorId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "DuplicateSuspicions");

            migrationBuilder.DropTable(
                name: "ResidentMerges");
        }
    }
}

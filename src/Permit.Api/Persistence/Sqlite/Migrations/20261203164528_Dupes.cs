using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Permit.Api.Persistence.Sqlite.Migrations
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
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    FirstResidentId = table.Column<Guid>(type: "TEXT", nullable: false),
                    SecondResidentId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Rule = table.Column<string>(type: "TEXT", unicode: false, maxLength: 32, nullable: false),
                    Position = table.Column<int>(type: "INTEGER", nullable: true),
                    Digits = table.Column<string>(type: "TEXT", unicode: false, maxLength: 8, nullable: true),
                    NameVariance = table.Column<int>(type: "INTEGER", unicode: false, maxLength: 32, nullable: false),
                    Evidence = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    FoundAt = table.Column<long>(type: "INTEGER", nullable: false),
                    Status = table.Column<string>(type: "TEXT", unicode: false, maxLength: 32, nullable: false),
                    SurvivorId = table.Column<Guid>(type: "TEXT", nullable: true),
                    DecidedBy = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    DecidedAt = table.Column<long>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_DuplicateSuspicions", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "ResidentMerges",
                columns: table => new
                {
                    MergedId = table.Column<Guid>(type: "TEXT", nullable: false),
                    SurvivorId = table.Column<Guid>(type: "TEXT", nullable: false),
                    SuspicionId = table.Column<Guid>(type: "TEXT", nullable: false),
                    MergedName = table.Column<string>(type: "TEXT", maxLength: 60, nullable: false),
                    MergedCitizenId = table.Column<string>(type: "TEXT", unicode: false, maxLength: 80, nullable: false),
                    MergedBy = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    MergedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    RowsMoved = table.Column<int>(type: "INTEGER", nullable: false)
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

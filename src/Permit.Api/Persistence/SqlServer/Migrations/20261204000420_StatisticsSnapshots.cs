using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Permit.Api.Persistence.SqlServer.Migrations
{
    /// <inheritdoc />
    public partial class StatisticsSnapshots : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "StatisticsSnapshots",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    TakenAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: false),
                    AsOf = table.Column<DateOnly>(type: "date", nullable: false),
                    Trigger = table.Column<string>(type: "varchar(16)", unicode: false, maxLength: 16, nullable: false),
                    Milliseconds = table.Column<int>(type: "int", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_StatisticsSnapshots", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "StatisticsFigures",
                columns: table => new
                {
                    SnapshotId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    Area = table.Column<string>(type: "varchar(12)", unicode: false, maxLength: 12, nullable: false),
                    Name = table.Column<string>(type: "varchar(24)", unicode: false, maxLength: 24, nullable: false),
                    Key = table.Column<string>(type: "varchar(16)", unicode: false, maxLength: 16, nullable: false),
                    Count = table.Column<int>(type: "int", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_StatisticsFigures", x => new { x.SnapshotId, x.Area, x.Name, x.Key });
                    table.ForeignKey(
                        name: "FK_StatisticsFigures_StatisticsSnapshots_SnapshotId",
                        column: x => x.SnapshotId,
                        principalTable: "StatisticsSnapshots",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_StatisticsSnapshots_AsOf_TakenAt",
                table: "StatisticsSnapshots",
                columns: new[] { "AsOf", "TakenAt" });

            migrationBuilder.CreateIndex(
                name: "IX_StatisticsSnapshots_TakenAt",
                table: "StatisticsSnapshots",
                column: "TakenAt");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "StatisticsFigures");

            migrationBuilder.DropTable(
                name: "StatisticsSnapshots");
        }
    }
}

using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Permit.Api.Persistence.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class PointsLedger : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "PointsBalances",
                columns: table => new
                {
                    ResidentId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Total = table.Column<int>(type: "INTEGER", nullable: false),
                    TotalHundredths = table.Column<int>(type: "INTEGER", nullable: false),
                    Frozen = table.Column<bool>(type: "INTEGER", nullable: false),
                    FrozenUntil = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    RuleSetVersion = table.Column<string>(type: "TEXT", unicode: false, maxLength: 80, nullable: false),
                    ComputedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    BirthDate = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    SocialInsuranceMonths = table.Column<int>(type: "INTEGER", nullable: false),
                    ResidenceMonths = table.Column<int>(type: "INTEGER", nullable: false),
                    ProvinceFixedHundredths = table.Column<int>(type: "INTEGER", nullable: false),
                    OtherTiersHundredths = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PointsBalances", x => x.ResidentId);
                    table.ForeignKey(
                        name: "FK_PointsBalances_Residents_ResidentId",
                        column: x => x.ResidentId,
                        principalTable: "Residents",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "PointsEntries",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    ResidentId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Kind = table.Column<string>(type: "TEXT", unicode: false, maxLength: 32, nullable: false),
                    Indicator = table.Column<string>(type: "TEXT", unicode: false, maxLength: 64, nullable: false),
                    Quantity = table.Column<int>(type: "INTEGER", nullable: false),
                    Level = table.Column<string>(type: "TEXT", unicode: false, maxLength: 64, nullable: true),
                    PointsHundredths = table.Column<int>(type: "INTEGER", nullable: false),
                    Period = table.Column<string>(type: "TEXT", unicode: false, maxLength: 7, nullable: true),
                    Source = table.Column<string>(type: "TEXT", unicode: false, maxLength: 40, nullable: false),
                    RuleSetVersion = table.Column<string>(type: "TEXT", unicode: false, maxLength: 80, nullable: false),
                    Officer = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    EvidenceReference = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    ReversesEntryId = table.Column<long>(type: "INTEGER", nullable: true),
                    FrozenUntil = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    Key = table.Column<string>(type: "TEXT", unicode: false, maxLength: 100, nullable: false),
                    AccrualRunId = table.Column<Guid>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PointsEntries", x => x.Id);
                    table.ForeignKey(
                        name: "FK_PointsEntries_Residents_ResidentId",
                        column: x => x.ResidentId,
                        principalTable: "Residents",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "UX_PointsEntries_ResidentId_Key",
                table: "PointsEntries",
                columns: new[] { "ResidentId", "Key" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "PointsBalances");

            migrationBuilder.DropTable(
                name: "PointsEntries");
        }
    }
}

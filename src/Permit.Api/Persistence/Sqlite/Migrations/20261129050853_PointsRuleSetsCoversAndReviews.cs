using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Permit.Api.Persistence.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class PointsRuleSetsCoversAndReviews : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "PointsReviews",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    ResidentId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Indicator = table.Column<string>(type: "TEXT", unicode: false, maxLength: 64, nullable: true),
                    Reason = table.Column<string>(type: "TEXT", maxLength: 500, nullable: false),
                    Status = table.Column<string>(type: "TEXT", unicode: false, maxLength: 32, nullable: false),
                    FiledAt = table.Column<long>(type: "INTEGER", nullable: false),
                    ResolvedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    ResolvedBy = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    Resolution = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PointsReviews", x => x.Id);
                    table.ForeignKey(
                        name: "FK_PointsReviews_Residents_ResidentId",
                        column: x => x.ResidentId,
                        principalTable: "Residents",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "PointsRuleSets",
                columns: table => new
                {
                    RuleSetId = table.Column<string>(type: "TEXT", unicode: false, maxLength: 64, nullable: false),
                    Version = table.Column<int>(type: "INTEGER", nullable: false),
                    EffectiveFrom = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Json = table.Column<string>(type: "TEXT", nullable: false),
                    PublishedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    PublishedBy = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PointsRuleSets", x => new { x.RuleSetId, x.Version });
                });

            migrationBuilder.CreateTable(
                name: "SocialInsuranceCovers",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    ResidentId = table.Column<Guid>(type: "TEXT", nullable: false),
                    CoveredFrom = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    CoveredUntil = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    EvidenceReference = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    RecordedBy = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    RecordedAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SocialInsuranceCovers", x => x.Id);
                    table.ForeignKey(
                        name: "FK_SocialInsuranceCovers_Residents_ResidentId",
                        column: x => x.ResidentId,
                        principalTable: "Residents",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "IX_PointsBalances_RuleSetVersion",
                table: "PointsBalances",
                column: "RuleSetVersion");

            migrationBuilder.CreateIndex(
                name: "IX_PointsReviews_ResidentId",
                table: "PointsReviews",
                column: "ResidentId");

            migrationBuilder.CreateIndex(
                name: "IX_PointsReviews_Status",
                table: "PointsReviews",
                column: "Status");

            migrationBuilder.CreateIndex(
                name: "IX_SocialInsuranceCovers_ResidentId",
                table: "SocialInsuranceCovers",
                column: "ResidentId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "PointsReviews");

            migrationBuilder.DropTable(
                name: "PointsRuleSets");

            migrationBuilder.DropTable(
                name: "SocialInsuranceCovers");

            migrationBuilder.DropIndex(
                name: "IX_PointsBalances_RuleSetVersion",
                table: "PointsBalances");
        }
    }
}

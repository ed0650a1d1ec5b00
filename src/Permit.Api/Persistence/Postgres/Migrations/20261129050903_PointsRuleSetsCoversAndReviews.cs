using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Permit.Api.Persistence.Postgres.Migrations
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
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    ResidentId = table.Column<Guid>(type: "uuid", nullable: false),
                    Indicator = table.Column<string>(type: "character varying(64)", unicode: false, maxLength: 64, nullable: true),
                    Reason = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: false),
                    Status = table.Column<string>(type: "character varying(32)", unicode: false, maxLength: 32, nullable: false),
                    FiledAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    ResolvedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    ResolvedBy = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    Resolution = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true)
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
                    RuleSetId = table.Column<string>(type: "character varying(64)", unicode: false, maxLength: 64, nullable: false),
                    Version = table.Column<int>(type: "integer", nullable: false),
                    EffectiveFrom = table.Column<DateOnly>(type: "date", nullable: false),
                    Json = table.Column<string>(type: "text", nullable: false),
                    PublishedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    PublishedBy = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PointsRuleSets", x => new { x.RuleSetId, x.Version });
                });

            migrationBuilder.CreateTable(
                name: "SocialInsuranceCovers",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    ResidentId = table.Column<Guid>(type: "uuid", nullable: false),
                    CoveredFrom = table.Column<DateOnly>(type: "date", nullable: false),
                    CoveredUntil = table.Column<DateOnly>(type: "date", nullable: true),
                    EvidenceReference = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    RecordedBy = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    RecordedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
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

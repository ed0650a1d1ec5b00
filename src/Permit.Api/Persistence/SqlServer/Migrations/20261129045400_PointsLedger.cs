using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Permit.Api.Persistence.SqlServer.Migrations
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
                    ResidentId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    Total = table.Column<int>(type: "int", nullable: false),
                    TotalHundredths = table.Column<int>(type: "int", nullable: false),
                    Frozen = table.Column<bool>(type: "bit", nullable: false),
                    FrozenUntil = table.Column<DateOnly>(type: "date", nullable: true),
                    RuleSetVersion = table.Column<string>(type: "varchar(80)", unicode: false, maxLength: 80, nullable: false),
                    ComputedAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: false),
                    BirthDate = table.Column<DateOnly>(type: "date", nullable: false),
                    SocialInsuranceMonths = table.Column<int>(type: "int", nullable: false),
                    ResidenceMonths = table.Column<int>(type: "int", nullable: false),
                    ProvinceFixedHundredths = table.Column<int>(type: "int", nullable: false),
                    OtherTiersHundredths = table.Column<int>(type: "int", nullable: false)
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
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    ResidentId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    Kind = table.Column<string>(type: "varchar(32)", unicode: false, maxLength: 32, nullable: false),
                    Indicator = table.Column<string>(type: "varchar(64)", unicode: false, maxLength: 64, nullable: false),
                    Quantity = table.Column<int>(type: "int", nullable: false),
                    Level = table.Column<string>(type: "varchar(64)", unicode: false, maxLength: 64, nullable: true),
                    PointsHundredths = table.Column<int>(type: "int", nullable: false),
                    Period = table.Column<string>(type: "varchar(7)", unicode: false, maxLength: 7, nullable: true),
                    Source = table.Column<string>(type: "varchar(40)", unicode: false, maxLength: 40, nullable: false),
                    RuleSetVersion = table.Column<string>(type: "varchar(80)", unicode: false, maxLength: 80, nullable: false),
                    Officer = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: true),
                    EvidenceReference = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: true),
                    CreatedAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: false),
                    ReversesEntryId = table.Column<long>(type: "bigint", nullable: true),
                    FrozenUntil = table.Column<DateOnly>(type: "date", nullable: true),
                    Key = table.Column<string>(type: "varchar(100)", unicode: false, maxLength: 100, nullable: false),
                    AccrualRunId = table.Column<Guid>(type: "uniqueidentifier", nullable: true)
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

using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Permit.Api.Persistence.SqlServer.Migrations
{
    /// <inheritdoc />
    public partial class RoundApplicantMembers : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "SettlementRoundMembers",
                columns: table => new
                {
                    MemberId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    RoundApplicantId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    Relationship = table.Column<string>(type: "varchar(32)", unicode: false, maxLength: 32, nullable: false),
                    Age = table.Column<int>(type: "int", nullable: false),
                    LivesTogether = table.Column<bool>(type: "bit", nullable: false),
                    UnmarriedWithoutIncome = table.Column<bool>(type: "bit", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SettlementRoundMembers", x => new { x.RoundApplicantId, x.MemberId });
                    table.ForeignKey(
                        name: "FK_SettlementRoundMembers_Residents_MemberId",
                        column: x => x.MemberId,
                        principalTable: "Residents",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_SettlementRoundMembers_SettlementRoundApplicants_RoundApplicantId",
                        column: x => x.RoundApplicantId,
                        principalTable: "SettlementRoundApplicants",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_SettlementRoundMembers_MemberId",
                table: "SettlementRoundMembers",
                column: "MemberId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "SettlementRoundMembers");
        }
    }
}

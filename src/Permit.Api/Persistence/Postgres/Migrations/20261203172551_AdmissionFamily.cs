using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Permit.Api.Persistence.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class AdmissionFamily : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_AdmissionApplicants_RoundId",
                table: "AdmissionApplicants");

            migrationBuilder.AddColumn<int>(
                name: "PermitMonths",
                table: "AdmissionRounds",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<Guid>(
                name: "ChildResidentId",
                table: "AdmissionApplicants",
                type: "uuid",
                nullable: false,
                defaultValue: new Guid("00000000-0000-0000-0000-000000000000"));

            migrationBuilder.CreateIndex(
                name: "IX_AdmissionApplicants_ChildResidentId",
                table: "AdmissionApplicants",
                column: "ChildResidentId");

            migrationBuilder.CreateIndex(
                name: "UX_AdmissionApplicants_RoundId_ChildResidentId",
                table: "AdmissionApplicants",
                columns: new[] { "RoundId", "ChildResidentId" },
                unique: true);

            migrationBuilder.AddForeignKey(
                name: "FK_AdmissionApplicants_Residents_ChildResidentId",
                table: "AdmissionApplicants",
                column: "ChildResidentId",
                principalTable: "Residents",
                principalColumn: "Id",
                onDelete: ReferentialAction.Restrict);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "FK_AdmissionApplicants_Residents_ChildResidentId",
                table: "AdmissionApplicants");

            migrationBuilder.DropIndex(
                name: "IX_AdmissionApplicants_ChildResidentId",
                table: "AdmissionApplicants");

            migrationBuilder.DropIndex(
                name: "UX_AdmissionApplicants_RoundId_ChildResidentId",
                table: "AdmissionApplicants");

            migrationBuilder.DropColumn(
                name: "PermitMonths",
                table: "AdmissionRounds");

            migrationBuilder.DropColumn(
                name: "ChildResidentId",
                table: "AdmissionApplicants");

            migrationBuilder.CreateIndex(
                name: "IX_AdmissionApplicants_RoundId",
                table: "AdmissionApplicants",
                column: "RoundId");
        }
    }
}

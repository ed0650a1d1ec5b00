using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Permit.Api.Persistence.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class SchoolAdmission : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "AdmissionRounds",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    Zone = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    SchoolYear = table.Column<int>(type: "integer", nullable: false),
                    Places = table.Column<int>(type: "integer", nullable: false),
                    ResidenceMonths = table.Column<int>(type: "integer", nullable: false),
                    InsuranceMonths = table.Column<int>(type: "integer", nullable: false),
                    MinimumAge = table.Column<int>(type: "integer", nullable: false),
                    MaximumAge = table.Column<int>(type: "integer", nullable: false),
                    MinimumPoints = table.Column<int>(type: "integer", nullable: true),
                    OpenedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    OpenedBy = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AdmissionRounds", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "AdmissionApplicants",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    RoundId = table.Column<Guid>(type: "uuid", nullable: false),
                    ChildName = table.Column<string>(type: "character varying(60)", maxLength: 60, nullable: false),
                    ChildBirthDate = table.Column<DateOnly>(type: "date", nullable: false),
                    ParentPermitNumber = table.Column<string>(type: "character varying(18)", unicode: false, maxLength: 18, nullable: false),
                    ParentPermitId = table.Column<Guid>(type: "uuid", nullable: false),
                    ParentResidentId = table.Column<Guid>(type: "uuid", nullable: false),
                    ResidenceMonths = table.Column<int>(type: "integer", nullable: false),
                    InsuranceMonths = table.Column<int>(type: "integer", nullable: false),
                    AppliedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    EnteredBy = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AdmissionApplicants", x => x.Id);
                    table.ForeignKey(
                        name: "FK_AdmissionApplicants_AdmissionRounds_RoundId",
                        column: x => x.RoundId,
                        principalTable: "AdmissionRounds",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_AdmissionApplicants_ResidencePermits_ParentPermitId",
                        column: x => x.ParentPermitId,
                        principalTable: "ResidencePermits",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_AdmissionApplicants_Residents_ParentResidentId",
                        column: x => x.ParentResidentId,
                        principalTable: "Residents",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "AllocationRuns",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    RoundId = table.Column<Guid>(type: "uuid", nullable: false),
                    Sequence = table.Column<int>(type: "integer", nullable: false),
                    RunDate = table.Column<DateOnly>(type: "date", nullable: false),
                    RanAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    RanBy = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AllocationRuns", x => x.Id);
                    table.ForeignKey(
                        name: "FK_AllocationRuns_AdmissionRounds_RoundId",
                        column: x => x.RoundId,
                        principalTable: "AdmissionRounds",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "AllocationLines",
                columns: table => new
                {
                    ApplicantId = table.Column<Guid>(type: "uuid", nullable: false),
                    RunId = table.Column<Guid>(type: "uuid", nullable: false),
                    ChildBirthDate = table.Column<DateOnly>(type: "date", nullable: false),
                    ResidenceMonths = table.Column<int>(type: "integer", nullable: false),
                    InsuranceMonths = table.Column<int>(type: "integer", nullable: false),
                    AppliedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    PointsHundredths = table.Column<int>(type: "integer", nullable: true),
                    PointsFrozen = table.Column<bool>(type: "boolean", nullable: false),
                    RuleSetVersion = table.Column<string>(type: "character varying(80)", unicode: false, maxLength: 80, nullable: true),
                    ParentPermitStatus = table.Column<string>(type: "character varying(20)", unicode: false, maxLength: 20, nullable: false),
                    ParentPermitValid = table.Column<bool>(type: "boolean", nullable: false),
                    Outcome = table.Column<string>(type: "character varying(20)", unicode: false, maxLength: 20, nullable: false),
                    Reason = table.Column<string>(type: "character varying(40)", unicode: false, maxLength: 40, nullable: false),
                    Rank = table.Column<int>(type: "integer", nullable: true),
                    TieBreak = table.Column<string>(type: "character varying(20)", unicode: false, maxLength: 20, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AllocationLines", x => new { x.RunId, x.ApplicantId });
                    table.ForeignKey(
                        name: "FK_AllocationLines_AllocationRuns_RunId",
                        column: x => x.RunId,
                        principalTable: "AllocationRuns",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_AdmissionApplicants_ParentPermitId",
                table: "AdmissionApplicants",
                column: "ParentPermitId");

            migrationBuilder.CreateIndex(
                name: "IX_AdmissionApplicants_ParentResidentId",
                table: "AdmissionApplicants",
                column: "ParentResidentId");

            migrationBuilder.CreateIndex(
                name: "IX_AdmissionApplicants_RoundId",
                table: "AdmissionApplicants",
                column: "RoundId");

            migrationBuilder.CreateIndex(
                name: "UX_AdmissionRounds_Zone_SchoolYear",
                table: "AdmissionRounds",
                columns: new[] { "Zone", "SchoolYear" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "UX_AllocationRuns_RoundId_Sequence",
                table: "AllocationRuns",
                columns: new[] { "RoundId", "Sequence" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "AdmissionApplicants");

            migrationBuilder.DropTable(
                name: "AllocationLines");

            migrationBuilder.DropTable(
                name: "AllocationRuns");

            migrationBuilder.DropTable(
                name: "AdmissionRounds");
        }
    }
}

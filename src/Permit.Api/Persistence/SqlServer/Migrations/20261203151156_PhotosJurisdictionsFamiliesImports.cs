using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Permit.Api.Persistence.SqlServer.Migrations
{
    /// <inheritdoc />
    public partial class PhotosJurisdictionsFamiliesImports : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "AreaCode",
                table: "Residents",
                type: "varchar(12)",
                unicode: false,
                maxLength: 12,
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "ReportDelayWorkingDays",
                table: "ResidenceRegistrations",
                type: "int",
                nullable: true);

            migrationBuilder.AddColumn<DateOnly>(
                name: "ReportedOn",
                table: "ResidenceRegistrations",
                type: "date",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Jurisdiction",
                table: "Officers",
                type: "varchar(12)",
                unicode: false,
                maxLength: 12,
                nullable: true);

            migrationBuilder.CreateTable(
                name: "FamilyLinks",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    ResidentId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    MemberId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    Relationship = table.Column<string>(type: "varchar(32)", unicode: false, maxLength: 32, nullable: false),
                    EvidenceKind = table.Column<string>(type: "varchar(32)", unicode: false, maxLength: 32, nullable: false),
                    EvidenceReference = table.Column<string>(type: "nvarchar(100)", maxLength: 100, nullable: false),
                    BirthCertificateNumber = table.Column<string>(type: "varchar(10)", unicode: false, maxLength: 10, nullable: true),
                    GuardianConsent = table.Column<bool>(type: "bit", nullable: false),
                    RecordedOn = table.Column<DateOnly>(type: "date", nullable: false),
                    RecordedBy = table.Column<string>(type: "nvarchar(100)", maxLength: 100, nullable: false),
                    EndedOn = table.Column<DateOnly>(type: "date", nullable: true),
                    Version = table.Column<Guid>(type: "uniqueidentifier", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_FamilyLinks", x => x.Id);
                    table.ForeignKey(
                        name: "FK_FamilyLinks_Residents_MemberId",
                        column: x => x.MemberId,
                        principalTable: "Residents",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_FamilyLinks_Residents_ResidentId",
                        column: x => x.ResidentId,
                        principalTable: "Residents",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "LegacyImportCheckpoints",
                columns: table => new
                {
                    FileSha256 = table.Column<string>(type: "varchar(64)", unicode: false, maxLength: 64, nullable: false),
                    Kind = table.Column<string>(type: "varchar(32)", unicode: false, maxLength: 32, nullable: false),
                    LastRow = table.Column<int>(type: "int", nullable: false),
                    Written = table.Column<int>(type: "int", nullable: false),
                    Unchanged = table.Column<int>(type: "int", nullable: false),
                    Rejected = table.Column<int>(type: "int", nullable: false),
                    Finished = table.Column<bool>(type: "bit", nullable: false),
                    StartedAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: false),
                    UpdatedAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_LegacyImportCheckpoints", x => x.FileSha256);
                });

            migrationBuilder.CreateTable(
                name: "PublishedSettlementDocuments",
                columns: table => new
                {
                    Kind = table.Column<string>(type: "varchar(20)", unicode: false, maxLength: 20, nullable: false),
                    DocumentId = table.Column<string>(type: "varchar(80)", unicode: false, maxLength: 80, nullable: false),
                    Version = table.Column<int>(type: "int", nullable: false),
                    EffectiveFrom = table.Column<DateOnly>(type: "date", nullable: false),
                    Json = table.Column<string>(type: "nvarchar(max)", nullable: false),
                    PublishedAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: false),
                    PublishedBy = table.Column<string>(type: "nvarchar(100)", maxLength: 100, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PublishedSettlementDocuments", x => new { x.Kind, x.DocumentId, x.Version });
                });

            migrationBuilder.CreateTable(
                name: "ResidentPhotos",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    ResidentId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    Source = table.Column<string>(type: "varchar(10)", unicode: false, maxLength: 10, nullable: false),
                    Version = table.Column<int>(type: "int", nullable: false),
                    Sealed = table.Column<byte[]>(type: "varbinary(max)", nullable: false),
                    KeyVersion = table.Column<int>(type: "int", nullable: false),
                    TakenBy = table.Column<string>(type: "nvarchar(100)", maxLength: 100, nullable: false),
                    TakenAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ResidentPhotos", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ResidentPhotos_Residents_ResidentId",
                        column: x => x.ResidentId,
                        principalTable: "Residents",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "SettlementApplications",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    ApplicantId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    Category = table.Column<string>(type: "varchar(40)", unicode: false, maxLength: 40, nullable: false),
                    ConditionSetVersion = table.Column<string>(type: "varchar(100)", unicode: false, maxLength: 100, nullable: false),
                    SubmittedOn = table.Column<DateOnly>(type: "date", nullable: false),
                    SubmittedBy = table.Column<string>(type: "nvarchar(100)", maxLength: 100, nullable: false),
                    UnmetConditions = table.Column<string>(type: "varchar(1000)", unicode: false, maxLength: 1000, nullable: false),
                    Status = table.Column<string>(type: "varchar(32)", unicode: false, maxLength: 32, nullable: false),
                    DecidedOn = table.Column<DateOnly>(type: "date", nullable: true),
                    DecidedBy = table.Column<string>(type: "nvarchar(100)", maxLength: 100, nullable: true),
                    DecisionReasons = table.Column<string>(type: "nvarchar(1000)", maxLength: 1000, nullable: true),
                    Documents = table.Column<string>(type: "varchar(1000)", unicode: false, maxLength: 1000, nullable: false),
                    InvestmentTenThousandYuan = table.Column<decimal>(type: "decimal(12,2)", precision: 12, scale: 2, nullable: true),
                    Version = table.Column<Guid>(type: "uniqueidentifier", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SettlementApplications", x => x.Id);
                    table.ForeignKey(
                        name: "FK_SettlementApplications_Residents_ApplicantId",
                        column: x => x.ApplicantId,
                        principalTable: "Residents",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "SettlementRounds",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    Year = table.Column<int>(type: "int", nullable: false),
                    Quota = table.Column<int>(type: "int", nullable: false),
                    IndexVersion = table.Column<string>(type: "varchar(100)", unicode: false, maxLength: 100, nullable: false),
                    ApplicationOpens = table.Column<DateOnly>(type: "date", nullable: false),
                    ApplicationCloses = table.Column<DateOnly>(type: "date", nullable: false),
                    PublicityDays = table.Column<int>(type: "int", nullable: false),
                    FloorPermitMonths = table.Column<int>(type: "int", nullable: false),
                    FloorInsuranceMonths = table.Column<int>(type: "int", nullable: false),
                    FloorNoFreeze = table.Column<bool>(type: "bit", nullable: false),
                    OpenedBy = table.Column<string>(type: "nvarchar(100)", maxLength: 100, nullable: false),
                    Status = table.Column<string>(type: "varchar(32)", unicode: false, maxLength: 32, nullable: false),
                    PublicityOpens = table.Column<DateOnly>(type: "date", nullable: true),
                    PublicityCloses = table.Column<DateOnly>(type: "date", nullable: true),
                    FinalizedOn = table.Column<DateOnly>(type: "date", nullable: true),
                    Version = table.Column<Guid>(type: "uniqueidentifier", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SettlementRounds", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "SettlingMembers",
                columns: table => new
                {
                    MemberId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    ApplicationId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    Relationship = table.Column<string>(type: "varchar(32)", unicode: false, maxLength: 32, nullable: false),
                    Age = table.Column<int>(type: "int", nullable: false),
                    LivesTogether = table.Column<bool>(type: "bit", nullable: false),
                    UnmarriedWithoutIncome = table.Column<bool>(type: "bit", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SettlingMembers", x => new { x.ApplicationId, x.MemberId });
                    table.ForeignKey(
                        name: "FK_SettlingMembers_Residents_MemberId",
                        column: x => x.MemberId,
                        principalTable: "Residents",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_SettlingMembers_SettlementApplications_ApplicationId",
                        column: x => x.ApplicationId,
                        principalTable: "SettlementApplications",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "SettlementRoundApplicants",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    RoundId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    ResidentId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    AppliedAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: false),
                    EducationLevel = table.Column<string>(type: "varchar(64)", unicode: false, maxLength: 64, nullable: true),
                    SkillLevel = table.Column<string>(type: "varchar(64)", unicode: false, maxLength: 64, nullable: true),
                    ResidenceMonths = table.Column<int>(type: "int", nullable: false),
                    WorkMonths = table.Column<int>(type: "int", nullable: false),
                    InsuranceMonths = table.Column<int>(type: "int", nullable: false),
                    ContributionHundredths = table.Column<int>(type: "int", nullable: false),
                    PermitMonths = table.Column<int>(type: "int", nullable: false),
                    Frozen = table.Column<bool>(type: "bit", nullable: false),
                    EnteredBy = table.Column<string>(type: "nvarchar(100)", maxLength: 100, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SettlementRoundApplicants", x => x.Id);
                    table.ForeignKey(
                        name: "FK_SettlementRoundApplicants_Residents_ResidentId",
                        column: x => x.ResidentId,
                        principalTable: "Residents",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_SettlementRoundApplicants_SettlementRounds_RoundId",
                        column: x => x.RoundId,
                        principalTable: "SettlementRounds",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "SettlementRoundRuns",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    RoundId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    Sequence = table.Column<int>(type: "int", nullable: false),
                    Trigger = table.Column<string>(type: "varchar(60)", unicode: false, maxLength: 60, nullable: false),
                    RanAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: false),
                    RanBy = table.Column<string>(type: "nvarchar(100)", maxLength: 100, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SettlementRoundRuns", x => x.Id);
                    table.ForeignKey(
                        name: "FK_SettlementRoundRuns_SettlementRounds_RoundId",
                        column: x => x.RoundId,
                        principalTable: "SettlementRounds",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "SettlementRoundObjections",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    RoundId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    ApplicantId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    Source = table.Column<string>(type: "varchar(40)", unicode: false, maxLength: 40, nullable: false),
                    ClaimedValue = table.Column<string>(type: "nvarchar(64)", maxLength: 64, nullable: false),
                    Claim = table.Column<string>(type: "nvarchar(500)", maxLength: 500, nullable: false),
                    FiledOn = table.Column<DateOnly>(type: "date", nullable: false),
                    FiledAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: false),
                    FiledBy = table.Column<string>(type: "nvarchar(100)", maxLength: 100, nullable: false),
                    Status = table.Column<string>(type: "varchar(32)", unicode: false, maxLength: 32, nullable: false),
                    DecidedOn = table.Column<DateOnly>(type: "date", nullable: true),
                    DecidedAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: true),
                    DecidedBy = table.Column<string>(type: "nvarchar(100)", maxLength: 100, nullable: true),
                    DecisionReasons = table.Column<string>(type: "nvarchar(500)", maxLength: 500, nullable: true),
                    Version = table.Column<Guid>(type: "uniqueidentifier", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SettlementRoundObjections", x => x.Id);
                    table.ForeignKey(
                        name: "FK_SettlementRoundObjections_SettlementRoundApplicants_ApplicantId",
                        column: x => x.ApplicantId,
                        principalTable: "SettlementRoundApplicants",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_SettlementRoundObjections_SettlementRounds_RoundId",
                        column: x => x.RoundId,
                        principalTable: "SettlementRounds",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "SettlementRoundLines",
                columns: table => new
                {
                    ApplicantId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    RunId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    ScoreHundredths = table.Column<int>(type: "int", nullable: false),
                    Rank = table.Column<int>(type: "int", nullable: true),
                    Outcome = table.Column<string>(type: "varchar(20)", unicode: false, maxLength: 20, nullable: false),
                    Reason = table.Column<string>(type: "varchar(40)", unicode: false, maxLength: 40, nullable: false),
                    TieBreak = table.Column<string>(type: "varchar(20)", unicode: false, maxLength: 20, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SettlementRoundLines", x => new { x.RunId, x.ApplicantId });
                    table.ForeignKey(
                        name: "FK_SettlementRoundLines_SettlementRoundRuns_RunId",
                        column: x => x.RunId,
                        principalTable: "SettlementRoundRuns",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_Residents_AreaCode",
                table: "Residents",
                column: "AreaCode");

            migrationBuilder.CreateIndex(
                name: "IX_FamilyLinks_MemberId",
                table: "FamilyLinks",
                column: "MemberId");

            migrationBuilder.CreateIndex(
                name: "IX_FamilyLinks_ResidentId",
                table: "FamilyLinks",
                column: "ResidentId");

            migrationBuilder.CreateIndex(
                name: "UX_ResidentPhotos_Resident_Source_Version",
                table: "ResidentPhotos",
                columns: new[] { "ResidentId", "Source", "Version" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_SettlementApplications_ApplicantId",
                table: "SettlementApplications",
                column: "ApplicantId");

            migrationBuilder.CreateIndex(
                name: "IX_SettlementRoundApplicants_ResidentId",
                table: "SettlementRoundApplicants",
                column: "ResidentId");

            migrationBuilder.CreateIndex(
                name: "UX_SettlementRoundApplicants_RoundId_ResidentId",
                table: "SettlementRoundApplicants",
                columns: new[] { "RoundId", "ResidentId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_SettlementRoundObjections_ApplicantId",
                table: "SettlementRoundObjections",
                column: "ApplicantId");

            migrationBuilder.CreateIndex(
                name: "IX_SettlementRoundObjections_RoundId",
                table: "SettlementRoundObjections",
                column: "RoundId");

            migrationBuilder.CreateIndex(
                name: "UX_SettlementRoundRuns_RoundId_Sequence",
                table: "SettlementRoundRuns",
                columns: new[] { "RoundId", "Sequence" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "UX_SettlementRounds_Year",
                table: "SettlementRounds",
                column: "Year",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_SettlingMembers_MemberId",
                table: "SettlingMembers",
                column: "MemberId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "FamilyLinks");

            migrationBuilder.DropTable(
                name: "LegacyImportCheckpoints");

            migrationBuilder.DropTable(
                name: "PublishedSettlementDocuments");

            migrationBuilder.DropTable(
                name: "ResidentPhotos");

            migrationBuilder.DropTable(
                name: "SettlementRoundLines");

            migrationBuilder.DropTable(
                name: "SettlementRoundObjections");

            migrationBuilder.DropTable(
                name: "SettlingMembers");

            migrationBuilder.DropTable(
                name: "SettlementRoundRuns");

            migrationBuilder.DropTable(
                name: "SettlementRoundApplicants");

            migrationBuilder.DropTable(
                name: "SettlementApplications");

            migrationBuilder.DropTable(
                name: "SettlementRounds");

            migrationBuilder.DropIndex(
                name: "IX_Residents_AreaCode",
                table: "Residents");

            migrationBuilder.DropColumn(
                name: "AreaCode",
                table: "Residents");

            migrationBuilder.DropColumn(
                name: "ReportDelayWorkingDays",
                table: "ResidenceRegistrations");

            migrationBuilder.DropColumn(
                name: "ReportedOn",
                table: "ResidenceRegistrations");

            migrationBuilder.DropColumn(
                name: "Jurisdiction",
                table: "Officers");
        }
    }
}

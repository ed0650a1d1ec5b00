using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Permit.Api.Persistence.Sqlite.Migrations
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
                type: "TEXT",
                unicode: false,
                maxLength: 12,
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "ReportDelayWorkingDays",
                table: "ResidenceRegistrations",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<DateOnly>(
                name: "ReportedOn",
                table: "ResidenceRegistrations",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Jurisdiction",
                table: "Officers",
                type: "TEXT",
                unicode: false,
                maxLength: 12,
                nullable: true);

            migrationBuilder.CreateTable(
                name: "FamilyLinks",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    ResidentId = table.Column<Guid>(type: "TEXT", nullable: false),
                    MemberId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Relationship = table.Column<string>(type: "TEXT", unicode: false, maxLength: 32, nullable: false),
                    EvidenceKind = table.Column<string>(type: "TEXT", unicode: false, maxLength: 32, nullable: false),
                    EvidenceReference = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    BirthCertificateNumber = table.Column<string>(type: "TEXT", unicode: false, maxLength: 10, nullable: true),
                    GuardianConsent = table.Column<bool>(type: "INTEGER", nullable: false),
                    RecordedOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    RecordedBy = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    EndedOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    Version = table.Column<Guid>(type: "TEXT", nullable: false)
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
                    FileSha256 = table.Column<string>(type: "TEXT", unicode: false, maxLength: 64, nullable: false),
                    Kind = table.Column<string>(type: "TEXT", unicode: false, maxLength: 32, nullable: false),
                    LastRow = table.Column<int>(type: "INTEGER", nullable: false),
                    Written = table.Column<int>(type: "INTEGER", nullable: false),
                    Unchanged = table.Column<int>(type: "INTEGER", nullable: false),
                    Rejected = table.Column<int>(type: "INTEGER", nullable: false),
                    Finished = table.Column<bool>(type: "INTEGER", nullable: false),
                    StartedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    UpdatedAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_LegacyImportCheckpoints", x => x.FileSha256);
                });

            migrationBuilder.CreateTable(
                name: "PublishedSettlementDocuments",
                columns: table => new
                {
                    Kind = table.Column<string>(type: "TEXT", unicode: false, maxLength: 20, nullable: false),
                    DocumentId = table.Column<string>(type: "TEXT", unicode: false, maxLength: 80, nullable: false),
                    Version = table.Column<int>(type: "INTEGER", nullable: false),
                    EffectiveFrom = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Json = table.Column<string>(type: "TEXT", nullable: false),
                    PublishedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    PublishedBy = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PublishedSettlementDocuments", x => new { x.Kind, x.DocumentId, x.Version });
                });

            migrationBuilder.CreateTable(
                name: "ResidentPhotos",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    ResidentId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Source = table.Column<string>(type: "TEXT", unicode: false, maxLength: 10, nullable: false),
                    Version = table.Column<int>(type: "INTEGER", nullable: false),
                    Sealed = table.Column<byte[]>(type: "BLOB", nullable: false),
                    KeyVersion = table.Column<int>(type: "INTEGER", nullable: false),
                    TakenBy = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    TakenAt = table.Column<long>(type: "INTEGER", nullable: false)
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
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    ApplicantId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Category = table.Column<string>(type: "TEXT", unicode: false, maxLength: 40, nullable: false),
                    ConditionSetVersion = table.Column<string>(type: "TEXT", unicode: false, maxLength: 100, nullable: false),
                    SubmittedOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    SubmittedBy = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    UnmetConditions = table.Column<string>(type: "TEXT", unicode: false, maxLength: 1000, nullable: false),
                    Status = table.Column<string>(type: "TEXT", unicode: false, maxLength: 32, nullable: false),
                    DecidedOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    DecidedBy = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    DecisionReasons = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    Documents = table.Column<string>(type: "TEXT", unicode: false, maxLength: 1000, nullable: false),
                    InvestmentTenThousandYuan = table.Column<decimal>(type: "TEXT", precision: 12, scale: 2, nullable: true),
                    Version = table.Column<Guid>(type: "TEXT", nullable: false)
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
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    Year = table.Column<int>(type: "INTEGER", nullable: false),
                    Quota = table.Column<int>(type: "INTEGER", nullable: false),
                    IndexVersion = table.Column<string>(type: "TEXT", unicode: false, maxLength: 100, nullable: false),
                    ApplicationOpens = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    ApplicationCloses = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    PublicityDays = table.Column<int>(type: "INTEGER", nullable: false),
                    FloorPermitMonths = table.Column<int>(type: "INTEGER", nullable: false),
                    FloorInsuranceMonths = table.Column<int>(type: "INTEGER", nullable: false),
                    FloorNoFreeze = table.Column<bool>(type: "INTEGER", nullable: false),
                    OpenedBy = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Status = table.Column<string>(type: "TEXT", unicode: false, maxLength: 32, nullable: false),
                    PublicityOpens = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    PublicityCloses = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    FinalizedOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    Version = table.Column<Guid>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SettlementRounds", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "SettlingMembers",
                columns: table => new
                {
                    MemberId = table.Column<Guid>(type: "TEXT", nullable: false),
                    ApplicationId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Relationship = table.Column<string>(type: "TEXT", unicode: false, maxLength: 32, nullable: false),
                    Age = table.Column<int>(type: "INTEGER", nullable: false),
                    LivesTogether = table.Column<bool>(type: "INTEGER", nullable: false),
                    UnmarriedWithoutIncome = table.Column<bool>(type: "INTEGER", nullable: false)
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
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    RoundId = table.Column<Guid>(type: "TEXT", nullable: false),
                    ResidentId = table.Column<Guid>(type: "TEXT", nullable: false),
                    AppliedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    EducationLevel = table.Column<string>(type: "TEXT", unicode: false, maxLength: 64, nullable: true),
                    SkillLevel = table.Column<string>(type: "TEXT", unicode: false, maxLength: 64, nullable: true),
                    ResidenceMonths = table.Column<int>(type: "INTEGER", nullable: false),
                    WorkMonths = table.Column<int>(type: "INTEGER", nullable: false),
                    InsuranceMonths = table.Column<int>(type: "INTEGER", nullable: false),
                    ContributionHundredths = table.Column<int>(type: "INTEGER", nullable: false),
                    PermitMonths = table.Column<int>(type: "INTEGER", nullable: false),
                    Frozen = table.Column<bool>(type: "INTEGER", nullable: false),
                    EnteredBy = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false)
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
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    RoundId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Sequence = table.Column<int>(type: "INTEGER", nullable: false),
                    Trigger = table.Column<string>(type: "TEXT", unicode: false, maxLength: 60, nullable: false),
                    RanAt = table.Column<long>(type: "INTEGER", nullable: false),
                    RanBy = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false)
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
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    RoundId = table.Column<Guid>(type: "TEXT", nullable: false),
                    ApplicantId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Source = table.Column<string>(type: "TEXT", unicode: false, maxLength: 40, nullable: false),
                    ClaimedValue = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Claim = table.Column<string>(type: "TEXT", maxLength: 500, nullable: false),
                    FiledOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    FiledAt = table.Column<long>(type: "INTEGER", nullable: false),
                    FiledBy = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Status = table.Column<string>(type: "TEXT", unicode: false, maxLength: 32, nullable: false),
                    DecidedOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    DecidedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    DecidedBy = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    DecisionReasons = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    Version = table.Column<Guid>(type: "TEXT", nullable: false)
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
                    ApplicantId = table.Column<Guid>(type: "TEXT", nullable: false),
                    RunId = table.Column<Guid>(type: "TEXT", nullable: false),
                    ScoreHundredths = table.Column<int>(type: "INTEGER", nullable: false),
                    Rank = table.Column<int>(type: "INTEGER", nullable: true),
                    Outcome = table.Column<string>(type: "TEXT", unicode: false, maxLength: 20, nullable: false),
                    Reason = table.Column<string>(type: "TEXT", unicode: false, maxLength: 40, nullable: false),
                    TieBreak = table.Column<string>(type: "TEXT", unicode: false, maxLength: 20, nullable: true)
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

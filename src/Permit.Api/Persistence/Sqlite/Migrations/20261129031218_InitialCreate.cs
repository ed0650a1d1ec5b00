using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Permit.Api.Persistence.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class InitialCreate : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "Residents",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    CitizenId = table.Column<string>(type: "TEXT", unicode: false, maxLength: 18, nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 60, nullable: false),
                    Sex = table.Column<string>(type: "TEXT", unicode: false, maxLength: 32, nullable: false),
                    EthnicGroup = table.Column<string>(type: "TEXT", unicode: false, maxLength: 2, nullable: false),
                    BirthDate = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    HukouAddress = table.Column<string>(type: "TEXT", maxLength: 210, nullable: false),
                    PhotoReference = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    Contact = table.Column<string>(type: "TEXT", maxLength: 40, nullable: true),
                    Version = table.Column<Guid>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Residents", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "ResidenceRegistrations",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    ResidentId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Address = table.Column<string>(type: "TEXT", maxLength: 210, nullable: false),
                    CommunityCode = table.Column<string>(type: "TEXT", unicode: false, maxLength: 12, nullable: false),
                    ArrivalDate = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    RegistrationDate = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Basis = table.Column<string>(type: "TEXT", unicode: false, maxLength: 32, nullable: false),
                    Evidence = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    EmployerOrLandlord = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Status = table.Column<string>(type: "TEXT", unicode: false, maxLength: 32, nullable: false),
                    MovedOutOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    Version = table.Column<Guid>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ResidenceRegistrations", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ResidenceRegistrations_Residents_ResidentId",
                        column: x => x.ResidentId,
                        principalTable: "Residents",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "PermitApplications",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    ResidentId = table.Column<Guid>(type: "TEXT", nullable: false),
                    RegistrationId = table.Column<Guid>(type: "TEXT", nullable: false),
                    RegistrationDate = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Basis = table.Column<string>(type: "TEXT", unicode: false, maxLength: 32, nullable: false),
                    Exemption = table.Column<string>(type: "TEXT", unicode: false, maxLength: 32, nullable: false),
                    Status = table.Column<string>(type: "TEXT", unicode: false, maxLength: 32, nullable: false),
                    SubmittedOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    AcceptedOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    DueDate = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    DueDateExtended = table.Column<bool>(type: "INTEGER", nullable: false),
                    DecidedOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    DecidedBy = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    RejectionReason = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    Version = table.Column<Guid>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PermitApplications", x => x.Id);
                    table.ForeignKey(
                        name: "FK_PermitApplications_ResidenceRegistrations_RegistrationId",
                        column: x => x.RegistrationId,
                        principalTable: "ResidenceRegistrations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_PermitApplications_Residents_ResidentId",
                        column: x => x.ResidentId,
                        principalTable: "Residents",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "RegistrationChanges",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    Kind = table.Column<string>(type: "TEXT", unicode: false, maxLength: 32, nullable: false),
                    NewValue = table.Column<string>(type: "TEXT", maxLength: 210, nullable: false),
                    NewCommunityCode = table.Column<string>(type: "TEXT", unicode: false, maxLength: 12, nullable: true),
                    ChangedOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    DeclaredOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    IsLate = table.Column<bool>(type: "INTEGER", nullable: false),
                    RegistrationId = table.Column<Guid>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_RegistrationChanges", x => x.Id);
                    table.ForeignKey(
                        name: "FK_RegistrationChanges_ResidenceRegistrations_RegistrationId",
                        column: x => x.RegistrationId,
                        principalTable: "ResidenceRegistrations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "ResidencePermits",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    Number = table.Column<string>(type: "TEXT", unicode: false, maxLength: 18, nullable: false),
                    ResidentId = table.Column<Guid>(type: "TEXT", nullable: false),
                    ApplicationId = table.Column<Guid>(type: "TEXT", nullable: false),
                    IssuingAuthority = table.Column<string>(type: "TEXT", maxLength: 90, nullable: false),
                    IssueDate = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Status = table.Column<string>(type: "TEXT", unicode: false, maxLength: 32, nullable: false),
                    Anchor = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    EndorsementsSinceAnchor = table.Column<int>(type: "INTEGER", nullable: false),
                    ValidUntil = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    ContinuousResidenceSince = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    SuspendedOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    EndedOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    EndReason = table.Column<string>(type: "TEXT", unicode: false, maxLength: 32, nullable: true),
                    EndNote = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    LiveHolderId = table.Column<Guid>(type: "TEXT", nullable: true),
                    Version = table.Column<Guid>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ResidencePermits", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ResidencePermits_PermitApplications_ApplicationId",
                        column: x => x.ApplicationId,
                        principalTable: "PermitApplications",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_ResidencePermits_Residents_ResidentId",
                        column: x => x.ResidentId,
                        principalTable: "Residents",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "SubmittedDocuments",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    Kind = table.Column<string>(type: "TEXT", unicode: false, maxLength: 32, nullable: false),
                    Reference = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    HandedInOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    ApplicationId = table.Column<Guid>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SubmittedDocuments", x => x.Id);
                    table.ForeignKey(
                        name: "FK_SubmittedDocuments_PermitApplications_ApplicationId",
                        column: x => x.ApplicationId,
                        principalTable: "PermitApplications",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "Endorsements",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    Sequence = table.Column<int>(type: "INTEGER", nullable: false),
                    EndorsedOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    PreviousValidUntil = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    NewValidUntil = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    IsLate = table.Column<bool>(type: "INTEGER", nullable: false),
                    PermitId = table.Column<Guid>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Endorsements", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Endorsements_ResidencePermits_PermitId",
                        column: x => x.PermitId,
                        principalTable: "ResidencePermits",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "PermitCards",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    Sequence = table.Column<int>(type: "INTEGER", nullable: false),
                    Reason = table.Column<string>(type: "TEXT", unicode: false, maxLength: 32, nullable: false),
                    Status = table.Column<string>(type: "TEXT", unicode: false, maxLength: 32, nullable: false),
                    OrderedOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Serial = table.Column<string>(type: "TEXT", unicode: false, maxLength: 16, nullable: true),
                    IssuedOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    RevokedOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    RevocationReason = table.Column<string>(type: "TEXT", unicode: false, maxLength: 32, nullable: true),
                    PermitId = table.Column<Guid>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PermitCards", x => x.Id);
                    table.ForeignKey(
                        name: "FK_PermitCards_ResidencePermits_PermitId",
                        column: x => x.PermitId,
                        principalTable: "ResidencePermits",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_Endorsements_PermitId_Sequence",
                table: "Endorsements",
                columns: new[] { "PermitId", "Sequence" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_PermitApplications_RegistrationId",
                table: "PermitApplications",
                column: "RegistrationId");

            migrationBuilder.CreateIndex(
                name: "IX_PermitApplications_ResidentId",
                table: "PermitApplications",
                column: "ResidentId");

            migrationBuilder.CreateIndex(
                name: "IX_PermitApplications_Status_DueDate",
                table: "PermitApplications",
                columns: new[] { "Status", "DueDate" });

            migrationBuilder.CreateIndex(
                name: "IX_PermitCards_Serial",
                table: "PermitCards",
                column: "Serial");

            migrationBuilder.CreateIndex(
                name: "UX_PermitCards_PermitId_Sequence",
                table: "PermitCards",
                columns: new[] { "PermitId", "Sequence" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_RegistrationChanges_RegistrationId",
                table: "RegistrationChanges",
                column: "RegistrationId");

            migrationBuilder.CreateIndex(
                name: "IX_ResidencePermits_ApplicationId",
                table: "ResidencePermits",
                column: "ApplicationId");

            migrationBuilder.CreateIndex(
                name: "IX_ResidencePermits_ResidentId",
                table: "ResidencePermits",
                column: "ResidentId");

            migrationBuilder.CreateIndex(
                name: "IX_ResidencePermits_Status_ValidUntil",
                table: "ResidencePermits",
                columns: new[] { "Status", "ValidUntil" });

            migrationBuilder.CreateIndex(
                name: "UX_ResidencePermits_LiveHolderId",
                table: "ResidencePermits",
                column: "LiveHolderId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "UX_ResidencePermits_Number",
                table: "ResidencePermits",
                column: "Number",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_ResidenceRegistrations_CommunityCode",
                table: "ResidenceRegistrations",
                column: "CommunityCode");

            migrationBuilder.CreateIndex(
                name: "IX_ResidenceRegistrations_ResidentId",
                table: "ResidenceRegistrations",
                column: "ResidentId");

            migrationBuilder.CreateIndex(
                name: "UX_Residents_CitizenId",
                table: "Residents",
                column: "CitizenId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_SubmittedDocuments_ApplicationId",
                table: "SubmittedDocuments",
                column: "ApplicationId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "Endorsements");

            migrationBuilder.DropTable(
                name: "PermitCards");

            migrationBuilder.DropTable(
                name: "RegistrationChanges");

            migrationBuilder.DropTable(
                name: "SubmittedDocuments");

            migrationBuilder.DropTable(
                name: "ResidencePermits");

            migrationBuilder.DropTable(
                name: "PermitApplications");

            migrationBuilder.DropTable(
                name: "ResidenceRegistrations");

            migrationBuilder.DropTable(
                name: "Residents");
        }
    }
}

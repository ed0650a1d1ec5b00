using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Permit.Api.Persistence.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class AddSecurityAndAudit : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "AuditEntries",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    Sequence = table.Column<long>(type: "INTEGER", nullable: false),
                    OccurredAt = table.Column<long>(type: "INTEGER", nullable: false),
                    ActorId = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    ActorName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    ActorRole = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    Terminal = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    Action = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    ResidentId = table.Column<Guid>(type: "TEXT", nullable: true),
                    Purpose = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    PreviousHash = table.Column<string>(type: "TEXT", unicode: false, maxLength: 64, nullable: false),
                    Hash = table.Column<string>(type: "TEXT", unicode: false, maxLength: 64, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AuditEntries", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "MigrantAccounts",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    ResidentId = table.Column<Guid>(type: "TEXT", nullable: false),
                    UserName = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    PasswordHash = table.Column<string>(type: "TEXT", unicode: false, maxLength: 200, nullable: true),
                    ActivationCodeHash = table.Column<string>(type: "TEXT", unicode: false, maxLength: 64, nullable: true),
                    ActivationExpiresAt = table.Column<long>(type: "INTEGER", nullable: false),
                    ActivatedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    FailedSignIns = table.Column<int>(type: "INTEGER", nullable: false),
                    LockedUntil = table.Column<long>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_MigrantAccounts", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "Officers",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    UserName = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    DisplayName = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Role = table.Column<string>(type: "TEXT", unicode: false, maxLength: 32, nullable: false),
                    PasswordHash = table.Column<string>(type: "TEXT", unicode: false, maxLength: 200, nullable: false),
                    FailedSignIns = table.Column<int>(type: "INTEGER", nullable: false),
                    LockedUntil = table.Column<long>(type: "INTEGER", nullable: true),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Officers", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "VerifierTerminals",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    CategoryList = table.Column<string>(type: "TEXT", unicode: false, maxLength: 200, nullable: false),
                    ApiKeyPrefix = table.Column<string>(type: "TEXT", unicode: false, maxLength: 16, nullable: false),
                    ApiKeyHash = table.Column<string>(type: "TEXT", unicode: false, maxLength: 64, nullable: false),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    RevokedAt = table.Column<long>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_VerifierTerminals", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_AuditEntries_ResidentId",
                table: "AuditEntries",
                column: "ResidentId");

            migrationBuilder.CreateIndex(
                name: "UX_AuditEntries_Sequence",
                table: "AuditEntries",
                column: "Sequence",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "UX_MigrantAccounts_ActivationCodeHash",
                table: "MigrantAccounts",
                column: "ActivationCodeHash",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "UX_MigrantAccounts_ResidentId",
                table: "MigrantAccounts",
                column: "ResidentId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "UX_MigrantAccounts_UserName",
                table: "MigrantAccounts",
                column: "UserName",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "UX_Officers_UserName",
                table: "Officers",
                column: "UserName",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "UX_VerifierTerminals_ApiKeyPrefix",
                table: "VerifierTerminals",
                column: "ApiKeyPrefix",
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "AuditEntries");

            migrationBuilder.DropTable(
                name: "MigrantAccounts");

            migrationBuilder.DropTable(
                name: "Officers");

            migrationBuilder.DropTable(
                name: "VerifierTerminals");
        }
    }
}

using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Permit.Api.Persistence.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class ChipBindingAndCardChallenges : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "UX_CardPersonalizations_PermitId_CardSequence_Serial",
                table: "CardPersonalizations");

            migrationBuilder.AddColumn<string>(
                name: "AbandonReason",
                table: "CardPersonalizations",
                type: "TEXT",
                maxLength: 200,
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "AbandonedAt",
                table: "CardPersonalizations",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "Attempt",
                table: "CardPersonalizations",
                type: "INTEGER",
                nullable: false,
                defaultValue: 1);

            migrationBuilder.AddColumn<byte[]>(
                name: "ChipKey",
                table: "CardPersonalizations",
                type: "BLOB",
                maxLength: 70,
                nullable: true);

            migrationBuilder.CreateTable(
                name: "CardChallenges",
                columns: table => new
                {
                    Nonce = table.Column<string>(type: "TEXT", unicode: false, maxLength: 32, nullable: false),
                    IssuedTo = table.Column<string>(type: "TEXT", unicode: false, maxLength: 80, nullable: false),
                    IssuedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    ExpiresAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CardChallenges", x => x.Nonce);
                });

            migrationBuilder.CreateIndex(
                name: "IX_CardPersonalizations_ChipKeyFileHash",
                table: "CardPersonalizations",
                column: "ChipKeyFileHash");

            migrationBuilder.CreateIndex(
                name: "UX_CardPersonalizations_PermitId_CardSequence_Attempt",
                table: "CardPersonalizations",
                columns: new[] { "PermitId", "CardSequence", "Attempt" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_CardChallenges_ExpiresAt",
                table: "CardChallenges",
                column: "ExpiresAt");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "CardChallenges");

            migrationBuilder.DropIndex(
                name: "IX_CardPersonalizations_ChipKeyFileHash",
                table: "CardPersonalizations");

            migrationBuilder.DropIndex(
                name: "UX_CardPersonalizations_PermitId_CardSequence_Attempt",
                table: "CardPersonalizations");

            migrationBuilder.DropColumn(
                name: "AbandonReason",
                table: "CardPersonalizations");

            migrationBuilder.DropColumn(
                name: "AbandonedAt",
                table: "CardPersonalizations");

            migrationBuilder.DropColumn(
                name: "Attempt",
                table: "CardPersonalizations");

            migrationBuilder.DropColumn(
                name: "ChipKey",
                table: "CardPersonalizations");

            migrationBuilder.CreateIndex(
                name: "UX_CardPersonalizations_PermitId_CardSequence_Serial",
                table: "CardPersonalizations",
                columns: new[] { "PermitId", "CardSequence", "Serial" },
                unique: true);
        }
    }
}

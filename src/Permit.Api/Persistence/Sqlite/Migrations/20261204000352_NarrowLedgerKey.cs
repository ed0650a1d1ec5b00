using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Permit.Api.Persistence.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class NarrowLedgerKey : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "UX_PointsEntries_ResidentId_Key",
                table: "PointsEntries");

            migrationBuilder.AlterColumn<string>(
                name: "Key",
                table: "PointsEntries",
                type: "TEXT",
                unicode: false,
                maxLength: 100,
                nullable: true,
                oldClrType: typeof(string),
                oldType: "TEXT",
                oldUnicode: false,
                oldMaxLength: 100);

            migrationBuilder.AddColumn<short>(
                name: "AccrualIndicator",
                table: "PointsEntries",
                type: "INTEGER",
                unicode: false,
                maxLength: 32,
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "AccrualMonth",
                table: "PointsEntries",
                type: "INTEGER",
                nullable: true);

            // Hand-written (keep when regenerating): the accrual entries made before move to the narrow key. Only the
            // columns here: Key is NOT NULL until the table rebuild EF runs after this statement (ClearAccrualTextKeys follows).
            migrationBuilder.Sql(Permit.Api.Features.Points.PointsModel.AccrualKeyColumnsSql);

            migrationBuilder.CreateIndex(
                name: "UX_PointsEntries_ResidentId_AccrualIndicator_AccrualMonth",
                table: "PointsEntries",
                columns: new[] { "ResidentId", "AccrualIndicator", "AccrualMonth" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "UX_PointsEntries_ResidentId_Key",
                table: "PointsEntries",
                columns: new[] { "ResidentId", "Key" },
                unique: true,
                filter: "\"Key\" IS NOT NULL");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            // Hand-written (keep when regenerating): the accrual entries get their text key back.
            migrationBuilder.Sql(Permit.Api.Features.Points.PointsModel.WideLedgerKeySql);

            migrationBuilder.DropIndex(
                name: "UX_PointsEntries_ResidentId_AccrualIndicator_AccrualMonth",
                table: "PointsEntries");

            migrationBuilder.DropIndex(
                name: "UX_PointsEntries_ResidentId_Key",
                table: "PointsEntries");

            migrationBuilder.DropColumn(
                name: "AccrualIndicator",
                table: "PointsEntries");

            migrationBuilder.DropColumn(
                name: "AccrualMonth",
                table: "PointsEntries");

            migrationBuilder.AlterColumn<string>(
                name: "Key",
                table: "PointsEntries",
                type: "TEXT",
                unicode: false,
                maxLength: 100,
                nullable: false,
                defaultValue: "",
                oldClrType: typeof(string),
                oldType: "TEXT",
                oldUnicode: false,
                oldMaxLength: 100,
                oldNullable: true);

            migrationBuilder.CreateIndex(
                name: "UX_PointsEntries_ResidentId_Key",
                table: "PointsEntries",
                columns: new[] { "ResidentId", "Key" },
                unique: true);
        }
    }
}

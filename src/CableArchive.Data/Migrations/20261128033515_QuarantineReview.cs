using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CableArchive.Data.Migrations
{
    /// <inheritdoc />
    public partial class QuarantineReview : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "cable_reference_id",
                table: "quarantined_records",
                type: "text",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "edited_text",
                table: "quarantined_records",
                type: "text",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "review_note",
                table: "quarantined_records",
                type: "text",
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "review_run_id",
                table: "quarantined_records",
                type: "bigint",
                nullable: true);

            migrationBuilder.AddColumn<DateTime>(
                name: "reviewed_at",
                table: "quarantined_records",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "reviewed_by",
                table: "quarantined_records",
                type: "text",
                nullable: true);

            migrationBuilder.AddColumn<short>(
                name: "status",
                table: "quarantined_records",
                type: "smallint",
                nullable: false,
                defaultValue: (short)0);

            migrationBuilder.CreateIndex(
                name: "ix_quarantined_records_review_run_id",
                table: "quarantined_records",
                column: "review_run_id");

            migrationBuilder.CreateIndex(
                name: "ix_quarantined_records_status_id",
                table: "quarantined_records",
                columns: new[] { "status", "id" });

            migrationBuilder.AddCheckConstraint(
                name: "ck_quarantined_records_discard_reason",
                table: "quarantined_records",
                sql: "status <> 2 OR btrim(coalesce(review_note, '')) <> ''");

            migrationBuilder.AddCheckConstraint(
                name: "ck_quarantined_records_imported_cable",
                table: "quarantined_records",
                sql: "status <> 1 OR cable_reference_id IS NOT NULL");

            migrationBuilder.AddCheckConstraint(
                name: "ck_quarantined_records_reviewed",
                table: "quarantined_records",
                sql: "status = 0 OR (reviewed_by IS NOT NULL AND reviewed_at IS NOT NULL)");

            migrationBuilder.AddForeignKey(
                name: "fk_quarantined_records_import_runs_review_run_id",
                table: "quarantined_records",
                column: "review_run_id",
                principalTable: "import_runs",
                principalColumn: "id",
                onDelete: ReferentialAction.Restrict);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "fk_quarantined_records_import_runs_review_run_id",
                table: "quarantined_records");

            migrationBuilder.DropIndex(
                name: "ix_quarantined_records_review_run_id",
                table: "quarantined_records");

            migrationBuilder.DropIndex(
                name: "ix_quarantined_records_status_id",
                table: "quarantined_records");

            migrationBuilder.DropCheckConstraint(
                name: "ck_quarantined_records_discard_reason",
                table: "quarantined_records");

            migrationBuilder.DropCheckConstraint(
                name: "ck_quarantined_records_imported_cable",
                table: "quarantined_records");

            migrationBuilder.DropCheckConstraint(
                name: "ck_quarantined_records_reviewed",
                table: "quarantined_records");

            migrationBuilder.DropColumn(
                name: "cable_reference_id",
                table: "quarantined_records");

            migrationBuilder.DropColumn(
                name: "edited_text",
                table: "quarantined_records");

            migrationBuilder.DropColumn(
                name: "review_note",
                table: "quarantined_records");

            migrationBuilder.DropColumn(
                name: "review_run_id",
                table: "quarantined_records");

            migrationBuilder.DropColumn(
                name: "reviewed_at",
                table: "quarantined_records");

            migrationBuilder.DropColumn(
                name: "reviewed_by",
                table: "quarantined_records");

            migrationBuilder.DropColumn(
                name: "status",
                table: "quarantined_records");
        }
    }
}

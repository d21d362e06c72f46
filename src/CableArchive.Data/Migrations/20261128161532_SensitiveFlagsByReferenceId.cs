using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CableArchive.Data.Migrations
{
    /// <inheritdoc />
    public partial class SensitiveFlagsByReferenceId : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "sensitive_cables",
                columns: table => new
                {
                    reference_id = table.Column<string>(type: "text", nullable: false),
                    marked_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_sensitive_cables", x => x.reference_id);
                });

            // The flags move over; so do those a killed reparse had set aside (its cables may not be rebuilt yet).
            migrationBuilder.Sql(
                """
                INSERT INTO sensitive_cables (reference_id, marked_at) SELECT reference_id, now() FROM cables WHERE sensitive;
                DO $$
                BEGIN
                    IF to_regclass('reparse_sensitive') IS NOT NULL THEN
                        INSERT INTO sensitive_cables (reference_id, marked_at)
                        SELECT reference_id, now() FROM reparse_sensitive ON CONFLICT DO NOTHING;
                        DROP TABLE reparse_sensitive;
                    END IF;
                END $$;
                GRANT SELECT, INSERT, DELETE ON sensitive_cables TO cablearchive_web;
                """);

            migrationBuilder.DropColumn(
                name: "sensitive",
                table: "cables");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<bool>(
                name: "sensitive",
                table: "cables",
                type: "boolean",
                nullable: false,
                defaultValue: false);
            migrationBuilder.Sql(
                """
                UPDATE cables SET sensitive = true WHERE reference_id IN (SELECT reference_id FROM sensitive_cables);
                GRANT UPDATE (sensitive) ON cables TO cablearchive_web;
                """);

            migrationBuilder.DropTable(
                name: "sensitive_cables");
        }
    }
}

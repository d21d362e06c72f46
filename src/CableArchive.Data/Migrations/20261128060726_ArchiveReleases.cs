using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CableArchive.Data.Migrations
{
    /// <inheritdoc />
    public partial class ArchiveReleases : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "release_name",
                table: "import_runs",
                type: "text",
                nullable: true);

            migrationBuilder.AddColumn<DateTime>(
                name: "released_at",
                table: "import_runs",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "release_cables",
                columns: table => new
                {
                    run_id = table.Column<long>(type: "bigint", nullable: false),
                    reference_id = table.Column<string>(type: "text", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_release_cables", x => new { x.run_id, x.reference_id });
                    table.ForeignKey(
                        name: "fk_release_cables_import_runs_run_id",
                        column: x => x.run_id,
                        principalTable: "import_runs",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.AddCheckConstraint(
                name: "ck_import_runs_release_has_date",
                table: "import_runs",
                sql: "(release_name IS NULL) = (released_at IS NULL)");

            // The one definition of the releases that count: a release run that completed (status 1 succeeded, 2 succeeded
            // with quarantined records), the latest of each name. A killed, cancelled or failed run never counts, so its
            // partial membership cannot pass for a complete snapshot. The web role reads it by the default privileges.
            migrationBuilder.Sql("""
                CREATE VIEW releases AS
                SELECT DISTINCT ON (release_name) id AS run_id, release_name AS name, released_at
                FROM import_runs
                WHERE release_name IS NOT NULL AND status IN (1, 2)
                ORDER BY release_name, id DESC;
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("DROP VIEW releases;");

            migrationBuilder.DropTable(
                name: "release_cables");

            migrationBuilder.DropCheckConstraint(
                name: "ck_import_runs_release_has_date",
                table: "import_runs");

            migrationBuilder.DropColumn(
                name: "release_name",
                table: "import_runs");

            migrationBuilder.DropColumn(
                name: "released_at",
                table: "import_runs");
        }
    }
}

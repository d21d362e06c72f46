using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CableArchive.Data.Migrations
{
    /// <inheritdoc />
    public partial class TagsAndReferencesPerVersion : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "fk_cable_references_cables_cable_id",
                table: "cable_references");

            migrationBuilder.DropForeignKey(
                name: "fk_cable_references_cables_target_cable_id",
                table: "cable_references");

            migrationBuilder.DropForeignKey(
                name: "fk_cable_tags_cables_cable_id",
                table: "cable_tags");

            migrationBuilder.DropPrimaryKey(
                name: "pk_cable_tags",
                table: "cable_tags");

            migrationBuilder.DropIndex(
                name: "ix_cable_tags_code_cable_id",
                table: "cable_tags");

            migrationBuilder.DropPrimaryKey(
                name: "pk_cable_references",
                table: "cable_references");

            migrationBuilder.DropIndex(
                name: "ix_cable_references_target_cable_id",
                table: "cable_references");

            migrationBuilder.DropIndex(
                name: "ix_cable_references_target_reference_id",
                table: "cable_references");

            migrationBuilder.DropColumn(
                name: "target_cable_id",
                table: "cable_references");

            migrationBuilder.AddColumn<long>(
                name: "version_id",
                table: "cable_tags",
                type: "bigint",
                nullable: false,
                defaultValue: 0L);

            migrationBuilder.AddColumn<long>(
                name: "version_id",
                table: "cable_references",
                type: "bigint",
                nullable: false,
                defaultValue: 0L);

            // The rows held are each cable's current version's. Older versions get theirs from `cablearchive reparse`.
            foreach (var table in new[] { "cable_tags", "cable_references" })
            {
                migrationBuilder.Sql($"""
                    UPDATE {table} t SET version_id = c.current_version_id FROM cables c WHERE c.id = t.cable_id AND c.current_version_id IS NOT NULL;
                    DELETE FROM {table} WHERE version_id = 0;
                    """);
            }

            migrationBuilder.AddPrimaryKey(
                name: "pk_cable_tags",
                table: "cable_tags",
                columns: new[] { "version_id", "position" });

            migrationBuilder.AddPrimaryKey(
                name: "pk_cable_references",
                table: "cable_references",
                columns: new[] { "version_id", "position" });

            migrationBuilder.CreateIndex(
                name: "ix_cable_references_target_reference_id",
                table: "cable_references",
                column: "target_reference_id");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            // Back to one set per cable: its current version's.
            foreach (var table in new[] { "cable_tags", "cable_references" })
                migrationBuilder.Sql($"DELETE FROM {table} t WHERE NOT EXISTS (SELECT 1 FROM cables c WHERE c.id = t.cable_id AND c.current_version_id = t.version_id)");

            migrationBuilder.DropPrimaryKey(
                name: "pk_cable_tags",
                table: "cable_tags");

            migrationBuilder.DropPrimaryKey(
                name: "pk_cable_references",
                table: "cable_references");

            migrationBuilder.DropIndex(
                name: "ix_cable_references_target_reference_id",
                table: "cable_references");

            migrationBuilder.DropColumn(
                name: "version_id",
                table: "cable_tags");

            migrationBuilder.DropColumn(
                name: "version_id",
                table: "cable_references");

            migrationBuilder.AddColumn<long>(
                name: "target_cable_id",
                table: "cable_references",
                type: "bigint",
                nullable: true);

            migrationBuilder.Sql("UPDATE cable_references r SET target_cable_id = t.id FROM cables t WHERE t.reference_id = r.target_reference_id");

            migrationBuilder.AddPrimaryKey(
                name: "pk_cable_tags",
                table: "cable_tags",
                columns: new[] { "cable_id", "position" });

            migrationBuilder.AddPrimaryKey(
                name: "pk_cable_references",
                table: "cable_references",
                columns: new[] { "cable_id", "position" });

            migrationBuilder.CreateIndex(
                name: "ix_cable_tags_code_cable_id",
                table: "cable_tags",
                columns: new[] { "code", "cable_id" });

            migrationBuilder.CreateIndex(
                name: "ix_cable_references_target_cable_id",
                table: "cable_references",
                column: "target_cable_id");

            migrationBuilder.CreateIndex(
                name: "ix_cable_references_target_reference_id",
                table: "cable_references",
                column: "target_reference_id",
                filter: "target_cable_id IS NULL AND target_reference_id IS NOT NULL");

            migrationBuilder.AddForeignKey(
                name: "fk_cable_references_cables_cable_id",
                table: "cable_references",
                column: "cable_id",
                principalTable: "cables",
                principalColumn: "id",
                onDelete: ReferentialAction.Cascade);

            migrationBuilder.AddForeignKey(
                name: "fk_cable_references_cables_target_cable_id",
                table: "cable_references",
                column: "target_cable_id",
                principalTable: "cables",
                principalColumn: "id",
                onDelete: ReferentialAction.SetNull);

            migrationBuilder.AddForeignKey(
                name: "fk_cable_tags_cables_cable_id",
                table: "cable_tags",
                column: "cable_id",
                principalTable: "cables",
                principalColumn: "id",
                onDelete: ReferentialAction.Cascade);
        }
    }
}

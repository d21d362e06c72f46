using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CableArchive.Data.Migrations
{
    /// <inheritdoc />
    public partial class PortionsWithoutForeignKeys : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "fk_paragraphs_cable_versions_version_id",
                table: "paragraphs");

            migrationBuilder.DropForeignKey(
                name: "fk_paragraphs_cables_cable_id",
                table: "paragraphs");

            migrationBuilder.DropForeignKey(
                name: "fk_subjects_cable_versions_version_id",
                table: "subjects");

            migrationBuilder.DropForeignKey(
                name: "fk_subjects_cables_cable_id",
                table: "subjects");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddForeignKey(
                name: "fk_paragraphs_cable_versions_version_id",
                table: "paragraphs",
                column: "version_id",
                principalTable: "cable_versions",
                principalColumn: "id",
                onDelete: ReferentialAction.Cascade);

            migrationBuilder.AddForeignKey(
                name: "fk_paragraphs_cables_cable_id",
                table: "paragraphs",
                column: "cable_id",
                principalTable: "cables",
                principalColumn: "id",
                onDelete: ReferentialAction.Cascade);

            migrationBuilder.AddForeignKey(
                name: "fk_subjects_cable_versions_version_id",
                table: "subjects",
                column: "version_id",
                principalTable: "cable_versions",
                principalColumn: "id",
                onDelete: ReferentialAction.Cascade);

            migrationBuilder.AddForeignKey(
                name: "fk_subjects_cables_cable_id",
                table: "subjects",
                column: "cable_id",
                principalTable: "cables",
                principalColumn: "id",
                onDelete: ReferentialAction.Cascade);
        }
    }
}

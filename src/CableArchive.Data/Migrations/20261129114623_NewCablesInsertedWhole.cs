using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CableArchive.Data.Migrations
{
    /// <inheritdoc />
    public partial class NewCablesInsertedWhole : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // The import inserts a new cable with its current version set, just before it copies that version (ArchiveWriter):
            // the cable's key to its version is checked when the transaction commits. The model cannot say so.
            migrationBuilder.Sql("ALTER TABLE cables ALTER CONSTRAINT fk_cables_cable_versions_current_version_id DEFERRABLE INITIALLY DEFERRED;");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("ALTER TABLE cables ALTER CONSTRAINT fk_cables_cable_versions_current_version_id NOT DEFERRABLE;");
        }
    }
}

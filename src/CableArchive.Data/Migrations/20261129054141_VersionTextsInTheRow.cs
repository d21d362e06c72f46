using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CableArchive.Data.Migrations
{
    /// <inheritdoc />
    public partial class VersionTextsInTheRow : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AlterTable(
                name: "cable_versions")
                .Annotation("Npgsql:StorageParameter:toast_tuple_target", 8160);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AlterTable(
                name: "cable_versions")
                .OldAnnotation("Npgsql:StorageParameter:toast_tuple_target", 8160);
        }
    }
}

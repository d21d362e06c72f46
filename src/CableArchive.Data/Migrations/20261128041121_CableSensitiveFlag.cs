using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CableArchive.Data.Migrations
{
    /// <inheritdoc />
    public partial class CableSensitiveFlag : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<bool>(
                name: "sensitive",
                table: "cables",
                type: "boolean",
                nullable: false,
                defaultValue: false);

            // An admin sets the flag from the web application, whose role otherwise only reads cables: it may update
            // this one column and nothing else of the table.
            migrationBuilder.Sql("GRANT UPDATE (sensitive) ON cables TO cablearchive_web;");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("REVOKE UPDATE (sensitive) ON cables FROM cablearchive_web;");
            migrationBuilder.DropColumn(
                name: "sensitive",
                table: "cables");
        }
    }
}

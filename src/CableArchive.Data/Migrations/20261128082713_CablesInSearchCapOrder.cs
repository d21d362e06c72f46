using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CableArchive.Data.Migrations
{
    /// <inheritdoc />
    public partial class CablesInSearchCapOrder : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ix_cables_created_at",
                table: "cables");

            migrationBuilder.CreateIndex(
                name: "ix_cables_created_at_id",
                table: "cables",
                columns: new[] { "created_at", "id" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ix_cables_created_at_id",
                table: "cables");

            migrationBuilder.CreateIndex(
                name: "ix_cables_created_at",
                table: "cables",
                column: "created_at");
        }
    }
}

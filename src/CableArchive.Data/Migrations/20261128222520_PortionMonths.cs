using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CableArchive.Data.Migrations
{
    /// <inheritdoc />
    public partial class PortionMonths : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ix_subjects_search_vector",
                table: "subjects");

            migrationBuilder.DropIndex(
                name: "ix_paragraphs_search_vector",
                table: "paragraphs");

            migrationBuilder.AlterDatabase()
                .Annotation("Npgsql:PostgresExtension:btree_gin", ",,");

            migrationBuilder.AddColumn<int>(
                name: "created_month",
                table: "subjects",
                type: "integer",
                nullable: false,
                defaultValue: int.MaxValue);

            migrationBuilder.AddColumn<int>(
                name: "created_month",
                table: "paragraphs",
                type: "integer",
                nullable: false,
                defaultValue: int.MaxValue);

            // Portions already held take their cable's month (the month of its current version's envelope); CapMonth.Sql.
            foreach (var table in new[] { "paragraphs", "subjects" })
            {
                migrationBuilder.Sql($"""
                    UPDATE {table} t SET created_month = (extract(year FROM c.created_at AT TIME ZONE 'UTC') * 12 + extract(month FROM c.created_at AT TIME ZONE 'UTC') - 1)::int
                    FROM cables c WHERE c.id = t.cable_id AND c.created_at IS NOT NULL
                    """);
            }

            migrationBuilder.CreateIndex(
                name: "ix_subjects_search_vector_created_month",
                table: "subjects",
                columns: new[] { "search_vector", "created_month" })
                .Annotation("Npgsql:IndexMethod", "gin");

            migrationBuilder.CreateIndex(
                name: "ix_paragraphs_search_vector_created_month",
                table: "paragraphs",
                columns: new[] { "search_vector", "created_month" })
                .Annotation("Npgsql:IndexMethod", "gin");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ix_subjects_search_vector_created_month",
                table: "subjects");

            migrationBuilder.DropIndex(
                name: "ix_paragraphs_search_vector_created_month",
                table: "paragraphs");

            migrationBuilder.DropColumn(
                name: "created_month",
                table: "subjects");

            migrationBuilder.DropColumn(
                name: "created_month",
                table: "paragraphs");

            migrationBuilder.AlterDatabase()
                .OldAnnotation("Npgsql:PostgresExtension:btree_gin", ",,");

            migrationBuilder.CreateIndex(
                name: "ix_subjects_search_vector",
                table: "subjects",
                column: "search_vector")
                .Annotation("Npgsql:IndexMethod", "gin");

            migrationBuilder.CreateIndex(
                name: "ix_paragraphs_search_vector",
                table: "paragraphs",
                column: "search_vector")
                .Annotation("Npgsql:IndexMethod", "gin");
        }
    }
}

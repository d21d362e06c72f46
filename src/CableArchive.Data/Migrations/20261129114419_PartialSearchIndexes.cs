using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CableArchive.Data.Migrations
{
    /// <inheritdoc />
    public partial class PartialSearchIndexes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ix_subjects_search_vector_created_month",
                table: "subjects");

            migrationBuilder.CreateIndex(
                name: "ix_subjects_search_vector_created_month",
                table: "subjects",
                columns: new[] { "search_vector", "created_month" },
                filter: "search_vector IS NOT NULL")
                .Annotation("Npgsql:IndexMethod", "gin");

            // The paragraphs' index is one of expressions, which the model cannot describe (see ReadLevelInSearchIndexes).
            migrationBuilder.Sql("""
                DROP INDEX ix_paragraphs_search_vector_months_levels;
                CREATE INDEX ix_paragraphs_search_vector_months_levels ON paragraphs
                    USING gin (search_vector, (ARRAY[created_month]), (ARRAY[read_level])) WHERE search_vector IS NOT NULL;
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ix_subjects_search_vector_created_month",
                table: "subjects");

            migrationBuilder.CreateIndex(
                name: "ix_subjects_search_vector_created_month",
                table: "subjects",
                columns: new[] { "search_vector", "created_month" })
                .Annotation("Npgsql:IndexMethod", "gin");

            migrationBuilder.Sql("""
                DROP INDEX ix_paragraphs_search_vector_months_levels;
                CREATE INDEX ix_paragraphs_search_vector_months_levels ON paragraphs
                    USING gin (search_vector, (ARRAY[created_month]), (ARRAY[read_level]));
                """);
        }
    }
}

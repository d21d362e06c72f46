using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CableArchive.Data.Migrations
{
    /// <inheritdoc />
    public partial class ReadLevelInSearchIndexes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ix_paragraphs_search_vector_created_month",
                table: "paragraphs");

            // The pairs are copied into a new table with their paragraph's level rather than updated in place: an update
            // writes every row a second time and leaves the table twice its size.
            migrationBuilder.Sql("""
                CREATE TABLE paragraph_pairs_with_levels AS
                SELECT pp.version_id, pp.position, pp.created_month, p.read_level, pp.pairs
                FROM paragraph_pairs pp JOIN paragraphs p ON p.version_id = pp.version_id AND p.position = pp.position;
                DROP TABLE paragraph_pairs;
                ALTER TABLE paragraph_pairs_with_levels RENAME TO paragraph_pairs;
                ALTER TABLE paragraph_pairs
                    ALTER COLUMN version_id SET NOT NULL,
                    ALTER COLUMN position SET NOT NULL,
                    ALTER COLUMN created_month SET NOT NULL,
                    ALTER COLUMN read_level SET NOT NULL,
                    ALTER COLUMN pairs SET NOT NULL,
                    ALTER COLUMN pairs SET STATISTICS 1000,
                    ADD CONSTRAINT pk_paragraph_pairs PRIMARY KEY (version_id, position);
                """);

            // The month and the level as one-element arrays: a window of months and a reader's levels are then each one
            // overlap (&&), which the index answers in one pass over the terms' posting lists. With the plain columns,
            // = ANY(months) made one pass over them per month (docs/decisions/search-levels-in-the-index.md).
            migrationBuilder.Sql("""
                CREATE INDEX ix_paragraphs_search_vector_months_levels ON paragraphs
                    USING gin (search_vector, (ARRAY[created_month]), (ARRAY[read_level]));
                CREATE INDEX ix_paragraph_pairs_pairs_months_levels ON paragraph_pairs
                    USING gin (pairs, (ARRAY[created_month]), (ARRAY[read_level]));
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("DROP INDEX ix_paragraphs_search_vector_months_levels; DROP INDEX ix_paragraph_pairs_pairs_months_levels;");

            migrationBuilder.DropColumn(
                name: "read_level",
                table: "paragraph_pairs");

            migrationBuilder.CreateIndex(
                name: "ix_paragraphs_search_vector_created_month",
                table: "paragraphs",
                columns: new[] { "search_vector", "created_month" })
                .Annotation("Npgsql:IndexMethod", "gin");

            migrationBuilder.CreateIndex(
                name: "ix_paragraph_pairs_pairs_created_month",
                table: "paragraph_pairs",
                columns: new[] { "pairs", "created_month" })
                .Annotation("Npgsql:IndexMethod", "gin");
        }
    }
}

using Microsoft.EntityFrameworkCore.Migrations;
using NpgsqlTypes;

#nullable disable

namespace CableArchive.Data.Migrations
{
    /// <inheritdoc />
    public partial class PhrasePairs : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // Every lexeme a directly followed by a lexeme b of a vector, as the lexeme 'a b' (Search.PhrasePairs). A pair of
            // more than MaxPairBytes is left out, and a vector whose pairs would pass the 1 MB a tsvector's lexemes may hold
            // gives AnyPair instead: the search asks for neither. The values are
            // PhrasePairs.MaxPairBytes and PhrasePairs.AnyPair as this migration wrote them. The vector is unnested once
            // (MATERIALIZED): a quarter faster than unnesting it on each side of the join.
            migrationBuilder.Sql("""
                CREATE FUNCTION phrase_pairs(vector tsvector) RETURNS tsvector
                LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE AS $$
                    WITH lexemes AS MATERIALIZED (SELECT lexeme, unnest(positions) AS position FROM unnest(vector))
                    SELECT CASE WHEN coalesce(sum(octet_length(pair) + 1), 0) < 1000000
                                THEN coalesce(array_to_tsvector(array_agg(pair)), ''::tsvector)
                                ELSE array_to_tsvector(ARRAY['*']) END
                    FROM (
                        SELECT a.lexeme || ' ' || b.lexeme AS pair
                        FROM lexemes a JOIN lexemes b ON b.position = a.position + 1
                        WHERE octet_length(a.lexeme) + 1 + octet_length(b.lexeme) <= 1000) pairs
                $$
                """);

            migrationBuilder.CreateTable(
                name: "paragraph_pairs",
                columns: table => new
                {
                    version_id = table.Column<long>(type: "bigint", nullable: false),
                    position = table.Column<int>(type: "integer", nullable: false),
                    created_month = table.Column<int>(type: "integer", nullable: false),
                    pairs = table.Column<NpgsqlTsVector>(type: "tsvector", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_paragraph_pairs", x => new { x.version_id, x.position });
                });

            migrationBuilder.CreateTable(
                name: "pending_phrase_pairs",
                columns: table => new
                {
                    version_id = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_pending_phrase_pairs", x => x.version_id);
                });

            // Most pairs are rare, and with the default statistics every pair outside the most common thousand was
            // estimated at 0.2% of the paragraphs, which is where the search chooses between its plans
            // (ArchiveSearch.ChoosePlanAsync): "confer deputi", in 12,566 paragraphs, was estimated at 6,049 and fetched
            // whole instead of by the newest months. Ten times the sample gives estimates within 10%.
            migrationBuilder.Sql("ALTER TABLE paragraph_pairs ALTER COLUMN pairs SET STATISTICS 1000");

            // The pairs of the paragraphs already searchable, before the index is made, since building it whole is faster
            // than growing it row by row. Versions still waiting for their vectors get their pairs after them.
            migrationBuilder.Sql("""
                INSERT INTO paragraph_pairs (version_id, position, created_month, pairs)
                SELECT version_id, position, created_month, phrase_pairs(search_vector) FROM paragraphs WHERE searchable
                """);

            migrationBuilder.CreateIndex(
                name: "ix_paragraph_pairs_pairs_created_month",
                table: "paragraph_pairs",
                columns: new[] { "pairs", "created_month" })
                .Annotation("Npgsql:IndexMethod", "gin");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "paragraph_pairs");

            migrationBuilder.DropTable(
                name: "pending_phrase_pairs");

            migrationBuilder.Sql("DROP FUNCTION phrase_pairs(tsvector)");
        }
    }
}

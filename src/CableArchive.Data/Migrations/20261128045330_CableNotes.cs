using System;
using System.Collections.Generic;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;
using NpgsqlTypes;

#nullable disable

namespace CableArchive.Data.Migrations
{
    /// <inheritdoc />
    public partial class CableNotes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "cable_notes",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    cable_reference_id = table.Column<string>(type: "text", nullable: false),
                    author_id = table.Column<long>(type: "bigint", nullable: false),
                    author_name = table.Column<string>(type: "text", nullable: false),
                    created_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false, defaultValueSql: "now()"),
                    mark_level = table.Column<short>(type: "smallint", nullable: false),
                    mark_caveats = table.Column<List<string>>(type: "text[]", nullable: false),
                    read_level = table.Column<short>(type: "smallint", nullable: false),
                    read_caveats = table.Column<List<string>>(type: "text[]", nullable: false),
                    text = table.Column<string>(type: "text", nullable: false),
                    search_vector = table.Column<NpgsqlTsVector>(type: "tsvector", nullable: true, computedColumnSql: "to_tsvector('english'::regconfig, text)", stored: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_cable_notes", x => x.id);
                    table.CheckConstraint("ck_cable_notes_read_label_is_mark", "read_level = mark_level AND read_caveats = mark_caveats");
                });

            migrationBuilder.CreateIndex(
                name: "ix_cable_notes_cable_reference_id",
                table: "cable_notes",
                column: "cable_reference_id");

            migrationBuilder.CreateIndex(
                name: "ix_cable_notes_search_vector",
                table: "cable_notes",
                column: "search_vector")
                .Annotation("Npgsql:IndexMethod", "gin");

            // Analysts write notes from the web application, whose role otherwise only reads the archive: it may read and
            // add notes, but neither change nor delete them.
            migrationBuilder.Sql("""
                GRANT SELECT, INSERT ON cable_notes TO cablearchive_web;
                GRANT USAGE, SELECT ON SEQUENCE cable_notes_id_seq TO cablearchive_web;
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("REVOKE ALL ON cable_notes FROM cablearchive_web;");
            migrationBuilder.DropTable(
                name: "cable_notes");
        }
    }
}

using System;
using System.Collections.Generic;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;
using NpgsqlTypes;

#nullable disable

namespace CableArchive.Data.Migrations
{
    /// <inheritdoc />
    public partial class InitialSchema : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "import_runs",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    kind = table.Column<string>(type: "text", nullable: false),
                    user_name = table.Column<string>(type: "text", nullable: false),
                    host_name = table.Column<string>(type: "text", nullable: false),
                    inputs = table.Column<List<string>>(type: "text[]", nullable: false),
                    started_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    finished_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    status = table.Column<short>(type: "smallint", nullable: false),
                    records_read = table.Column<long>(type: "bigint", nullable: false),
                    new_cables = table.Column<long>(type: "bigint", nullable: false),
                    new_versions = table.Column<long>(type: "bigint", nullable: false),
                    unchanged = table.Column<long>(type: "bigint", nullable: false),
                    quarantined = table.Column<long>(type: "bigint", nullable: false),
                    bytes_read = table.Column<long>(type: "bigint", nullable: false),
                    errors = table.Column<List<string>>(type: "text[]", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_import_runs", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "posts",
                columns: table => new
                {
                    id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    name = table.Column<string>(type: "text", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_posts", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "quarantined_records",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    import_run_id = table.Column<long>(type: "bigint", nullable: false),
                    source_path = table.Column<string>(type: "text", nullable: false),
                    source_row = table.Column<int>(type: "integer", nullable: true),
                    source_offset = table.Column<long>(type: "bigint", nullable: true),
                    source_format = table.Column<short>(type: "smallint", nullable: true),
                    reason = table.Column<string>(type: "text", nullable: false),
                    raw = table.Column<byte[]>(type: "bytea", nullable: false)
                        .Annotation("Npgsql:Compression:", "lz4"),
                    raw_sha256 = table.Column<byte[]>(type: "bytea", nullable: false),
                    quarantined_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_quarantined_records", x => x.id);
                    table.ForeignKey(
                        name: "fk_quarantined_records_import_runs_import_run_id",
                        column: x => x.import_run_id,
                        principalTable: "import_runs",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "cable_aliases",
                columns: table => new
                {
                    cable_id = table.Column<long>(type: "bigint", nullable: false),
                    alias = table.Column<string>(type: "text", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_cable_aliases", x => new { x.cable_id, x.alias });
                });

            migrationBuilder.CreateTable(
                name: "cable_references",
                columns: table => new
                {
                    cable_id = table.Column<long>(type: "bigint", nullable: false),
                    position = table.Column<int>(type: "integer", nullable: false),
                    label = table.Column<string>(type: "text", nullable: true),
                    raw = table.Column<string>(type: "text", nullable: false),
                    kind = table.Column<short>(type: "smallint", nullable: false),
                    target_reference_id = table.Column<string>(type: "text", nullable: true),
                    target_cable_id = table.Column<long>(type: "bigint", nullable: true),
                    from_container = table.Column<bool>(type: "boolean", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_cable_references", x => new { x.cable_id, x.position });
                });

            migrationBuilder.CreateTable(
                name: "cable_tags",
                columns: table => new
                {
                    cable_id = table.Column<long>(type: "bigint", nullable: false),
                    position = table.Column<int>(type: "integer", nullable: false),
                    code = table.Column<string>(type: "text", nullable: false),
                    kind = table.Column<short>(type: "smallint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_cable_tags", x => new { x.cable_id, x.position });
                });

            migrationBuilder.CreateTable(
                name: "cable_versions",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    cable_id = table.Column<long>(type: "bigint", nullable: false),
                    text_sha256 = table.Column<byte[]>(type: "bytea", nullable: false),
                    text = table.Column<string>(type: "text", nullable: false)
                        .Annotation("Npgsql:Compression:", "lz4"),
                    raw_record = table.Column<byte[]>(type: "bytea", nullable: true)
                        .Annotation("Npgsql:Compression:", "lz4"),
                    source_path = table.Column<string>(type: "text", nullable: false),
                    source_row = table.Column<int>(type: "integer", nullable: true),
                    source_offset = table.Column<long>(type: "bigint", nullable: true),
                    source_format = table.Column<short>(type: "smallint", nullable: false),
                    released_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    import_run_id = table.Column<long>(type: "bigint", nullable: false),
                    imported_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    diagnostics = table.Column<string>(type: "jsonb", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_cable_versions", x => x.id);
                    table.ForeignKey(
                        name: "fk_cable_versions_import_runs_import_run_id",
                        column: x => x.import_run_id,
                        principalTable: "import_runs",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "cables",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    reference_id = table.Column<string>(type: "text", nullable: false),
                    current_version_id = table.Column<long>(type: "bigint", nullable: true),
                    created_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    origin = table.Column<string>(type: "text", nullable: true),
                    post_id = table.Column<int>(type: "integer", nullable: true),
                    classification = table.Column<string>(type: "text", nullable: true),
                    classification_level = table.Column<short>(type: "smallint", nullable: true),
                    classification_caveats = table.Column<List<string>>(type: "text[]", nullable: false),
                    precedence = table.Column<string>(type: "text", nullable: true),
                    date_time_group = table.Column<string>(type: "text", nullable: true),
                    from_addressee = table.Column<string>(type: "text", nullable: true),
                    to_addressees = table.Column<List<string>>(type: "text[]", nullable: false),
                    info_addressees = table.Column<List<string>>(type: "text[]", nullable: false),
                    captions = table.Column<List<string>>(type: "text[]", nullable: false),
                    executive_order = table.Column<string>(type: "text", nullable: true),
                    declassify_on = table.Column<DateOnly>(type: "date", nullable: true),
                    partial = table.Column<bool>(type: "boolean", nullable: false),
                    redaction_count = table.Column<int>(type: "integer", nullable: false),
                    first_imported_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    updated_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_cables", x => x.id);
                    table.ForeignKey(
                        name: "fk_cables_cable_versions_current_version_id",
                        column: x => x.current_version_id,
                        principalTable: "cable_versions",
                        principalColumn: "id",
                        onDelete: ReferentialAction.SetNull);
                    table.ForeignKey(
                        name: "fk_cables_posts_post_id",
                        column: x => x.post_id,
                        principalTable: "posts",
                        principalColumn: "id",
                        onDelete: ReferentialAction.SetNull);
                });

            migrationBuilder.CreateTable(
                name: "paragraphs",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    version_id = table.Column<long>(type: "bigint", nullable: false),
                    cable_id = table.Column<long>(type: "bigint", nullable: false),
                    position = table.Column<int>(type: "integer", nullable: false),
                    number = table.Column<string>(type: "text", nullable: true),
                    depth = table.Column<short>(type: "smallint", nullable: false),
                    mark_status = table.Column<short>(type: "smallint", nullable: false),
                    mark = table.Column<string>(type: "text", nullable: true),
                    mark_level = table.Column<short>(type: "smallint", nullable: true),
                    mark_caveats = table.Column<List<string>>(type: "text[]", nullable: false),
                    read_level = table.Column<short>(type: "smallint", nullable: false),
                    read_caveats = table.Column<List<string>>(type: "text[]", nullable: false),
                    text = table.Column<string>(type: "text", nullable: false),
                    span_start = table.Column<int>(type: "integer", nullable: false),
                    span_length = table.Column<int>(type: "integer", nullable: false),
                    searchable = table.Column<bool>(type: "boolean", nullable: false),
                    search_vector = table.Column<NpgsqlTsVector>(type: "tsvector", nullable: true, computedColumnSql: "CASE WHEN searchable THEN to_tsvector('english'::regconfig, text) END", stored: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_paragraphs", x => x.id);
                    table.ForeignKey(
                        name: "fk_paragraphs_cable_versions_version_id",
                        column: x => x.version_id,
                        principalTable: "cable_versions",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "fk_paragraphs_cables_cable_id",
                        column: x => x.cable_id,
                        principalTable: "cables",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "subjects",
                columns: table => new
                {
                    version_id = table.Column<long>(type: "bigint", nullable: false),
                    cable_id = table.Column<long>(type: "bigint", nullable: false),
                    mark_status = table.Column<short>(type: "smallint", nullable: false),
                    mark = table.Column<string>(type: "text", nullable: true),
                    mark_level = table.Column<short>(type: "smallint", nullable: true),
                    mark_caveats = table.Column<List<string>>(type: "text[]", nullable: false),
                    read_level = table.Column<short>(type: "smallint", nullable: false),
                    read_caveats = table.Column<List<string>>(type: "text[]", nullable: false),
                    text = table.Column<string>(type: "text", nullable: false),
                    span_start = table.Column<int>(type: "integer", nullable: false),
                    span_length = table.Column<int>(type: "integer", nullable: false),
                    searchable = table.Column<bool>(type: "boolean", nullable: false),
                    search_vector = table.Column<NpgsqlTsVector>(type: "tsvector", nullable: true, computedColumnSql: "CASE WHEN searchable THEN to_tsvector('english'::regconfig, text) END", stored: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_subjects", x => x.version_id);
                    table.ForeignKey(
                        name: "fk_subjects_cable_versions_version_id",
                        column: x => x.version_id,
                        principalTable: "cable_versions",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "fk_subjects_cables_cable_id",
                        column: x => x.cable_id,
                        principalTable: "cables",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "ix_cable_aliases_alias",
                table: "cable_aliases",
                column: "alias");

            migrationBuilder.CreateIndex(
                name: "ix_cable_references_target_cable_id",
                table: "cable_references",
                column: "target_cable_id");

            migrationBuilder.CreateIndex(
                name: "ix_cable_references_target_reference_id",
                table: "cable_references",
                column: "target_reference_id",
                filter: "target_cable_id IS NULL AND target_reference_id IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "ix_cable_tags_code_cable_id",
                table: "cable_tags",
                columns: new[] { "code", "cable_id" });

            migrationBuilder.CreateIndex(
                name: "ix_cable_versions_cable_id_text_sha256",
                table: "cable_versions",
                columns: new[] { "cable_id", "text_sha256" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_cable_versions_import_run_id",
                table: "cable_versions",
                column: "import_run_id");

            migrationBuilder.CreateIndex(
                name: "ix_cables_classification_level",
                table: "cables",
                column: "classification_level");

            migrationBuilder.CreateIndex(
                name: "ix_cables_created_at",
                table: "cables",
                column: "created_at");

            migrationBuilder.CreateIndex(
                name: "ix_cables_current_version_id",
                table: "cables",
                column: "current_version_id");

            migrationBuilder.CreateIndex(
                name: "ix_cables_post_id",
                table: "cables",
                column: "post_id");

            migrationBuilder.CreateIndex(
                name: "ix_cables_reference_id",
                table: "cables",
                column: "reference_id",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_paragraphs_cable_id",
                table: "paragraphs",
                column: "cable_id");

            migrationBuilder.CreateIndex(
                name: "ix_paragraphs_id",
                table: "paragraphs",
                column: "id",
                filter: "NOT searchable");

            migrationBuilder.CreateIndex(
                name: "ix_paragraphs_search_vector",
                table: "paragraphs",
                column: "search_vector")
                .Annotation("Npgsql:IndexMethod", "gin");

            migrationBuilder.CreateIndex(
                name: "ix_paragraphs_version_id_position",
                table: "paragraphs",
                columns: new[] { "version_id", "position" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_posts_name",
                table: "posts",
                column: "name",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_quarantined_records_import_run_id",
                table: "quarantined_records",
                column: "import_run_id");

            migrationBuilder.CreateIndex(
                name: "ix_quarantined_records_raw_sha256",
                table: "quarantined_records",
                column: "raw_sha256",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_subjects_cable_id",
                table: "subjects",
                column: "cable_id");

            migrationBuilder.CreateIndex(
                name: "ix_subjects_search_vector",
                table: "subjects",
                column: "search_vector")
                .Annotation("Npgsql:IndexMethod", "gin");

            migrationBuilder.CreateIndex(
                name: "ix_subjects_version_id",
                table: "subjects",
                column: "version_id",
                filter: "NOT searchable");

            migrationBuilder.AddForeignKey(
                name: "fk_cable_aliases_cables_cable_id",
                table: "cable_aliases",
                column: "cable_id",
                principalTable: "cables",
                principalColumn: "id",
                onDelete: ReferentialAction.Cascade);

            migrationBuilder.AddForeignKey(
                name: "fk_cable_references_cables_cable_id",
                table: "cable_references",
                column: "cable_id",
                principalTable: "cables",
                principalColumn: "id",
                onDelete: ReferentialAction.Cascade);

            migrationBuilder.AddForeignKey(
                name: "fk_cable_references_cables_target_cable_id",
                table: "cable_references",
                column: "target_cable_id",
                principalTable: "cables",
                principalColumn: "id",
                onDelete: ReferentialAction.SetNull);

            migrationBuilder.AddForeignKey(
                name: "fk_cable_tags_cables_cable_id",
                table: "cable_tags",
                column: "cable_id",
                principalTable: "cables",
                principalColumn: "id",
                onDelete: ReferentialAction.Cascade);

            migrationBuilder.AddForeignKey(
                name: "fk_cable_versions_cables_cable_id",
                table: "cable_versions",
                column: "cable_id",
                principalTable: "cables",
                principalColumn: "id",
                onDelete: ReferentialAction.Cascade);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "fk_cable_versions_cables_cable_id",
                table: "cable_versions");

            migrationBuilder.DropTable(
                name: "cable_aliases");

            migrationBuilder.DropTable(
                name: "cable_references");

            migrationBuilder.DropTable(
                name: "cable_tags");

            migrationBuilder.DropTable(
                name: "paragraphs");

            migrationBuilder.DropTable(
                name: "quarantined_records");

            migrationBuilder.DropTable(
                name: "subjects");

            migrationBuilder.DropTable(
                name: "cables");

            migrationBuilder.DropTable(
                name: "cable_versions");

            migrationBuilder.DropTable(
                name: "posts");

            migrationBuilder.DropTable(
                name: "import_runs");
        }
    }
}

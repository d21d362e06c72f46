using CableArchive.Data;
using CableArchive.Tests.Data.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql;

namespace CableArchive.Tests.Data;

/// <summary>Migrations that move data keep all of it.</summary>
public sealed class MigrationDataTests
{
    private const string BeforeSensitiveTable = "20261128082713_CablesInSearchCapOrder";

    private const string BeforeTagsPerVersion = "20261128222520_PortionMonths";

    private const string BeforePhrasePairs = "20261129054141_VersionTextsInTheRow";

    private const string BeforeLevelsInSearchIndexes = "20261129064327_PhrasePairs";

    [Fact]
    public Task The_sensitive_flags_move_out_of_cables_with_those_a_killed_reparse_had_set_aside() =>
        MigrateFromAsync(
            BeforeSensitiveTable,
            // Two cables, one flagged; and the flag of a third that a killed reparse had set aside before emptying cables.
            """
                INSERT INTO cables (reference_id, classification_caveats, to_addressees, info_addressees, captions, partial, redaction_count,
                                    first_imported_at, updated_at, sensitive)
                VALUES ('08TOKYO1', '{}', '{}', '{}', '{}', false, 0, now(), now(), true),
                       ('08TOKYO2', '{}', '{}', '{}', '{}', false, 0, now(), now(), false);
                CREATE TABLE reparse_sensitive AS SELECT '08TOKYO3'::text AS reference_id;
            """,
            async connectionString =>
            {
                Assert.Equal(["08TOKYO1", "08TOKYO3"], await TextsAsync(connectionString, "SELECT reference_id FROM sensitive_cables ORDER BY 1"));
                Assert.Equal(["true"], await TextsAsync(connectionString, "SELECT (to_regclass('reparse_sensitive') IS NULL)::text"));
                Assert.Equal(["true"], await TextsAsync(connectionString,
                    "SELECT has_table_privilege('cablearchive_web', 'sensitive_cables', 'INSERT, DELETE')::text"));
            });

    [Fact]
    public Task Tags_and_references_held_per_cable_move_to_each_cables_current_version() =>
        MigrateFromAsync(
            BeforeTagsPerVersion,
            // 08TOKYO1 has two versions, the second current; 08TOKYO2 one; 08TOKYO3 none (its tag has nowhere to go).
            // Ids are chosen so that cable ids and version ids overlap, as they do in a real archive.
            """
                INSERT INTO import_runs (id, kind, user_name, host_name, inputs, started_at, status, records_read, new_cables, new_versions,
                                         unchanged, quarantined, bytes_read, errors)
                VALUES (1, 'import', 'test', 'test', '{}', now(), 1, 0, 0, 0, 0, 0, 0, '{}');
                INSERT INTO cables (id, reference_id, classification_caveats, to_addressees, info_addressees, captions, partial, redaction_count,
                                    first_imported_at, updated_at)
                VALUES (1, '08TOKYO1', '{}', '{}', '{}', '{}', false, 0, now(), now()),
                       (2, '08TOKYO2', '{}', '{}', '{}', '{}', false, 0, now(), now()),
                       (3, '08TOKYO3', '{}', '{}', '{}', '{}', false, 0, now(), now());
                INSERT INTO cable_versions (id, cable_id, text_sha256, text, source_path, source_format, import_run_id, imported_at, diagnostics)
                VALUES (1, 1, '\x01', 'first', 'a', 0, 1, now(), '[]'), (2, 1, '\x02', 'second', 'a', 0, 1, now(), '[]'),
                       (3, 2, '\x03', 'only', 'b', 0, 1, now(), '[]');
                UPDATE cables SET current_version_id = 2 WHERE id = 1;
                UPDATE cables SET current_version_id = 3 WHERE id = 2;
                INSERT INTO cable_tags (cable_id, position, code, kind) VALUES (1, 0, 'PGOV', 0), (1, 1, 'JA', 1), (2, 0, 'PREL', 0), (3, 0, 'KTIP', 0);
                INSERT INTO cable_references (cable_id, position, raw, kind, target_reference_id, target_cable_id, from_container)
                VALUES (1, 0, 'TOKYO 2', 0, '08TOKYO2', 2, false), (2, 0, 'STATE 9', 0, '08STATE9', NULL, false);
            """,
            async connectionString =>
            {
                Assert.Equal(["2|0|PGOV", "2|1|JA", "3|0|PREL"], await TextsAsync(connectionString,
                    "SELECT concat_ws('|', version_id, position, code) FROM cable_tags ORDER BY version_id, position"));
                Assert.Equal(["1|2", "2|3"], await TextsAsync(connectionString,
                    "SELECT concat_ws('|', cable_id, version_id) FROM cable_tags WHERE position = 0 ORDER BY cable_id"));
                Assert.Equal(["2|08TOKYO2", "3|08STATE9"], await TextsAsync(connectionString,
                    "SELECT concat_ws('|', version_id, target_reference_id) FROM cable_references ORDER BY version_id"));
            });

    [Fact]
    public Task Paragraphs_already_searchable_get_their_phrase_pairs() =>
        MigrateFromAsync(
            BeforePhrasePairs,
            // Version 1 is searchable, version 2 still waits for its vectors (and will get its pairs after them).
            """
                INSERT INTO paragraphs (version_id, cable_id, position, depth, mark_status, mark_caveats, read_level, read_caveats, text,
                                        span_start, span_length, searchable, created_month)
                VALUES (1, 1, 0, 0, 0, '{}', 0, '{}', 'Prime Minister Erdogan said Rashid arrived.', 0, 1, true, 24100),
                       (1, 1, 1, 0, 0, '{}', 0, '{}', 'Nothing else.', 0, 1, true, 24100),
                       (2, 2, 0, 0, 0, '{}', 0, '{}', 'The prime minister waits.', 0, 1, false, 24101);
            """,
            async connectionString =>
            {
                Assert.Equal(["1|0|24100|'erdogan said' 'minist erdogan' 'prime minist' 'rashid arriv' 'said rashid'", "1|1|24100|'noth els'"],
                    await TextsAsync(connectionString,
                        "SELECT concat_ws('|', version_id, position, created_month, pairs) FROM paragraph_pairs ORDER BY version_id, position"));
            });

    [Fact]
    public Task Phrase_pairs_keep_every_row_and_take_their_paragraphs_read_level() =>
        MigrateFromAsync(
            BeforeLevelsInSearchIndexes,
            // Two paragraphs of different levels with their pairs, and a third paragraph whose pairs are not written yet.
            """
                INSERT INTO paragraphs (version_id, cable_id, position, depth, mark_status, mark_caveats, read_level, read_caveats, text,
                                        span_start, span_length, searchable, created_month)
                VALUES (1, 1, 0, 0, 0, '{}', 3, '{NOFORN}', 'Prime Minister Erdogan said Rashid arrived.', 0, 1, true, 24100),
                       (1, 1, 1, 0, 0, '{}', 0, '{}', 'Nothing else.', 0, 1, true, 24100),
                       (2, 2, 0, 0, 0, '{}', 2, '{}', 'The prime minister waits.', 0, 1, true, 24101);
                INSERT INTO paragraph_pairs (version_id, position, created_month, pairs)
                SELECT version_id, position, created_month, phrase_pairs(search_vector) FROM paragraphs WHERE version_id = 1;
            """,
            async connectionString =>
            {
                Assert.Equal(["1|0|24100|3|'erdogan said' 'minist erdogan' 'prime minist' 'rashid arriv' 'said rashid'", "1|1|24100|0|'noth els'"],
                    await TextsAsync(connectionString,
                        "SELECT concat_ws('|', version_id, position, created_month, read_level, pairs) FROM paragraph_pairs ORDER BY version_id, position"));
                Assert.Equal(["t|t"], await TextsAsync(connectionString,
                    """
                    SELECT concat_ws('|', has_table_privilege('cablearchive_web', 'paragraph_pairs', 'SELECT'),
                                          NOT has_table_privilege('cablearchive_web', 'paragraph_pairs', 'INSERT'))
                    """));
            });

    /// <summary>
    /// A server's connection string usually keeps Npgsql's 30-second command timeout; here one second, against a
    /// migration that computes the phrase pairs of 40,000 paragraphs (several seconds): it must not be cut short.
    /// </summary>
    [Fact]
    public Task A_long_migration_is_not_cut_short_by_the_connections_command_timeout() =>
        MigrateFromAsync(
            BeforePhrasePairs,
            """
                INSERT INTO paragraphs (version_id, cable_id, position, depth, mark_status, mark_caveats, read_level, read_caveats, text,
                                        span_start, span_length, searchable, created_month)
                SELECT v, v, 0, 0, 0, '{}', 0, '{}', repeat('the minister said the talks on trade and security would resume next week ', 12) || v,
                       0, 1, true, 24100
                FROM generate_series(1, 40000) v;
            """,
            async connectionString =>
                Assert.Equal(["40000"], await TextsAsync(connectionString, "SELECT count(*)::text FROM paragraph_pairs")),
            open: connectionString => connectionString + ";Command Timeout=1");

    /// <summary>
    /// Migrates a fresh database up to <paramref name="before"/>, fills it with <paramref name="arrange"/>, then opens it
    /// as the archive (which applies the migrations it lacks; through <paramref name="open"/>'s connection string when
    /// given) and runs <paramref name="assert"/> on it while open.
    /// </summary>
    private static async Task MigrateFromAsync(string before, string arrange, Func<string, Task> assert, Func<string, string>? open = null)
    {
        var name = await PostgresCluster.Current.CreateEmptyDatabaseAsync();
        try
        {
            var connectionString = PostgresCluster.Current.Server.ConnectionString(name);
            await using (var dataSource = ArchiveDatabase.CreateDataSource(connectionString))
            await using (var context = ArchiveDbContext.Create(dataSource))
                await context.GetService<IMigrator>().MigrateAsync(before, TestContext.Current.CancellationToken);

            await ExecuteAsync(connectionString, arrange);
            await using (await ArchiveDatabase.OpenAsync(open?.Invoke(connectionString) ?? connectionString, TestContext.Current.CancellationToken))
                await assert(connectionString);
        }
        finally
        {
            await PostgresCluster.Current.DropDatabaseAsync(name);
        }
    }

    private static async Task ExecuteAsync(string connectionString, string sql)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }

    private static async Task<List<string>> TextsAsync(string connectionString, string sql)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await using var reader = await command.ExecuteReaderAsync();
        var texts = new List<string>();
        while (await reader.ReadAsync())
            texts.Add(reader.GetString(0));
        return texts;
    }
}

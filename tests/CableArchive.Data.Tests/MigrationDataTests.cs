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

    [Fact]
    public async Task The_sensitive_flags_move_out_of_cables_with_those_a_killed_reparse_had_set_aside()
    {
        var name = await PostgresCluster.Current.CreateEmptyDatabaseAsync();
        try
        {
            var connectionString = PostgresCluster.Current.Server.ConnectionString(name);
            await using (var dataSource = ArchiveDatabase.CreateDataSource(connectionString))
            await using (var context = ArchiveDbContext.Create(dataSource))
                await context.GetService<IMigrator>().MigrateAsync(BeforeSensitiveTable, TestContext.Current.CancellationToken);

            // Two cables, one flagged; and the flag of a third that a killed reparse had set aside before emptying cables.
            await ExecuteAsync(connectionString, """
                INSERT INTO cables (reference_id, classification_caveats, to_addressees, info_addressees, captions, partial, redaction_count,
                                    first_imported_at, updated_at, sensitive)
                VALUES ('08TOKYO1', '{}', '{}', '{}', '{}', false, 0, now(), now(), true),
                       ('08TOKYO2', '{}', '{}', '{}', '{}', false, 0, now(), now(), false);
                CREATE TABLE reparse_sensitive AS SELECT '08TOKYO3'::text AS reference_id;
                """);

            // Opening the archive applies the migrations it lacks.
            await using (await ArchiveDatabase.OpenAsync(connectionString, TestContext.Current.CancellationToken))
            {
                Assert.Equal(["08TOKYO1", "08TOKYO3"], await TextsAsync(connectionString, "SELECT reference_id FROM sensitive_cables ORDER BY 1"));
                Assert.Equal(["true"], await TextsAsync(connectionString, "SELECT (to_regclass('reparse_sensitive') IS NULL)::text"));
                Assert.Equal(["true"], await TextsAsync(connectionString,
                    "SELECT has_table_privilege('cablearchive_web', 'sensitive_cables', 'INSERT, DELETE')::text"));
            }
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

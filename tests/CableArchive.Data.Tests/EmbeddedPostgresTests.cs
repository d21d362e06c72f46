using System.Diagnostics;
using CableArchive.Data;
using CableArchive.Data.Embedded;
using CableArchive.Tests.Data.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace CableArchive.Tests.Data;

public sealed class EmbeddedPostgresTests
{
    [Fact]
    public async Task A_server_left_running_is_reused_and_a_stale_lock_file_is_removed()
    {
        var dataDirectory = PostgresCluster.NewDataDirectory("reuse");
        int firstPort;

        // A run that ends without stopping its server, as a killed one does.
        await using (var first = await EmbeddedPostgres.StartAsync(dataDirectory, EmbeddedShutdown.LeaveRunning, cancellationToken: TestContext.Current.CancellationToken))
        {
            Assert.False(first.ReusedRunningServer);
            firstPort = first.Port;
            Assert.True(File.Exists(Path.Combine(first.ClusterDirectory, "PG_VERSION")));
        }

        await using (var second = await EmbeddedPostgres.StartAsync(dataDirectory, EmbeddedShutdown.StopWhenLastUser, cancellationToken: TestContext.Current.CancellationToken))
        {
            Assert.True(second.ReusedRunningServer);
            Assert.Equal(firstPort, second.Port);
            Assert.Equal(1, await ScalarAsync(second.ConnectionString(), "SELECT 1"));
        }

        // The last user stopped the server: its lock file is gone.
        var pidFile = Path.Combine(dataDirectory, "pg", "postmaster.pid");
        Assert.False(File.Exists(pidFile));

        // A lock file naming a live process that is not PostgreSQL (a reused process number) is stale.
        await File.WriteAllTextAsync(pidFile, $"{Environment.ProcessId}\n{Path.Combine(dataDirectory, "pg")}\n0\n5432\n\n127.0.0.1\n0 0\nready   \n", TestContext.Current.CancellationToken);
        await using (var third = await EmbeddedPostgres.StartAsync(dataDirectory, EmbeddedShutdown.StopAndDelete, cancellationToken: TestContext.Current.CancellationToken))
        {
            Assert.True(third.RemovedStaleLockFile);
            Assert.False(third.ReusedRunningServer);
            Assert.Equal(1, await ScalarAsync(third.ConnectionString(), "SELECT 1"));
        }

        Assert.False(Directory.Exists(dataDirectory));
    }

    [Fact]
    public async Task The_server_stays_up_while_another_process_still_uses_it()
    {
        var dataDirectory = PostgresCluster.NewDataDirectory("shared");
        await using var keeper = await EmbeddedPostgres.StartAsync(dataDirectory, EmbeddedShutdown.StopAndDelete, cancellationToken: TestContext.Current.CancellationToken);
        await using (var visitor = await EmbeddedPostgres.StartAsync(dataDirectory, EmbeddedShutdown.StopWhenLastUser, cancellationToken: TestContext.Current.CancellationToken))
        {
            Assert.True(visitor.ReusedRunningServer);
        }

        // The visitor was not the last user, so the keeper's server still answers.
        Assert.Equal(1, await ScalarAsync(keeper.ConnectionString(), "SELECT 1"));
    }

    [Fact]
    public void A_machine_without_PostgreSQL_is_told_what_to_install()
    {
        var empty = Directory.CreateTempSubdirectory("cablearchive-nopg-").FullName;
        try
        {
            Assert.Null(PostgresBinaries.Find(searchPath: empty, debianRoot: empty));
            Assert.Contains("Install the Debian package 'postgresql'", PostgresBinaries.InstallHint, StringComparison.Ordinal);
            Assert.DoesNotContain('\n', PostgresBinaries.InstallHint);
        }
        finally
        {
            Directory.Delete(empty, true);
        }
    }

    [Fact]
    public void Binaries_are_found_under_the_newest_Debian_version_folder()
    {
        var root = Directory.CreateTempSubdirectory("cablearchive-debian-").FullName;
        try
        {
            foreach (var version in new[] { "9", "15", "16" })
            {
                var bin = Directory.CreateDirectory(Path.Combine(root, version, "bin")).FullName;
                foreach (var program in new[] { "initdb", "pg_ctl", "postgres" })
                {
                    if (version != "16" || program != "postgres")
                        File.WriteAllText(Path.Combine(bin, program), "");
                }
            }

            // 16 lacks postgres, so 15 is the newest complete installation.
            var found = PostgresBinaries.Find(searchPath: "", debianRoot: root);
            Assert.Equal(Path.Combine(root, "15", "bin"), found?.Directory);
        }
        finally
        {
            Directory.Delete(root, true);
        }
    }

    [Fact]
    [System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
    public async Task As_root_a_data_folder_the_server_account_cannot_reach_is_refused_with_one_line()
    {
        if (!Environment.IsPrivilegedProcess)
            Assert.Skip("Only root hands the server to the postgres account.");
        var closed = Directory.CreateTempSubdirectory("cablearchive-closed-").FullName;
        File.SetUnixFileMode(closed, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        try
        {
            var error = await Assert.ThrowsAsync<EmbeddedPostgresException>(() =>
                EmbeddedPostgres.StartAsync(Path.Combine(closed, "archive"), cancellationToken: TestContext.Current.CancellationToken));
            Assert.Contains("cannot enter", error.Message, StringComparison.Ordinal);
            Assert.DoesNotContain('\n', error.Message);
        }
        finally
        {
            Directory.Delete(closed, true);
        }
    }

    [Fact]
    public async Task Migrations_apply_to_an_empty_database_and_match_the_model()
    {
        var name = await PostgresCluster.Current.CreateEmptyDatabaseAsync();
        try
        {
            await using var archive = await ArchiveDatabase.OpenAsync(PostgresCluster.Current.Server.ConnectionString(name), TestContext.Current.CancellationToken);
            await using var context = archive.CreateDbContext();
            Assert.Empty(await context.Database.GetPendingMigrationsAsync(TestContext.Current.CancellationToken));
            Assert.False(context.Database.HasPendingModelChanges(), "The model has changes no committed migration holds: run dotnet ef migrations add.");

            string[] tables = ["cables", "cable_versions", "paragraphs", "subjects", "cable_tags", "cable_references", "cable_aliases", "posts", "import_runs", "quarantined_records", "cable_notes"];
            foreach (var table in tables)
                Assert.Equal(1, await ScalarAsync(archive.ConnectionString, $"SELECT count(*)::int FROM information_schema.tables WHERE table_name = '{table}'"));

            // The generated full-text columns and their GIN indexes: paragraphs with their month and read level as arrays
            // (made by a migration, outside the model), subjects with their month, analysts' notes alone. The portions'
            // indexes hold searchable rows only.
            Assert.Equal(3, await ScalarAsync(archive.ConnectionString,
                "SELECT count(*)::int FROM information_schema.columns WHERE column_name = 'search_vector' AND is_generated = 'ALWAYS' AND data_type = 'tsvector'"));
            Assert.Equal(1, await ScalarAsync(archive.ConnectionString,
                "SELECT count(*)::int FROM pg_indexes WHERE tablename = 'paragraphs' AND indexdef LIKE '%USING gin (search_vector, (ARRAY[created_month]), (ARRAY[read_level])) WHERE (search_vector IS NOT NULL)'"));
            Assert.Equal(1, await ScalarAsync(archive.ConnectionString,
                "SELECT count(*)::int FROM pg_indexes WHERE tablename = 'paragraph_pairs' AND indexdef LIKE '%USING gin (pairs, (ARRAY[created_month]), (ARRAY[read_level]))%'"));
            Assert.Equal(1, await ScalarAsync(archive.ConnectionString,
                "SELECT count(*)::int FROM pg_indexes WHERE tablename = 'subjects' AND indexdef LIKE '%USING gin (search_vector, created_month) WHERE (search_vector IS NOT NULL)'"));
            Assert.Equal(1, await ScalarAsync(archive.ConnectionString,
                "SELECT count(*)::int FROM pg_indexes WHERE indexdef LIKE '%USING gin (search_vector)%'"));

            // A match alone implies the partial indexes' filter (@@ is strict): searches use them without naming it.
            foreach (var (table, index) in new[] { ("paragraphs", "ix_paragraphs_search_vector_months_levels"), ("subjects", "ix_subjects_search_vector_created_month") })
            {
                await using var connection = new NpgsqlConnection(archive.ConnectionString);
                await connection.OpenAsync(TestContext.Current.CancellationToken);
                await using var command = new NpgsqlCommand($"SET enable_seqscan = off; EXPLAIN SELECT 1 FROM {table} WHERE search_vector @@ to_tsquery('english', 'embassy')", connection);
                var plan = new List<string>();
                await using (var reader = await command.ExecuteReaderAsync(TestContext.Current.CancellationToken))
                {
                    while (await reader.ReadAsync(TestContext.Current.CancellationToken))
                        plan.Add(reader.GetString(0));
                }

                Assert.Contains(plan, line => line.Contains($"Bitmap Index Scan on {index}", StringComparison.Ordinal));
            }
        }
        finally
        {
            await PostgresCluster.Current.DropDatabaseAsync(name);
        }
    }

    [Fact]
    public async Task An_unreachable_server_gives_one_line()
    {
        var error = await Assert.ThrowsAsync<ArchiveUnavailableException>(() =>
            ArchiveDatabase.OpenAsync("Host=127.0.0.1;Port=1;Username=x;Password=y;Database=z;Timeout=3", TestContext.Current.CancellationToken));
        Assert.Contains("127.0.0.1:1/z", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain('\n', error.Message);
    }

    internal static async Task<int> ScalarAsync(string connectionString, string sql)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        return Convert.ToInt32(await command.ExecuteScalarAsync());
    }
}

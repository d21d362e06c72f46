using System.Diagnostics;
using CableArchive.Data;
using CableArchive.Data.Embedded;
using CableArchive.Data.Import;
using CableArchive.Domain.Cables;
using CableArchive.Parsing.Synthetic;
using CableArchive.Tests.Data.Infrastructure;
using Npgsql;

namespace CableArchive.Tests.Data;

/// <summary>
/// kill -9 in the middle of an import, then the same import again, gives the archive a clean run gives; and the next
/// run copes with the embedded server the killed one left running, or with its stale lock file.
/// </summary>
public sealed class CrashResumeTests : IAsyncLifetime
{
    /// <summary>Enough records that the import is still running after its first batches commit.</summary>
    private const int CableCount = 6000;

    private readonly TempFolder folder = new();
    private string dump = "";
    private int records;

    public async ValueTask InitializeAsync()
    {
        dump = Path.Combine(folder.Path, "dump");
        records = await WriteDumpAsync(dump);
    }

    public ValueTask DisposeAsync()
    {
        folder.Dispose();
        return ValueTask.CompletedTask;
    }

    /// <summary>Synthetic raw-text cables, plus what makes a real dump hard: repeats, a changed text, junk.</summary>
    private static async Task<int> WriteDumpAsync(string target)
    {
        Directory.CreateDirectory(target);
        var written = 0;
        SyntheticCable? first = null;
        foreach (var cable in CableGenerator.Generate(seed: 1000, CableCount))
        {
            first ??= cable;
            await File.WriteAllTextAsync(Path.Combine(target, cable.FileName(CableFormat.RawText)), cable.Render(CableFormat.RawText));
            written++;
        }

        // Sorted after the cables: the same text again, a later text of the first cable, and a record that is no cable.
        await File.WriteAllTextAsync(Path.Combine(target, "zz-repeat.txt"), first!.Render(CableFormat.RawText));
        await File.WriteAllTextAsync(Path.Combine(target, "zz-release2.txt"), first.Render(CableFormat.RawText) + "\nADDED IN A LATER RELEASE.\n");
        await File.WriteAllTextAsync(Path.Combine(target, "zz-junk.txt"), "this is not a cable");

        // Generated ids can repeat, and a repeated id overwrote its file: count what is there.
        Assert.InRange(written, CableCount, CableCount);
        return Directory.GetFiles(target).Length;
    }

    private async Task<(Dictionary<string, string> Fingerprint, ImportSummary Summary)> CleanRunAsync()
    {
        var name = await PostgresCluster.Current.CreateDatabaseAsync();
        try
        {
            var connection = PostgresCluster.Current.Server.ConnectionString(name);
            await using var archive = await ArchiveDatabase.OpenAsync(connection, TestContext.Current.CancellationToken);
            var summary = await new ArchiveImporter(archive).ImportAsync([dump], TestContext.Current.CancellationToken);
            Assert.Equal(records, summary.Read);
            Assert.Equal(2, summary.ExitCode);
            return (await ArchiveFingerprint.TakeAsync(connection), summary);
        }
        finally
        {
            await PostgresCluster.Current.DropDatabaseAsync(name);
        }
    }

    [Fact]
    public async Task Killed_mid_import_then_run_again_equals_a_clean_run()
    {
        var clean = await CleanRunAsync();
        var name = await PostgresCluster.Current.CreateDatabaseAsync();
        try
        {
            var connection = PostgresCluster.Current.Server.ConnectionString(name);
            await KillWhenCommittingAsync(CliProcess.Start("import", dump, "--json", "--connection", connection), connection);

            var (exitCode, output, error) = await CliProcess.RunAsync("import", dump, "--json", "--connection", connection);

            Assert.True(exitCode == 2, $"exit {exitCode}: {error}");
            Assert.Contains($"\"read\":{records},", output, StringComparison.Ordinal);
            Assert.Contains($"\"quarantined\":{clean.Summary.Quarantined},", output, StringComparison.Ordinal);
            Assert.Equal(clean.Fingerprint, await ArchiveFingerprint.TakeAsync(connection));

            // The killed run is marked as such; the two runs together read every record once or more, never less.
            await using var database = ArchiveDatabase.CreateDataSource(connection);
            await using var runs = database.CreateCommand("SELECT status, records_read FROM import_runs ORDER BY id");
            await using var reader = await runs.ExecuteReaderAsync(TestContext.Current.CancellationToken);
            Assert.True(await reader.ReadAsync(TestContext.Current.CancellationToken));
            Assert.Equal(4, reader.GetInt16(0));
            Assert.InRange(reader.GetInt64(1), 1, records - 1);
            Assert.True(await reader.ReadAsync(TestContext.Current.CancellationToken));
            Assert.Equal(2, reader.GetInt16(0));
            Assert.Equal(records, reader.GetInt64(1));
        }
        finally
        {
            await PostgresCluster.Current.DropDatabaseAsync(name);
        }
    }

    [Fact]
    public async Task Stopped_mid_import_it_says_what_it_committed_and_the_same_import_again_finishes_it()
    {
        var name = await PostgresCluster.Current.CreateDatabaseAsync();
        try
        {
            var connection = PostgresCluster.Current.Server.ConnectionString(name);

            // SIGTERM, as a service manager or Ctrl+C stops it: the batch in flight ends, and the run says so.
            var (stoppedExitCode, _, stoppedError) = await KillWhenCommittingAsync(CliProcess.Start("import", dump, "--json", "--connection", connection), connection, stop: Terminate);
            Assert.True(stoppedExitCode == 1, $"exit {stoppedExitCode}: {stoppedError}");
            Assert.Matches(@"error: interrupted; [\d,]+ records were committed, run the same import again to finish it\.", stoppedError);

            var (exitCode, output, error) = await CliProcess.RunAsync("import", dump, "--json", "--connection", connection);
            Assert.True(exitCode == 2, $"exit {exitCode}: {error}");
            Assert.Contains($"\"read\":{records},", output, StringComparison.Ordinal);
        }
        finally
        {
            await PostgresCluster.Current.DropDatabaseAsync(name);
        }
    }

    private static void Terminate(Process process)
    {
        using var kill = Process.Start("kill", ["-TERM", process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)])!;
        kill.WaitForExit();
    }

    [Fact]
    public async Task A_killed_release_run_does_not_count_and_the_same_release_run_again_does()
    {
        var name = await PostgresCluster.Current.CreateDatabaseAsync();
        try
        {
            var connection = PostgresCluster.Current.Server.ConnectionString(name);
            string[] release = ["import", dump, "--release", "cablegate", "--json", "--connection", connection];
            await KillWhenCommittingAsync(CliProcess.Start(release), connection);

            await using var database = ArchiveDatabase.CreateDataSource(connection);
            await using (var killed = database.CreateCommand("SELECT (SELECT count(*) FROM release_cables), (SELECT count(*) FROM releases)"))
            await using (var reader = await killed.ExecuteReaderAsync(TestContext.Current.CancellationToken))
            {
                // The batches it committed recorded their cables, yet the release does not count.
                Assert.True(await reader.ReadAsync(TestContext.Current.CancellationToken));
                Assert.InRange(reader.GetInt64(0), 1, records - 1);
                Assert.Equal(0, reader.GetInt64(1));
            }

            var (exitCode, _, error) = await CliProcess.RunAsync(release);

            Assert.True(exitCode == 2, $"exit {exitCode}: {error}");
            await using var counted = database.CreateCommand(
                "SELECT r.run_id, (SELECT count(*) FROM release_cables m WHERE m.run_id = r.run_id), (SELECT count(*) FROM cables) FROM releases r");
            await using var rows = await counted.ExecuteReaderAsync(TestContext.Current.CancellationToken);
            Assert.True(await rows.ReadAsync(TestContext.Current.CancellationToken));
            Assert.Equal(2, rows.GetInt64(0));
            Assert.Equal(rows.GetInt64(2), rows.GetInt64(1));
            Assert.False(await rows.ReadAsync(TestContext.Current.CancellationToken));
        }
        finally
        {
            await PostgresCluster.Current.DropDatabaseAsync(name);
        }
    }

    [Fact]
    public async Task The_next_run_reuses_the_embedded_server_a_killed_run_left_and_copes_with_a_stale_lock_file()
    {
        var clean = await CleanRunAsync();
        var dataDirectory = PostgresCluster.NewDataDirectory("killed");
        try
        {
            // The first run starts its own cluster and is killed while committing: its server stays up.
            var child = CliProcess.Start("import", dump, "--data-dir", dataDirectory);
            var connection = await WaitForEmbeddedServerAsync(dataDirectory, child);
            await KillWhenCommittingAsync(child, connection);
            var pidFile = Path.Combine(dataDirectory, "pg", "postmaster.pid");
            var postmaster = int.Parse((await File.ReadAllLinesAsync(pidFile, TestContext.Current.CancellationToken))[0]);
            Assert.False(Process.GetProcessById(postmaster).HasExited);

            // The second run is killed too, and this time the server with it: its lock file stays behind.
            var second = CliProcess.Start("import", dump, "--data-dir", dataDirectory);
            var (_, _, secondError) = await KillWhenCommittingAsync(second, connection, alsoKill: postmaster);
            Assert.True(secondError.Contains("reusing the PostgreSQL server", StringComparison.Ordinal), secondError);
            Assert.True(File.Exists(pidFile));

            var (exitCode, _, error) = await CliProcess.RunAsync("import", dump, "--data-dir", dataDirectory);

            Assert.True(exitCode == 2, $"exit {exitCode}: {error}");
            Assert.True(error.Contains("removing the stale lock file", StringComparison.Ordinal), error);
            Assert.False(File.Exists(pidFile), "the last user stops the server");

            await using var server = await EmbeddedPostgres.StartAsync(dataDirectory, EmbeddedShutdown.StopWhenLastUser, cancellationToken: TestContext.Current.CancellationToken);
            Assert.Equal(clean.Fingerprint, await ArchiveFingerprint.TakeAsync(server.ConnectionString()));
        }
        finally
        {
            await using var cleanup = await EmbeddedPostgres.StartAsync(dataDirectory, EmbeddedShutdown.StopAndDelete, cancellationToken: TestContext.Current.CancellationToken);
        }
    }

    /// <summary>Waits until the child's first batches are committed, then kills it (and <paramref name="alsoKill"/>) with SIGKILL.</summary>
    /// <summary>Stops <paramref name="child"/> once it has committed a thousand records: kill -9 unless <paramref name="stop"/> says otherwise.</summary>
    private static async Task<(int ExitCode, string Output, string Error)> KillWhenCommittingAsync(Process child, string connectionString, int? alsoKill = null, Action<Process>? stop = null)
    {
        var output = child.StandardOutput.ReadToEndAsync();
        var error = child.StandardError.ReadToEndAsync();
        var clock = Stopwatch.StartNew();
        await using (var dataSource = ArchiveDatabase.CreateDataSource(new NpgsqlConnectionStringBuilder(connectionString) { Pooling = false }.ConnectionString))
        {
            long committed = 0;
            long baseline = -1;
            while (committed < 1000)
            {
                if (child.HasExited)
                    Assert.Fail($"the import ended (exit {child.ExitCode}, {committed} committed past {baseline}) before it could be killed: {await output} {await error}");
                Assert.True(clock.Elapsed < TimeSpan.FromMinutes(2), "the import never committed a batch");
                await Task.Delay(20, TestContext.Current.CancellationToken);
                try
                {
                    await using var command = dataSource.CreateCommand("SELECT coalesce(sum(records_read), 0)::bigint FROM import_runs");
                    var total = (long)(await command.ExecuteScalarAsync(TestContext.Current.CancellationToken))!;
                    baseline = baseline < 0 ? total : baseline;
                    committed = total - baseline;
                }
                catch (NpgsqlException)
                {
                    // The child has not yet created its database or applied the migrations.
                }
            }
        }

        (stop ?? (process => process.Kill()))(child);
        if (alsoKill is { } pid)
            Process.GetProcessById(pid).Kill();
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        timeout.CancelAfter(TimeSpan.FromMinutes(1));
        await child.WaitForExitAsync(timeout.Token);
        var exitCode = child.ExitCode;
        child.Dispose();
        return (exitCode, await output, await error);
    }

    private static async Task<string> WaitForEmbeddedServerAsync(string dataDirectory, Process child)
    {
        var pidFile = Path.Combine(dataDirectory, "pg", "postmaster.pid");
        var passwordFile = Path.Combine(dataDirectory, "password");
        var clock = Stopwatch.StartNew();
        while (true)
        {
            Assert.True(clock.Elapsed < TimeSpan.FromMinutes(1), "the embedded server never started");
            Assert.False(child.HasExited, "the import ended before its server started");
            if (File.Exists(pidFile) && File.Exists(passwordFile))
            {
                var lines = await File.ReadAllLinesAsync(pidFile);
                if (lines.Length > 7 && lines[7].Trim() == "ready")
                {
                    return new NpgsqlConnectionStringBuilder
                    {
                        Host = "127.0.0.1", Port = int.Parse(lines[3]), Username = EmbeddedPostgres.SuperUser,
                        Password = (await File.ReadAllTextAsync(passwordFile)).Trim(), Database = EmbeddedPostgres.DefaultDatabase,
                    }.ConnectionString;
                }
            }

            await Task.Delay(50);
        }
    }
}

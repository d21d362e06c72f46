using System.CommandLine;
using System.Diagnostics;
using System.Text;
using System.Text.Json;
using CableArchive.Data;
using CableArchive.Data.Embedded;
using CableArchive.Data.Import;
using CableArchive.Domain.Cables;
using CableArchive.Parsing.Synthetic;
using Npgsql;

namespace CableArchive.Cli.Commands;

/// <summary>
/// <c>cablearchive bench import --count N [--ef-count M] [--data-dir DIR] [--json]</c>: generates N raw-text cables,
/// imports them into a fresh embedded database and reports (1) the durable rate, every version, paragraph and envelope
/// committed and readable by id; (2) the searchable phase, full-text vectors computed and indexed, as a ratio to
/// PostgreSQL's own <c>to_tsvector</c> floor measured on the same text over the same connections; the importer's peak
/// memory; and beside them the rate of a naive EF Core <c>SaveChanges</c> import of the first M of the same cables.
/// </summary>
internal static class BenchImportCommand
{
    private const double DurableTarget = 5_000;
    private const double RatioTarget = 1.3;
    private const double MemoryTargetMegabytes = 500;

    /// <summary>Adds <c>import</c> to the <c>bench</c> command built by <see cref="BenchCommand"/>.</summary>
    public static Command AddTo(Command bench)
    {
        bench.Subcommands.Add(Create());
        return bench;
    }

    public static Command Create()
    {
        var count = new Option<int>("--count") { Description = "How many generated cables to import.", DefaultValueFactory = _ => 100_000 };
        var efCount = new Option<int>("--ef-count") { Description = "How many of them the naive EF Core baseline imports (0 to skip).", DefaultValueFactory = _ => 10_000 };
        var dataDirectory = new Option<string?>("--data-dir") { Description = "Where to put the generated corpus and the fresh cluster (deleted afterwards)." };
        var json = new Option<bool>("--json") { Description = "Also print the figures as one JSON object." };
        var command = new Command("import", "Measure the bulk import: durable rate, indexing against PostgreSQL's to_tsvector floor, memory, and a naive EF baseline.")
        {
            count, efCount, dataDirectory, json,
        };
        command.SetAction((parseResult, cancellationToken) => RunAsync(
            Math.Max(1, parseResult.GetValue(count)), Math.Max(0, parseResult.GetValue(efCount)), parseResult.GetValue(dataDirectory), parseResult.GetValue(json), cancellationToken));
        return command;
    }

    private static async Task<int> RunAsync(int count, int efCount, string? root, bool json, CancellationToken cancellationToken)
    {
        root ??= Path.Combine(Environment.IsPrivilegedProcess ? "/var/tmp" : Path.GetTempPath(), $"cablearchive-bench-{Environment.ProcessId}");
        var corpus = Path.Combine(root, "corpus");
        Console.WriteLine($"bench import: {count:N0} generated raw-text cables, {Environment.ProcessorCount} cores, .NET {Environment.Version}, {Configuration} build");
#if DEBUG
        Console.WriteLine("warning: this is a Debug build; run with -c Release for representative numbers.");
#endif
        try
        {
            var (files, bytes) = Generate(corpus, count);
            Console.WriteLine($"  corpus: {files.Count:N0} files, {bytes / 1e6:N1} MB, {bytes / (double)files.Count / 1024:N1} KB per cable on average, in {corpus}");

            EmbeddedPostgres server;
            try
            {
                server = await EmbeddedPostgres.StartAsync(Path.Combine(root, "db"), EmbeddedShutdown.StopAndDelete, cancellationToken: cancellationToken);
            }
            catch (EmbeddedPostgresException e)
            {
                Console.Error.WriteLine($"error: {e.Message}");
                return 1;
            }

            await using (server)
            {
                var figures = await MeasureBulkAsync(server, corpus, count, cancellationToken);
                if (figures is null)
                    return 1;
                if (efCount > 0)
                    figures = figures with { NaiveEfRate = await MeasureNaiveEfAsync(server, files.Take(efCount).ToList(), cancellationToken), NaiveEfCount = Math.Min(efCount, files.Count) };
                Report(figures, json);
            }

            return 0;
        }
        finally
        {
            try
            {
                Directory.Delete(root, recursive: true);
            }
            catch (IOException)
            {
            }
        }
    }

    private static (List<string> Files, long Bytes) Generate(string folder, int count)
    {
        Directory.CreateDirectory(folder);
        var files = new List<string>(count);
        long bytes = 0;
        var encoding = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false);
        var clock = Stopwatch.StartNew();
        foreach (var cable in CableGenerator.Generate(seed: 1, count))
        {
            var path = Path.Combine(folder, cable.FileName(CableFormat.RawText));
            var content = encoding.GetBytes(cable.Render(CableFormat.RawText));
            File.WriteAllBytes(path, content);
            files.Add(path);
            bytes += content.Length;
        }

        WriteBackToDisk();
        Console.WriteLine($"  generated in {clock.Elapsed.TotalSeconds:N1} s and written to disk (not part of any figure)");
        return (files, bytes);
    }

    /// <summary>
    /// Writes the generated files out before any clock starts: the kernel otherwise writes them back during the import,
    /// about 30 s after they were made, and the write-ahead log's flushes wait behind them.
    /// </summary>
    private static void WriteBackToDisk()
    {
        try
        {
            using var sync = Process.Start(new ProcessStartInfo("sync") { UseShellExecute = false });
            sync?.WaitForExit();
        }
        catch (System.ComponentModel.Win32Exception)
        {
            // No sync command (Windows): the figures then include the write-back.
        }
    }

    private static async Task<Figures?> MeasureBulkAsync(EmbeddedPostgres server, string corpus, int count, CancellationToken cancellationToken)
    {
        await using var database = await ArchiveDatabase.OpenAsync(server.ConnectionString(), cancellationToken);
        var importer = new ArchiveImporter(database, new ImportOptions { IndexAfterImport = false, RunKind = "bench" });

        // The peak is the importer's own: the corpus generation before it is not counted. Its garbage is collected and
        // handed back to the system first, then Linux resets the peak resident set size (VmHWM) on request.
        GC.Collect(GC.MaxGeneration, GCCollectionMode.Aggressive, blocking: true, compacting: true);
        ResetPeakMemory();
        using var monitor = new PeriodicReporter(importer.Progress);
        var summary = await importer.ImportAsync([corpus], cancellationToken);
        monitor.Dispose();
        if (summary.Fatal is not null || summary.Errors.Count > 0)
        {
            foreach (var line in summary.Errors.Append(summary.Fatal).OfType<string>())
                Console.Error.WriteLine($"error: {line}");
            return null;
        }

        var durable = summary.DurableSeconds;
        var (versions, paragraphs, textBytes) = await CountAsync(database);
        var lookup = await MeasureLookupsAsync(database, cancellationToken);
        Console.WriteLine($"  durable: {summary.Read:N0} records ({summary.NewVersions:N0} new, {summary.Quarantined:N0} quarantined) committed in {durable:N1} s ({summary.WriteSeconds:N1} s of it in merge transactions); "
            + $"{versions:N0} versions, {paragraphs:N0} paragraphs, {textBytes / 1e6:N0} MB of portion text; a cable by id in {lookup:N2} ms");

        var indexClock = Stopwatch.StartNew();
        var indexed = await SearchIndexer.IndexPendingAsync(database.DataSource, Environment.ProcessorCount, cancellationToken: cancellationToken);
        var indexSeconds = indexClock.Elapsed.TotalSeconds;
        Console.WriteLine($"  searchable: {indexed:N0} portions indexed in {indexSeconds:N1} s");

        var pairsClock = Stopwatch.StartNew();
        var paired = await SearchIndexer.IndexPendingPhrasePairsAsync(database.DataSource, Environment.ProcessorCount, cancellationToken);
        var pairsSeconds = pairsClock.Elapsed.TotalSeconds;
        var peak = PeakMemoryMegabytes();
        Console.WriteLine($"  phrase pairs: {paired:N0} paragraphs in {pairsSeconds:N1} s");

        var floor = await SearchIndexer.MeasureTsVectorFloorAsync(database.DataSource, Environment.ProcessorCount, cancellationToken);
        Console.WriteLine($"  floor: to_tsvector over the same {textBytes / 1e6:N0} MB on {Environment.ProcessorCount} connections in {floor:N1} s ({textBytes / 1e6 / floor:N1} MB/s)");

        return new Figures(count, summary.Read, summary.Quarantined, durable, summary.Read / durable, indexSeconds, pairsSeconds, floor, textBytes, peak, lookup, 0, 0);
    }

    private static async Task<double> MeasureNaiveEfAsync(EmbeddedPostgres server, List<string> files, CancellationToken cancellationToken)
    {
        await server.EnsureDatabaseAsync("bench_naive_ef", cancellationToken);
        await using var database = await ArchiveDatabase.OpenAsync(server.ConnectionString("bench_naive_ef"), cancellationToken);
        var clock = Stopwatch.StartNew();
        var saved = await NaiveEfImport.ImportAsync(database, files, cancellationToken);
        var rate = saved / clock.Elapsed.TotalSeconds;
        Console.WriteLine($"  naive EF: {saved:N0} cables, one SaveChanges graph per cable, in {clock.Elapsed.TotalSeconds:N1} s");
        return rate;
    }

    private static async Task<(long Versions, long Paragraphs, long TextBytes)> CountAsync(ArchiveDatabase database)
    {
        await using var command = database.DataSource.CreateCommand(
            """
            SELECT (SELECT count(*) FROM cable_versions), (SELECT count(*) FROM paragraphs),
                   (SELECT coalesce(sum(octet_length(text)), 0) FROM paragraphs) + (SELECT coalesce(sum(octet_length(text)), 0) FROM subjects)
            """);
        await using var reader = await command.ExecuteReaderAsync();
        await reader.ReadAsync();
        return (reader.GetInt64(0), reader.GetInt64(1), Convert.ToInt64(reader.GetValue(2)));
    }

    /// <summary>Milliseconds to read a random cable's envelope, current text and paragraphs by reference id.</summary>
    private static async Task<double> MeasureLookupsAsync(ArchiveDatabase database, CancellationToken cancellationToken)
    {
        var ids = new List<string>();
        await using (var sample = database.DataSource.CreateCommand("SELECT reference_id FROM cables ORDER BY random() LIMIT 200"))
        await using (var reader = await sample.ExecuteReaderAsync(cancellationToken))
        {
            while (await reader.ReadAsync(cancellationToken))
                ids.Add(reader.GetString(0));
        }

        await using var connection = await database.DataSource.OpenConnectionAsync(cancellationToken);
        var clock = Stopwatch.StartNew();
        foreach (var id in ids)
        {
            await using var command = new NpgsqlCommand(
                """
                SELECT c.classification, v.text, (SELECT count(*) FROM paragraphs p WHERE p.version_id = v.id)
                FROM cables c JOIN cable_versions v ON v.id = c.current_version_id WHERE c.reference_id = $1
                """,
                connection) { Parameters = { new() { Value = id } } };
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            if (!await reader.ReadAsync(cancellationToken))
                throw new InvalidOperationException($"{id} is not readable by id after the durable phase.");
        }

        return ids.Count == 0 ? 0 : clock.Elapsed.TotalMilliseconds / ids.Count;
    }

    private static void Report(Figures figures, bool json)
    {
        var ratio = figures.IndexSeconds / figures.FloorSeconds;
        var toSearchable = (figures.DurableSeconds + figures.IndexSeconds) / figures.FloorSeconds;
        var pairsRatio = (figures.IndexSeconds + figures.PairsSeconds) / figures.FloorSeconds;
        Console.WriteLine();
        Console.WriteLine("figures:");
        Console.WriteLine($"  (1) durable:    {figures.DurableRate:N0} cables/s (target >= {DurableTarget:N0}: {(figures.DurableRate >= DurableTarget ? "met" : "NOT met")})");
        Console.WriteLine($"  (2) searchable: indexing took {ratio:N2}x PostgreSQL's to_tsvector floor (target <= {RatioTarget}: {(ratio <= RatioTarget ? "met" : "NOT met")}); "
            + $"from the start of the import to searchable, {toSearchable:N2}x");
        Console.WriteLine($"      then the phrase pairs, which only make phrases faster: {figures.PairsSeconds / figures.FloorSeconds:N2}x the floor more "
            + $"(indexing and pairs together {pairsRatio:N2}x)");
        Console.WriteLine($"  peak memory of the importer: {figures.PeakMegabytes:N0} MB (target < {MemoryTargetMegabytes:N0}: {(figures.PeakMegabytes < MemoryTargetMegabytes ? "met" : "NOT met")})");
        if (figures.NaiveEfCount > 0)
            Console.WriteLine($"  naive EF SaveChanges, {figures.NaiveEfCount:N0} cables: {figures.NaiveEfRate:N0} cables/s ({figures.DurableRate / Math.Max(0.001, figures.NaiveEfRate):N0}x slower than the bulk path)");

        if (!json)
            return;
        var output = new
        {
            count = figures.Count,
            read = figures.Read,
            quarantined = figures.Quarantined,
            durableSeconds = Math.Round(figures.DurableSeconds, 2),
            durableCablesPerSecond = Math.Round(figures.DurableRate),
            indexSeconds = Math.Round(figures.IndexSeconds, 2),
            floorSeconds = Math.Round(figures.FloorSeconds, 2),
            searchableRatio = Math.Round(ratio, 3),
            startToSearchableRatio = Math.Round(toSearchable, 3),
            phrasePairsSeconds = Math.Round(figures.PairsSeconds, 2),
            searchableWithPhrasePairsRatio = Math.Round(pairsRatio, 3),
            portionTextMegabytes = Math.Round(figures.TextBytes / 1e6, 1),
            peakMemoryMegabytes = Math.Round(figures.PeakMegabytes),
            lookupMilliseconds = Math.Round(figures.LookupMilliseconds, 3),
            naiveEfCount = figures.NaiveEfCount,
            naiveEfCablesPerSecond = Math.Round(figures.NaiveEfRate, 1),
        };
        Console.WriteLine(JsonSerializer.Serialize(output));
    }

    private static void ResetPeakMemory()
    {
        try
        {
            // "5" resets the peak resident set size (VmHWM) of this process (Linux 4.0+).
            File.WriteAllText("/proc/self/clear_refs", "5");
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
        }
    }

    private static double PeakMemoryMegabytes()
    {
        using var process = Process.GetCurrentProcess();
        process.Refresh();
        return process.PeakWorkingSet64 / 1048576.0;
    }

    private static string Configuration =>
#if DEBUG
        "Debug";
#else
        "Release";
#endif

    private sealed record Figures(
        int Count, long Read, long Quarantined, double DurableSeconds, double DurableRate, double IndexSeconds, double PairsSeconds, double FloorSeconds,
        long TextBytes, double PeakMegabytes, double LookupMilliseconds, double NaiveEfRate, int NaiveEfCount);

    /// <summary>Prints the import's progress every few seconds, so a long benchmark shows it is alive.</summary>
    private sealed class PeriodicReporter : IDisposable
    {
        private readonly Timer timer;
        private readonly Stopwatch clock = Stopwatch.StartNew();

        public PeriodicReporter(ImportProgress progress) =>
            timer = new Timer(_ => Console.WriteLine($"    … {progress.RecordsCommitted:N0} committed, {progress.RecordsCommitted / clock.Elapsed.TotalSeconds:N0}/s"), null, 5000, 5000);

        public void Dispose() => timer.Dispose();
    }
}

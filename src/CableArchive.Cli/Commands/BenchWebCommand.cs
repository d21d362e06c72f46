using System.Collections.Concurrent;
using System.CommandLine;
using System.Diagnostics;
using System.Net;
using CableArchive.Data;
using CableArchive.Data.Accounts;
using CableArchive.Data.Embedded;
using CableArchive.Data.Import;
using CableArchive.Domain.Classification;
using CableArchive.Parsing.Synthetic;
using CableArchive.Web.Accounts;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace CableArchive.Cli.Commands;

/// <summary>
/// <c>cablearchive bench web [--count N] [--analysts A] [--seconds S] [--think-ms T] [--data-dir DIR [--keep]]</c>: N generated cables (default
/// 250,000) imported and indexed in a fresh embedded database; the web application started in this process on a
/// loopback port; A simulated analysts (default 16) of mixed clearances, each signed in with a bearer token, open the
/// search page and cable pages for S seconds (searches: half one word, a quarter two words, a quarter a phrase; words
/// drawn half evenly over the archive's vocabulary and half in proportion to their frequency; phrases are words that stand
/// side by side in the text), twice: first as fast as answers come (saturation: every analyst always
/// waiting, so latency includes the queue of all 16), then as people do, with a pause of <c>--think-ms</c> (default
/// 1,000 ms) between pages. p50/p95/p99 of each page kind are reported against the targets (search p95 under 100 ms,
/// cable page p95 under 50 ms).
/// </summary>
internal static class BenchWebCommand
{
    private const double SearchTargetMs = 100;
    private const double CableTargetMs = 50;

    /// <summary>The clearances the simulated analysts cycle through.</summary>
    private static readonly (ClassificationLevel Level, string[] Grants)[] Clearances =
    [
        (ClassificationLevel.Unclassified, []),
        (ClassificationLevel.Confidential, []),
        (ClassificationLevel.Secret, []),
        (ClassificationLevel.Secret, ["NOFORN"]),
        (ClassificationLevel.Confidential, ["NOFORN"]),
        (ClassificationLevel.TopSecret, ["NOFORN", "ORCON", "EXDIS", "NODIS", "LIMDIS"]),
    ];

    /// <summary>Adds <c>web</c> to the <c>bench</c> command.</summary>
    public static Command AddTo(Command bench)
    {
        var count = new Option<int>("--count") { Description = "How many generated cables to import.", DefaultValueFactory = _ => 250_000 };
        var analysts = new Option<int>("--analysts") { Description = "Concurrent simulated analysts.", DefaultValueFactory = _ => 16 };
        var seconds = new Option<double>("--seconds") { Description = "How long to measure, after a warm-up of a quarter of it.", DefaultValueFactory = _ => 60 };
        var think = new Option<int>("--think-ms") { Description = "Pause of each analyst between pages in the second measurement.", DefaultValueFactory = _ => 1000 };
        var dataDirectory = new Option<string?>("--data-dir") { Description = "Where to put the generated corpus and the fresh cluster (deleted afterwards unless --keep)." };
        var keep = new Option<bool>("--keep") { Description = "Keep the cluster in --data-dir, and reuse it on the next run when it already holds the cables: the 250,000-cable setup takes minutes." };
        var command = new Command("web", "Measure the web application under load: search and cable pages, p50/p95/p99.") { count, analysts, seconds, think, dataDirectory, keep };
        command.SetAction((parseResult, cancellationToken) => RunAsync(
            Math.Max(1, parseResult.GetValue(count)), Math.Max(1, parseResult.GetValue(analysts)), Math.Max(1, parseResult.GetValue(seconds)),
            TimeSpan.FromMilliseconds(Math.Max(0, parseResult.GetValue(think))), parseResult.GetValue(dataDirectory), parseResult.GetValue(keep) && parseResult.GetValue(dataDirectory) is not null, cancellationToken));
        bench.Subcommands.Add(command);
        return bench;
    }

    private static async Task<int> RunAsync(int count, int analysts, double seconds, TimeSpan think, string? root, bool keep, CancellationToken cancellationToken)
    {
        root ??= Path.Combine(Environment.IsPrivilegedProcess ? "/var/tmp" : Path.GetTempPath(), $"cablearchive-bench-web-{Environment.ProcessId}");
        Console.WriteLine($"bench web: {count:N0} generated cables, {analysts} analysts, {seconds:N0} s measured, {Environment.ProcessorCount} cores, .NET {Environment.Version}");
#if DEBUG
        Console.WriteLine("warning: this is a Debug build; run with -c Release for representative numbers.");
#endif
        try
        {
            await using var server = await EmbeddedPostgres.StartAsync(
                Path.Combine(root, "db"), keep ? EmbeddedShutdown.StopWhenLastUser : EmbeddedShutdown.StopAndDelete, cancellationToken: cancellationToken);
            await using (var database = await ArchiveDatabase.OpenAsync(server.ConnectionString(), cancellationToken))
            {
                var held = await CountCablesAsync(database, cancellationToken);
                if (keep && held > 0)
                {
                    Console.WriteLine($"  reusing the {held:N0} cables already in {root}");
                }
                else
                {
                    var corpus = Path.Combine(root, "corpus");
                    var clock = Stopwatch.StartNew();
                    CableGenerator.WriteDistinctRawText(corpus, seed: 1, count);
                    Console.WriteLine($"  corpus generated in {clock.Elapsed.TotalSeconds:N0} s");
                    clock.Restart();
                    var summary = await new ArchiveImporter(database).ImportAsync([corpus], cancellationToken);
                    Console.WriteLine($"  imported {summary.NewCables:N0} cables ({summary.Quarantined:N0} quarantined) and indexed {summary.RowsIndexed:N0} portions in {clock.Elapsed.TotalSeconds:N0} s");
                    Directory.Delete(corpus, recursive: true);
                }

                await using (var analyze = database.DataSource.CreateCommand("ANALYZE"))
                    await analyze.ExecuteNonQueryAsync(cancellationToken);
            }

            return await MeasureAsync(server.ConnectionString(), analysts, seconds, think, cancellationToken);
        }
        catch (EmbeddedPostgresException e)
        {
            Console.Error.WriteLine($"error: {e.Message}");
            return 1;
        }
        finally
        {
            try
            {
                if (!keep)
                    Directory.Delete(root, recursive: true);
            }
            catch (IOException)
            {
            }
        }
    }

    private static async Task<long> CountCablesAsync(ArchiveDatabase database, CancellationToken cancellationToken)
    {
        await using var command = database.DataSource.CreateCommand("SELECT count(*) FROM cables");
        return (long)(await command.ExecuteScalarAsync(cancellationToken))!;
    }

    private static async Task<int> MeasureAsync(string connectionString, int analysts, double seconds, TimeSpan think, CancellationToken cancellationToken)
    {
        var app = CableArchive.Web.Program.Build([], builder =>
        {
            builder.WebHost.UseUrls("http://127.0.0.1:0");
            builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
            {
                ["ConnectionStrings:Archive"] = connectionString,
                ["Serilog:MinimumLevel:Default"] = "Warning",
                ["Serilog:MinimumLevel:Override:Microsoft.AspNetCore"] = "Warning",
                ["Logging:Folder"] = Path.Combine(Path.GetTempPath(), "cablearchive-bench-web-logs"),
            });
        }, contentRoot: AppContext.BaseDirectory);
        await app.StartAsync(cancellationToken);
        try
        {
            var address = app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.First();
            var web = app.Services.GetRequiredService<CableArchive.Web.Hosting.WebArchive>();
            var tokens = await CreateAnalystsAsync(web.Database, analysts);
            var sample = await SampleAsync(web.Database, cancellationToken);
            Console.WriteLine($"  web application on {address}; {sample.Count} search terms and phrases and {sample.Ids.Count} cable ids sampled");

            using var handler = new SocketsHttpHandler { MaxConnectionsPerServer = analysts * 2, PooledConnectionLifetime = TimeSpan.FromMinutes(10) };
            using var client = new HttpClient(handler) { BaseAddress = new Uri(address), Timeout = TimeSpan.FromSeconds(30) };
            var warmUp = TimeSpan.FromSeconds(Math.Max(2, seconds / 4));
            Console.WriteLine($"  warming up for {warmUp.TotalSeconds:N0} s…");
            await LoadAsync(client, tokens, sample, warmUp, TimeSpan.Zero, null, null, cancellationToken);

            var met = true;
            foreach (var (label, pause) in new[] { ("saturation, no pause between pages", TimeSpan.Zero), ($"analysts pausing {think.TotalMilliseconds:N0} ms between pages", think) })
            {
                var search = new ConcurrentBag<(string Kind, double Milliseconds)>();
                var cable = new ConcurrentBag<double>();
                var measured = Stopwatch.StartNew();
                var failures = await LoadAsync(client, tokens, sample, TimeSpan.FromSeconds(seconds), pause, search, cable, cancellationToken);
                var elapsed = measured.Elapsed.TotalSeconds;

                Console.WriteLine();
                Console.WriteLine($"figures ({analysts} analysts, {label}):");
                var searchP95 = Report("search page", search.Select(s => s.Milliseconds), elapsed);
                foreach (var kind in search.GroupBy(s => s.Kind).OrderBy(g => g.Key, StringComparer.Ordinal))
                    Report($"  {kind.Key,-9}", kind.Select(s => s.Milliseconds), elapsed);
                var cableP95 = Report("cable page ", cable, elapsed);
                if (failures > 0)
                    Console.WriteLine($"  {failures:N0} requests failed (not counted above)");
                Console.WriteLine($"  search p95 < {SearchTargetMs} ms: {(searchP95 < SearchTargetMs ? "met" : "NOT met")}; cable page p95 < {CableTargetMs} ms: {(cableP95 < CableTargetMs ? "met" : "NOT met")}");
                met &= failures == 0;
            }

            return met ? 0 : 1;
        }
        finally
        {
            await app.StopAsync(CancellationToken.None);
            await app.DisposeAsync();
        }
    }

    private static async Task<List<string>> CreateAnalystsAsync(ArchiveDatabase database, int analysts)
    {
        await using var services = AccountServices.Create(database.DataSource);
        var tokens = new List<string>();
        for (var i = 0; i < analysts; i++)
        {
            await using var scope = services.CreateAsyncScope();
            var administration = scope.ServiceProvider.GetRequiredService<UserAdministration>();
            var (level, grants) = Clearances[i % Clearances.Length];
            var created = await administration.CreateAsync(new NewUser($"bench-analyst-{Environment.ProcessId}-{i}", [ArchiveRoles.Analyst], level, grants, WithApiToken: true), "bench");
            tokens.Add(created.ApiToken!);
        }

        // Bench users go straight to reading: no one-time password to change first.
        await using var ready = database.DataSource.CreateCommand("UPDATE users SET must_change_password = false WHERE user_name LIKE 'bench-analyst-%'");
        await ready.ExecuteNonQueryAsync();
        return tokens;
    }

    /// <summary>What the simulated analysts search for and open, sampled from the archive itself.</summary>
    /// <param name="RareAndCommon">Words drawn evenly from the vocabulary: mostly rare names and terms, some common ones.</param>
    /// <param name="ByFrequency">Words drawn in proportion to the portions holding them: mostly common words.</param>
    /// <param name="Phrases">Two words that stand side by side in a portion, drawn in proportion to how often they do.</param>
    /// <param name="Ids">Reference ids of cables to open.</param>
    private sealed record Sample(List<string> RareAndCommon, List<string> ByFrequency, List<string> Phrases, List<string> Ids)
    {
        public int Count => RareAndCommon.Count + ByFrequency.Count + Phrases.Count;

        /// <summary>A word: half the time as an analyst names something specific, half the time a common word.</summary>
        public string Word(Random random)
        {
            var list = random.Next(2) == 0 || ByFrequency.Count == 0 ? RareAndCommon : ByFrequency;
            return list[random.Next(list.Count)];
        }
    }

    private static async Task<Sample> SampleAsync(ArchiveDatabase database, CancellationToken cancellationToken)
    {
        // One session with a fixed seed: the same archive gives the same searches, so that runs compare code, not samples.
        await using var connection = await database.DataSource.OpenConnectionAsync(cancellationToken);
        await using (var seed = new NpgsqlCommand("SELECT setseed(0.2010)", connection))
            await seed.ExecuteNonQueryAsync(cancellationToken);

        // Words (stems) from the text itself, from one version in 200. Evenly over the vocabulary favours the rare words
        // that make up most of it; in proportion to the portions holding them (a weighted draw: the smallest
        // -ln(random) / weight) favours the common ones, which are the expensive searches.
        var rareAndCommon = await ReadStringsAsync(connection,
            """
            SELECT word FROM ts_stat('SELECT search_vector FROM paragraphs WHERE version_id % 200 = 0')
            WHERE length(word) >= 4 AND word ~ '^[a-z]+$' ORDER BY random() LIMIT 300
            """, cancellationToken);
        var byFrequency = await ReadStringsAsync(connection,
            """
            SELECT word FROM ts_stat('SELECT search_vector FROM paragraphs WHERE version_id % 200 = 0')
            WHERE length(word) >= 4 AND word ~ '^[a-z]+$' ORDER BY -ln(1 - random()) / ndoc LIMIT 300
            """, cancellationToken);

        // Phrases analysts type are words that do stand together: one adjacent pair of lexemes from each of 300 random
        // portions, so that frequent pairs come up as often as they occur.
        var phrases = await ReadStringsAsync(connection,
            """
            WITH portions AS (
                SELECT row_number() OVER () AS portion, search_vector AS vector FROM (
                    SELECT search_vector FROM paragraphs WHERE version_id % 200 = 0 AND search_vector IS NOT NULL ORDER BY random() LIMIT 300) s),
            words AS (SELECT p.portion, w.lexeme, unnest(w.positions) AS place FROM portions p, unnest(p.vector) w WHERE w.lexeme ~ '^[a-z]{3,}$')
            SELECT DISTINCT ON (a.portion) a.lexeme || ' ' || b.lexeme
            FROM words a JOIN words b ON b.portion = a.portion AND b.place = a.place + 1
            ORDER BY a.portion, random()
            """, cancellationToken);
        var ids = await ReadStringsAsync(connection, "SELECT reference_id FROM cables ORDER BY random() LIMIT 3000", cancellationToken);
        return new Sample(rareAndCommon.Count == 0 ? ["embassy"] : rareAndCommon, byFrequency, phrases, ids);
    }

    private static async Task<List<string>> ReadStringsAsync(NpgsqlConnection connection, string sql, CancellationToken cancellationToken)
    {
        var values = new List<string>();
        await using var command = new NpgsqlCommand(sql, connection);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
            values.Add(reader.GetString(0));
        return values;
    }

    private static async Task<long> LoadAsync(
        HttpClient client, List<string> tokens, Sample sample, TimeSpan duration, TimeSpan pause,
        ConcurrentBag<(string Kind, double Milliseconds)>? search, ConcurrentBag<double>? cable, CancellationToken cancellationToken)
    {
        long failures = 0;
        var until = Stopwatch.StartNew();
        await Task.WhenAll(tokens.Select((token, analyst) => Task.Run(
            async () =>
            {
                var random = new Random(analyst);
                while (until.Elapsed < duration && !cancellationToken.IsCancellationRequested)
                {
                    // Half searches (some with a second word or a phrase), half cable pages.
                    var isSearch = random.Next(2) == 0;
                    var (path, kind) = isSearch ? SearchPath(random, sample) : ("/cables/" + sample.Ids[random.Next(sample.Ids.Count)], "cable");
                    using var request = new HttpRequestMessage(HttpMethod.Get, path);
                    request.Headers.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", token);
                    var clock = Stopwatch.StartNew();
                    try
                    {
                        using var response = await client.SendAsync(request, cancellationToken);
                        await response.Content.LoadIntoBufferAsync(cancellationToken);
                        var milliseconds = clock.Elapsed.TotalMilliseconds;
                        if (response.StatusCode != HttpStatusCode.OK)
                            Interlocked.Increment(ref failures);
                        else if (isSearch)
                            search?.Add((kind, milliseconds));
                        else
                            cable?.Add(milliseconds);
                    }
                    catch (Exception e) when (e is HttpRequestException or TaskCanceledException && !cancellationToken.IsCancellationRequested)
                    {
                        // A request that timed out (30 s) counts as failed; the analyst goes on.
                        Interlocked.Increment(ref failures);
                    }

                    // Analysts read what they open; a pause, spread a little so they do not move in step.
                    if (pause > TimeSpan.Zero)
                        await Task.Delay(pause * (0.5 + random.NextDouble()), cancellationToken);
                }
            },
            cancellationToken)));
        return failures;
    }

    private static (string Path, string Kind) SearchPath(Random random, Sample sample)
    {
        var (query, kind) = random.Next(4) switch
        {
            0 => ($"{sample.Word(random)} {sample.Word(random)}", "two words"),
            1 when sample.Phrases.Count > 0 => ($"\"{sample.Phrases[random.Next(sample.Phrases.Count)]}\"", "phrase"),
            _ => (sample.Word(random), "one word"),
        };
        return ("/search?q=" + Uri.EscapeDataString(query), kind);
    }

    private static double Report(string name, IEnumerable<double> samples, double seconds)
    {
        var sorted = samples.Order().ToArray();
        if (sorted.Length == 0)
        {
            Console.WriteLine($"  {name}: no successful request");
            return double.MaxValue;
        }

        double Percentile(double p) => sorted[Math.Min(sorted.Length - 1, (int)Math.Ceiling(p * sorted.Length) - 1)];
        Console.WriteLine($"  {name}: {sorted.Length:N0} requests ({sorted.Length / seconds:N1}/s), p50 {Percentile(0.50):N1} ms, p95 {Percentile(0.95):N1} ms, p99 {Percentile(0.99):N1} ms, max {sorted[^1]:N1} ms");
        return Percentile(0.95);
    }
}

using System.CommandLine;
using System.Diagnostics;
using System.Text;
using CableArchive.Domain.Cables;
using CableArchive.Parsing;
using CableArchive.Parsing.Synthetic;

namespace CableArchive.Cli.Commands;

/// <summary>
/// <c>cablearchive bench parse [--corpus DIR] [--count N] [--csv-gb G] [--seconds S]</c>: the parser's throughput on one thread
/// (cables/s, MB/s, bytes allocated per cable) over (a) the WikiLeaks pages held in memory, (b) N generated raw-text cables held in
/// memory, and (c) with <c>--csv-gb</c>, a generated cables.csv of G GB parsed streaming from a temporary file, with the working set
/// sampled to show that memory stays flat. Each in-memory corpus is also read by the container stage alone, to show where the
/// time goes. Build it in Release for numbers that mean anything; on a shared machine, compare runs, not single figures.
/// </summary>
internal static class BenchCommand
{
    private const double PagesTarget = 20_000; // cables/s on the WikiLeaks pages
    private const double RawTextTarget = 150; // MB/s on raw text

    public static Command Create()
    {
        var corpus = new Option<string?>("--corpus") { Description = "Folder of WikiLeaks cable pages (default: shared/corpus/wikileaks-2010-12 beside the repository)." };
        var count = new Option<int>("--count") { Description = "How many generated raw-text cables to hold in memory for (b).", DefaultValueFactory = _ => 20_000 };
        var csvGigabytes = new Option<double?>("--csv-gb") { Description = "Also write a generated cables.csv of this many GB to a temporary file and parse it streaming." };
        var seconds = new Option<double>("--seconds") { Description = "How long to measure each in-memory corpus, in seconds.", DefaultValueFactory = _ => 5 };
        var pin = new Option<bool>("--pin") { Description = "Pin the whole process (garbage collector included) to one CPU; best on an otherwise idle machine." };

        var parse = new Command("parse", "Measure the parser's single-thread throughput and allocations.") { corpus, count, csvGigabytes, seconds, pin };
        parse.SetAction(parseResult => Run(
            parseResult.GetValue(corpus),
            parseResult.GetValue(count),
            parseResult.GetValue(csvGigabytes),
            TimeSpan.FromSeconds(Math.Max(0.5, parseResult.GetValue(seconds))),
            parseResult.GetValue(pin)));
        return new Command("bench", "Measure the speed of parts of the archive.") { parse };
    }

    private static int Run(string? corpus, int count, double? csvGigabytes, TimeSpan duration, bool pin)
    {
        // The work runs on this one thread either way; pinning also keeps the garbage collector on the same CPU.
        var pinned = pin ? PinToOneCore() : null;
        Console.WriteLine($"bench parse: one thread{(pinned is null ? "" : $", pinned to CPU {pinned}")}, .NET {Environment.Version}, {BuildConfiguration()} build");
#if DEBUG
        Console.WriteLine("warning: this is a Debug build; run with -c Release for representative numbers.");
#endif

        // The streaming run goes first, so that the process's peak working set is not the in-memory corpora's.
        if (csvGigabytes is > 0)
            RunCsv(csvGigabytes.Value);

        var pages = RunPages(corpus ?? DefaultCorpus(), duration);
        var rawText = RunGenerated(count, duration);

        Console.WriteLine();
        Console.WriteLine("targets:");
        if (pages is not null)
            Console.WriteLine($"  WikiLeaks pages >= {PagesTarget:N0} cables/s: median round {pages.MedianCablesPerSecond:N0} cables/s, {(pages.MedianCablesPerSecond >= PagesTarget ? "met" : "NOT met")}");
        if (rawText is not null)
            Console.WriteLine($"  raw text >= {RawTextTarget:N0} MB/s: median round {rawText.MedianMegabytesPerSecond:N1} MB/s, {(rawText.MedianMegabytesPerSecond >= RawTextTarget ? "met" : "NOT met")}");
        return 0;
    }

    private static BenchResult? RunPages(string folder, TimeSpan duration)
    {
        Console.WriteLine();
        if (!Directory.Exists(folder))
        {
            Console.WriteLine($"(a) WikiLeaks pages: skipped, {folder} does not exist (use --corpus DIR).");
            return null;
        }

        // Everything is read into memory first: the benchmark measures the parser, not the disk.
        var inputs = Directory.EnumerateFiles(folder, "*.html", SearchOption.AllDirectories)
            .Order(StringComparer.Ordinal)
            .Select(path => new BenchInput(path, File.ReadAllBytes(path)))
            .ToList();
        if (inputs.Count == 0)
        {
            Console.WriteLine($"(a) WikiLeaks pages: skipped, no .html file under {folder}.");
            return null;
        }

        Console.WriteLine($"(a) WikiLeaks pages: {inputs.Count:N0} files, {inputs.Sum(i => (long)i.Content.Length) / 1048576.0:N1} MB, from {folder}");
        return MeasureBoth(inputs, duration);
    }

    private static BenchResult? RunGenerated(int count, TimeSpan duration)
    {
        Console.WriteLine();
        if (count <= 0)
        {
            Console.WriteLine("(b) generated raw text: skipped (--count 0).");
            return null;
        }

        var inputs = CableGenerator.Generate(seed: 1, count)
            .Select(cable => new BenchInput(cable.FileName(CableFormat.RawText), Encoding.UTF8.GetBytes(SyntheticRenderer.RawText(cable))))
            .ToList();
        Console.WriteLine($"(b) generated raw text: {inputs.Count:N0} cables, {inputs.Sum(i => (long)i.Content.Length) / 1048576.0:N1} MB (seed 1)");
        return MeasureBoth(inputs, duration);
    }

    private static BenchResult MeasureBoth(List<BenchInput> inputs, TimeSpan duration)
    {
        var parse = ParseBenchmark.Measure(inputs, duration, ParseBenchmark.Parse);
        Console.WriteLine($"    full parse:       {parse}");
        var read = ParseBenchmark.Measure(inputs, duration, ParseBenchmark.ReadOnly);
        Console.WriteLine($"    container only:   {read}");

        // Time per cable of each stage (median rounds): the container's share, and what the header, body and identity parsers add on top.
        var parseMicros = 1e6 / parse.MedianCablesPerSecond;
        var readMicros = 1e6 / read.MedianCablesPerSecond;
        Console.WriteLine($"    per cable: {parseMicros:N1} µs in all, {readMicros:N1} µs unwrapping the container ({readMicros / parseMicros:P0}), "
            + $"{parseMicros - readMicros:N1} µs in header, body and identity parsing; "
            + $"{read.AllocatedPerCable:N0} of {parse.AllocatedPerCable:N0} B allocated by the container stage");
        return parse;
    }

    private static void RunCsv(double gigabytes)
    {
        Console.WriteLine();
        var path = Path.Combine(Path.GetTempPath(), $"cablearchive-bench-{Environment.ProcessId}.csv");
        var target = (long)(gigabytes * 1_000_000_000);
        try
        {
            long rows = 0;
            var writing = Stopwatch.StartNew();
            using (var file = new FileStream(path, FileMode.Create, FileAccess.Write, FileShare.None, 1 << 20))
            using (var writer = new StreamWriter(file, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false), 1 << 16))
            {
                foreach (var cable in CableGenerator.Generate(seed: 1, int.MaxValue))
                {
                    writer.Write(SyntheticRenderer.CsvRow(cable));
                    if (++rows % 1000 != 0)
                        continue;
                    writer.Flush();
                    if (file.Position >= target)
                        break;
                }
            }

            var size = new FileInfo(path).Length;
            Console.WriteLine($"(c) generated cables.csv: {rows:N0} rows, {size / 1e9:N2} GB, written in {writing.Elapsed.TotalSeconds:N0} s to {path}");

            GC.Collect();
            GC.WaitForPendingFinalizers();
            GC.Collect();
            using var process = Process.GetCurrentProcess();
            process.Refresh();
            var before = process.WorkingSet64;
            long minimum = long.MaxValue;
            long maximum = 0;
            long cables = 0;
            var allocatedBefore = GC.GetAllocatedBytesForCurrentThread();
            var clock = Stopwatch.StartNew();
            using (var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 20, FileOptions.SequentialScan))
            {
                foreach (var cable in CableParser.ParseAll(stream, path))
                {
                    if (++cables % 5000 != 0)
                        continue;

                    // Sampled, not measured per cable: Process.Refresh is a system call.
                    process.Refresh();
                    minimum = Math.Min(minimum, process.WorkingSet64);
                    maximum = Math.Max(maximum, process.WorkingSet64);
                }
            }

            clock.Stop();
            var result = new BenchResult(cables, size, clock.Elapsed, GC.GetAllocatedBytesForCurrentThread() - allocatedBefore, 1, [cables / clock.Elapsed.TotalSeconds]);
            process.Refresh();
            Console.WriteLine($"    streaming parse:  {result}");
            Console.WriteLine($"    working set: {before / 1048576.0:N0} MB before parsing; {(minimum == long.MaxValue ? 0 : minimum) / 1048576.0:N0}–{maximum / 1048576.0:N0} MB "
                + $"while parsing (sampled every 5,000 cables); peak working set of the process so far {process.PeakWorkingSet64 / 1048576.0:N0} MB");
            if (cables != rows)
                Console.WriteLine($"    note: the file holds {rows:N0} rows but the parser returned {cables:N0} cables.");
        }
        finally
        {
            File.Delete(path);
        }
    }

    private static string DefaultCorpus()
    {
        // The shared material sits beside the repository root (the folder holding CableArchive.sln), or where CABLEARCHIVE_SHARED says.
        var shared = Environment.GetEnvironmentVariable("CABLEARCHIVE_SHARED");
        if (string.IsNullOrEmpty(shared))
        {
            var root = new DirectoryInfo(AppContext.BaseDirectory);
            while (root is not null && !File.Exists(Path.Combine(root.FullName, "CableArchive.sln")))
                root = root.Parent;
            shared = Path.Combine(root?.FullName ?? Directory.GetCurrentDirectory(), "..", "shared");
        }

        return Path.GetFullPath(Path.Combine(shared, "corpus", "wikileaks-2010-12"));
    }

    private static int? PinToOneCore()
    {
        // One core for the whole process, garbage collector included, so the figures are single-core figures.
        if (!OperatingSystem.IsLinux() && !OperatingSystem.IsWindows())
            return null;
        try
        {
            var cpu = Environment.ProcessorCount - 1;
            using var process = Process.GetCurrentProcess();
            process.ProcessorAffinity = (nint)(1L << cpu);
            return cpu;
        }
        catch (Exception e) when (e is PlatformNotSupportedException or InvalidOperationException or System.ComponentModel.Win32Exception)
        {
            return null;
        }
    }

    private static string BuildConfiguration() =>
#if DEBUG
        "Debug";
#else
        "Release";
#endif
}

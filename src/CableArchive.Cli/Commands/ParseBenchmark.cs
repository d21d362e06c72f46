using System.Diagnostics;
using CableArchive.Parsing;
using CableArchive.Parsing.Containers;

namespace CableArchive.Cli.Commands;

/// <summary>One input of an in-memory benchmark corpus: its path (the format hint) and its bytes.</summary>
internal sealed record BenchInput(string Path, byte[] Content);

/// <summary>What one benchmark run measured, on the calling thread only.</summary>
/// <param name="Cables">Cables produced.</param>
/// <param name="Bytes">Input bytes consumed.</param>
/// <param name="Elapsed">Wall-clock time of the measured passes.</param>
/// <param name="AllocatedBytes">Bytes the thread allocated during the measured passes (GC.GetAllocatedBytesForCurrentThread).</param>
/// <param name="Passes">How many times the corpus was processed.</param>
/// <param name="RoundRates">Cables per second of each round of whole passes (a quarter of a second or more each).</param>
internal sealed record BenchResult(long Cables, long Bytes, TimeSpan Elapsed, long AllocatedBytes, int Passes, IReadOnlyList<double> RoundRates)
{
    public double CablesPerSecond => Cables / Elapsed.TotalSeconds;

    public double MegabytesPerSecond => Bytes / 1048576.0 / Elapsed.TotalSeconds;

    public double AllocatedPerCable => Cables == 0 ? 0 : (double)AllocatedBytes / Cables;

    /// <summary>
    /// The median round's rate. On a shared machine another tenant can slow a few rounds by half; the median is not moved
    /// by them, the overall rate is.
    /// </summary>
    public double MedianCablesPerSecond => RoundRates.Count == 0 ? CablesPerSecond : RoundRates.Order().ElementAt(RoundRates.Count / 2);

    public double MedianMegabytesPerSecond => Cables == 0 ? 0 : MedianCablesPerSecond * Bytes / Cables / 1048576.0;

    public override string ToString() =>
        $"{CablesPerSecond,12:N0} cables/s {MegabytesPerSecond,9:N1} MB/s {AllocatedPerCable,12:N0} B allocated/cable   ({Cables:N0} cables in {Elapsed.TotalSeconds:N1} s, {Passes} passes)"
        + $"\n      median of {RoundRates.Count} rounds: {MedianCablesPerSecond,8:N0} cables/s {MedianMegabytesPerSecond,9:N1} MB/s (rounds from {RoundRates.Min():N0} to {RoundRates.Max():N0} cables/s)";
}

/// <summary>
/// Runs the parser over in-memory inputs on one thread: warm-up passes as long as the measurement (so that tiered JIT has compiled the hot paths), then
/// whole passes until the requested time is used up. Everything happens on the calling thread, so the allocation counter and the
/// clock describe the same work.
/// </summary>
internal static class ParseBenchmark
{
    private static readonly TimeSpan MinimumRound = TimeSpan.FromSeconds(0.25);

    /// <summary>The full parse: container, header, body, identity (<see cref="CableParser.ParseAll(byte[], string, CableArchive.Domain.Cables.CableHints?)"/>).</summary>
    public static long Parse(BenchInput input)
    {
        long cables = 0;
        foreach (var cable in CableParser.ParseAll(input.Content, input.Path))
        {
            if (cable.Text.Length >= 0)
                cables++;
        }

        return cables;
    }

    /// <summary>The container stage alone (<see cref="CableReader.Read(byte[], string)"/>), to split the time between unwrapping and parsing.</summary>
    public static long ReadOnly(BenchInput input)
    {
        long documents = 0;
        foreach (var document in CableReader.Read(input.Content, input.Path))
        {
            if (document.Text.Length >= 0)
                documents++;
        }

        return documents;
    }

    public static BenchResult Measure(IReadOnlyList<BenchInput> inputs, TimeSpan duration, Func<BenchInput, long> work)
    {
        // Warm-up: passes for as long as the measurement itself, at least a second, so that the measured passes run optimised
        // code. One second was too short for the full parse: its many methods reach tier 1 (after a PGO-instrumented tier) on
        // a background thread, which on a busy two-core machine lags, and the measured passes then ran partly unoptimised code.
        var warmUpTime = duration > TimeSpan.FromSeconds(1) ? duration : TimeSpan.FromSeconds(1);
        var warmUp = Stopwatch.StartNew();
        do
        {
            foreach (var input in inputs)
                work(input);
        }
        while (warmUp.Elapsed < warmUpTime);

        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect();

        long cables = 0;
        long bytes = 0;
        var passes = 0;
        var roundRates = new List<double>();
        long roundCables = 0;
        var roundStart = TimeSpan.Zero;
        var allocatedBefore = GC.GetAllocatedBytesForCurrentThread();
        var clock = Stopwatch.StartNew();
        TimeSpan now;
        do
        {
            foreach (var input in inputs)
            {
                var produced = work(input);
                cables += produced;
                roundCables += produced;
                bytes += input.Content.Length;
            }

            passes++;

            // One reading of the clock decides both, so that the last pass always closes a round.
            now = clock.Elapsed;
            if (now - roundStart >= MinimumRound || now >= duration)
            {
                roundRates.Add(roundCables / (now - roundStart).TotalSeconds);
                (roundCables, roundStart) = (0, now);
            }
        }
        while (now < duration);

        clock.Stop();
        return new BenchResult(cables, bytes, clock.Elapsed, GC.GetAllocatedBytesForCurrentThread() - allocatedBefore, passes, roundRates);
    }
}

using System.Text.Json;
using CableArchive.Tests.Data.Infrastructure;

namespace CableArchive.Tests.Data;

/// <summary>
/// The benchmark commands run end to end on tiny inputs, as processes, so that a change that breaks one (a column a
/// benchmark's own SQL still names, say) is found here rather than by the next person who measures. Their figures are
/// only printed, never asserted: performance is reported by the commands, not tested.
/// </summary>
public sealed class BenchCommandTests
{
    [Fact]
    public async Task Bench_import_imports_a_small_generated_corpus_and_prints_its_figures_as_json()
    {
        using var folder = new TempFolder();

        var (exitCode, output, error) = await CliProcess.RunAsync("bench", "import", "--count", "300", "--ef-count", "20", "--json", "--data-dir", folder.Path);

        Assert.True(exitCode == 0, error + output);
        using var json = JsonDocument.Parse(output.Split('\n').Last(line => line.StartsWith('{')));
        Assert.True(json.RootElement.GetProperty("durableCablesPerSecond").GetDouble() > 0, output);
    }

    [Fact]
    public async Task Bench_web_serves_a_small_archive_to_simulated_analysts_and_reports_percentiles()
    {
        using var folder = new TempFolder();

        var (exitCode, output, error) = await CliProcess.RunAsync(
            "bench", "web", "--count", "300", "--analysts", "2", "--seconds", "2", "--think-ms", "50", "--data-dir", folder.Path);

        Assert.True(exitCode == 0, error + output);
        Assert.Contains("p95", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Bench_parse_measures_the_generated_corpus()
    {
        var (exitCode, output, error) = await CliProcess.RunAsync("bench", "parse", "--count", "50", "--seconds", "0.2");

        Assert.True(exitCode == 0, error + output);
        Assert.Contains("(b) generated raw text", output, StringComparison.Ordinal);
        Assert.Matches(@"full parse: .*\n\s+median of [1-9]\d* rounds: +[\d,]+ cables/s", output);
        Assert.Matches(@"raw text >= 150 MB/s: median round [\d.,]+ MB/s", output);
    }
}

using System.Text;
using CableArchive.Domain.Cables;
using CableArchive.Parsing.Synthetic;
using CableArchive.Tests;

namespace CableArchive.Parsing.Tests.Robustness;

/// <summary>
/// Property tests: the parser never throws and never hangs, whatever the bytes. Inputs are real pages and generated cables,
/// damaged in the ways real data is (truncated, doubled lines, glued lines, flipped bytes, binary noise), random bytes, and inputs
/// built to provoke super-linear scanning: a 5 MB line, 100,000 short lines, prefixes repeated 200,000 times. Each input must give
/// back at least one <see cref="Cable"/> whose spans lie inside its text; the hang guard is generous (it catches catastrophic
/// backtracking, not slowness).
/// </summary>
public sealed class NeverThrowsTests(ITestOutputHelper output)
{
    private static readonly TimeSpan SmallInputLimit = TimeSpan.FromSeconds(20);
    private static readonly TimeSpan LargeInputLimit = TimeSpan.FromSeconds(30);
    private const int FiveMegabytes = 5 * 1024 * 1024;
    private const int Repetitions = 200_000;

    [Fact]
    public void DamagedWikiLeaksPagesNeverThrow()
    {
        var folder = SharedCorpus.RequireDirectory("corpus/wikileaks-2010-12");
        var inputs = new List<RobustnessInput>();
        foreach (var path in Directory.EnumerateFiles(folder, "*.html", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
        {
            var name = Path.GetFileName(path);
            var bytes = File.ReadAllBytes(path);
            inputs.Add(new RobustnessInput(name, bytes, name));
            inputs.Add(new RobustnessInput(name + " named as a cables.csv", bytes, "cables.csv"));
            inputs.AddRange(Damaged(name, bytes, name, seed: name.GetHashCode(StringComparison.Ordinal) & 0xFFFF));
        }

        var seed = SharedCorpus.RequireFile("corpus/seed/08TOKYO2577.md");
        inputs.AddRange(Damaged("08TOKYO2577.md", File.ReadAllBytes(seed), "08TOKYO2577.md", seed: 2577));
        Run(inputs, SmallInputLimit);
    }

    [Fact]
    public void DamagedGeneratedCablesNeverThrow()
    {
        var inputs = new List<RobustnessInput>();
        foreach (var cable in CableGenerator.Generate(seed: 9_000, count: 60))
        {
            foreach (var format in new[] { CableFormat.RawText, CableFormat.WikiLeaksHtml, CableFormat.Markdown, CableFormat.CablesCsv })
            {
                var name = $"seed {cable.Seed} as {format}";
                var bytes = Encoding.UTF8.GetBytes(cable.Render(format));
                inputs.Add(new RobustnessInput(name, bytes, cable.FileName(format)));
                inputs.AddRange(Damaged(name, bytes, cable.FileName(format), cable.Seed));
            }
        }

        // A cables.csv of many rows, damaged: truncation inside a quoted field, a lost quote, glued rows.
        using var writer = new StringWriter();
        SyntheticRenderer.WriteCsv(writer, CableGenerator.Generate(seed: 9_100, count: 40));
        inputs.AddRange(Damaged("40-row cables.csv", Encoding.UTF8.GetBytes(writer.ToString()), "cables.csv", seed: 9_100));
        Run(inputs, SmallInputLimit);
    }

    [Fact]
    public void RandomBytesNeverThrowAndAreReportedAsNotCables()
    {
        var random = new Random(1234);
        var paths = new[] { "-", "noise.txt", "noise.html", "noise.md", "cables.csv", "noise" };
        const string syntax = "\"\\,\n\r\t<>&#;()[]{}¶/-.:'0123456789 ABCEFINOSTUXZaex";
        var inputs = new List<RobustnessInput>();
        for (var i = 0; i < 300; i++)
        {
            var length = random.Next(1, 50_000);
            var path = paths[i % paths.Length];
            var bytes = (i % 3) switch
            {
                0 => Mutations.Noise(random, length),
                1 => Encoding.UTF8.GetBytes(new string([.. Enumerable.Range(0, length).Select(_ => syntax[random.Next(syntax.Length)])])),
                _ => [.. Enumerable.Range(0, length).Select(_ => (byte)random.Next(32, 127))],
            };
            if (bytes.All(b => b is (byte)' ' or (byte)'\n' or (byte)'\r' or (byte)'\t'))
                continue;
            inputs.Add(new RobustnessInput($"random input {i} ({(i % 3) switch { 0 => "bytes", 1 => "syntax characters", _ => "printable ASCII" }})", bytes, path));
        }

        Run(inputs, SmallInputLimit, mustReportDiagnostics: true);
    }

    [Fact]
    public void AFiveMegabyteLineNeverThrowsNorHangs()
    {
        const string banner = "S E C R E T TOKYO 000001\n\n";
        var inputs = new List<RobustnessInput>();
        void Add(string description, string text)
        {
            foreach (var (format, content, path) in InAllContainers(text))
                inputs.Add(new RobustnessInput($"{description} in {format}", content, path, description));
        }

        Add("a 5 MB paragraph line", banner + "1. (S) " + Repeat("THE MINISTER SAID ", FiveMegabytes));
        Add("a 5 MB redaction", banner + "1. (S) " + new string('X', FiveMegabytes));
        Add("a 5 MB line of parentheses", banner + new string('(', FiveMegabytes));
        Add("a 5 MB TAGS line", banner + "TAGS: " + Repeat("PGOV ", FiveMegabytes));
        Add("a 5 MB SUBJECT line", banner + "SUBJECT: " + Repeat("A ", FiveMegabytes));
        Add("a 5 MB REF line", banner + "REF: " + Repeat("A. TOKYO 123 ", FiveMegabytes));
        Add("a 5 MB Classified By line", banner + "Classified By: " + Repeat("AMBASSADOR ", FiveMegabytes));
        Add("a 5 MB TO line", "O 180817Z SEP 08\nFM AMEMBASSY TOKYO\nTO " + Repeat("RUEHC/SECSTATE WASHDC IMMEDIATE 1234 ", FiveMegabytes) + "\n\n" + banner);
        Add("a 5 MB line without a blank", banner + Repeat("ABCDEFGHIJ", FiveMegabytes));

        // A cables.csv field of 5 MB of escaped quotes, and a page whose <pre> holds 5 MB of anchors.
        inputs.Add(new RobustnessInput("a 5 MB field of escaped quotes", Encoding.UTF8.GetBytes(CsvRow(Repeat("\\\"", FiveMegabytes))), "cables.csv"));
        inputs.Add(new RobustnessInput("a 5 MB line of anchors", Encoding.UTF8.GetBytes(Page(banner + Repeat("<a id='par1' href='#par1'>¶</a>1. ", FiveMegabytes))), "page.html"));
        Run(inputs, LargeInputLimit);
    }

    [Fact]
    public void AHundredThousandShortLinesNeverThrow()
    {
        const string banner = "S E C R E T TOKYO 000001\n\n";
        var inputs = new List<RobustnessInput>();
        void Add(string description, string text)
        {
            foreach (var (format, content, path) in InAllContainers(text))
                inputs.Add(new RobustnessInput($"{description} in {format}", content, path, description));
        }

        Add("100,000 one-letter lines", banner + Repeat("A\n", 200_000));
        Add("100,000 paragraph numbers", banner + Repeat("1.\n", 300_000));
        Add("100,000 numbered paragraphs", banner + string.Concat(Enumerable.Range(1, 100_000).Select(n => $"{n}. (S) A\n")));
        Add("100,000 pilcrows", banner + Repeat("¶\n", 200_000));
        Add("100,000 SIPDIS captions", banner + Repeat("SIPDIS\n", 700_000));
        Add("100,000 page breaks", banner + Repeat("TOKYO 00000001  002 OF 003\n", 2_700_000));
        Add("100,000 redactions", banner + Repeat("XXXXXXXXXXXX\n", 1_300_000));
        Add("100,000 signers", banner + "1. (S) A.\n" + Repeat("SCHIEFFER\n", 1_000_000));
        Add("100,000 INFO addressees", "O 180817Z SEP 08\nFM AMEMBASSY TOKYO\nTO RUEHC/SECSTATE WASHDC IMMEDIATE 1234\nINFO "
            + Repeat("RUEHFK/AMCONSUL FUKUOKA PRIORITY 9920\n", 3_800_000) + "\n" + banner);
        Add("100,000 blank-separated lines", banner + Repeat("A\n\n", 300_000));

        // 20,000 tiny cables.csv rows: one cable each.
        var rows = string.Concat(Enumerable.Range(1, 20_000).Select(n => $"\"{n}\",\"1/1/2009 0:00\",\"09TOKYO{n}\",\"Embassy Tokyo\",\"SECRET\",\"\",\"\",\"S E C R E T TOKYO {n:D6}\"\n"));
        inputs.Add(new RobustnessInput("20,000 tiny cables.csv rows", Encoding.UTF8.GetBytes(rows), "cables.csv"));
        Run(inputs, LargeInputLimit);
    }

    [Fact]
    public void DeeplyRepeatedPrefixesNeverThrowNorHang()
    {
        var inputs = new List<RobustnessInput>();
        var prefixes = new[]
        {
            "(", "¶", "SUBJECT: ", "1. (S) ", "(S//NF) ", "REF: A. ", "TAGS: ", "E.O. 12958: DECL: ", "Classified By: ", "S E C R E T ",
            "SECTION 01 OF ", "VZCZC", "SUMMARY: ", "END SUMMARY ", "COMMENT: ", "QUOTE ", "TO ", "INFO ", "FM ", "DE RUEHKO #", "O 180817Z SEP 08 ",
            "RUEHC/", "XMT ", "PAGE 02 ", "A. ", "-- ", "1.4 (", "(b) and (", "[¶1.](#)", "<a id='par1' href='#par1'>", "&#x000A;", "<code><pre>",
        };
        foreach (var prefix in prefixes)
        {
            var text = string.Concat(Enumerable.Repeat(prefix, Repetitions)) + "S) THE END";
            foreach (var (format, content, path) in InAllContainers(text))
                inputs.Add(new RobustnessInput($"\"{prefix}\" repeated {Repetitions:N0} times in {format}", content, path, prefix));
        }

        // cables.csv syntax repeated: quotes, backslashes, empty fields.
        foreach (var prefix in new[] { "\"", "\\", "\"1\",", "\"\",", "\\\"" })
            inputs.Add(new RobustnessInput($"\"{prefix}\" repeated {Repetitions:N0} times as a cables.csv", Encoding.UTF8.GetBytes(Repeat(prefix, prefix.Length * Repetitions)), "cables.csv"));
        Run(inputs, LargeInputLimit);
    }

    private void Run(List<RobustnessInput> inputs, TimeSpan limit, bool mustReportDiagnostics = false)
    {
        // A hung parse keeps its worker thread busy until the test run ends. The same text in another container is not tried
        // again, and after a few hangs the machine is too loaded for the remaining guards to mean much.
        const int MaxHangs = 6;
        var failures = new List<RobustnessFailure>();
        var hungFamilies = new HashSet<string>(StringComparer.Ordinal);
        var (run, skipped) = (0, 0);
        foreach (var input in inputs)
        {
            if (hungFamilies.Count >= MaxHangs || (input.Family is { } family && hungFamilies.Contains(family)))
            {
                skipped++;
                continue;
            }

            run++;
            if (ParseGuard.Check(input, limit, mustReportDiagnostics) is not { } failure)
                continue;
            failures.Add(failure);
            output.WriteLine(failure.ToString());
            if (failure.Problem.StartsWith("still running", StringComparison.Ordinal))
                hungFamilies.Add(input.Family ?? input.Description);
        }

        output.WriteLine($"{run:N0} of {inputs.Count:N0} inputs run, {failures.Count:N0} failures, {skipped:N0} skipped after a hang.");
        if (failures.Count > 0)
        {
            Assert.Fail($"{failures.Count:N0} of {run:N0} inputs broke the parser"
                + (skipped > 0 ? $" ({skipped:N0} more skipped after {hungFamilies.Count} hangs)" : "") + ":\n  "
                + string.Join("\n  ", failures.Take(30)) + (failures.Count > 30 ? $"\n  … and {failures.Count - 30:N0} more (see the test output)." : ""));
        }
    }

    private static IEnumerable<RobustnessInput> Damaged(string name, byte[] bytes, string path, int seed)
    {
        var random = new Random(seed);
        foreach (var (mutation, apply) in Mutations.All)
            yield return new RobustnessInput($"{name}, {mutation} (seed {seed})", apply(bytes, random), path);

        // Two more truncations: the one that lands inside a field is the interesting one.
        yield return new RobustnessInput($"{name}, truncated again (seed {seed})", Mutations.Truncate(bytes, random), path);
        yield return new RobustnessInput($"{name}, truncated a third time (seed {seed})", Mutations.Truncate(bytes, random), path);
    }

    /// <summary>The text as raw text, inside a WikiLeaks page's &lt;pre&gt;, as Markdown, and as the body of a cables.csv row.</summary>
    private static IEnumerable<(string Format, byte[] Content, string Path)> InAllContainers(string text)
    {
        yield return ("raw text", Encoding.UTF8.GetBytes(text), "cable.txt");
        yield return ("a WikiLeaks page", Encoding.UTF8.GetBytes(Page(text)), "cable.html");
        yield return ("Markdown", Encoding.UTF8.GetBytes("\n\n" + text), "cable.md");
        yield return ("a cables.csv row", Encoding.UTF8.GetBytes(CsvRow(text)), "cables.csv");
    }

    private static string Page(string body) =>
        "<?xml version='1.0' encoding='utf-8' ?>\n<html>\n<body>\n<h3>Viewing cable 09TOKYO1, TEST</h3>\n<table class='cable'>\n<tr>\n<td>\n"
        + "<a href='/cable/2009/01/09TOKYO1.html'>09TOKYO1</a>\n</td>\n</tr>\n</table>\n<code><pre>"
        + body.Replace("\n", "&#x000A;", StringComparison.Ordinal) + "</pre></code>\n</body>\n</html>\n";

    private static string CsvRow(string body)
    {
        var escaped = new StringBuilder(body.Length + 16);
        foreach (var c in body)
        {
            if (c is '"' or '\'' or '\\')
                escaped.Append('\\');
            escaped.Append(c);
        }

        return $"\"1\",\"1/1/2009 0:00\",\"09TOKYO1\",\"Embassy Tokyo\",\"SECRET\",\"\",\"\",\"{escaped}\"\n";
    }

    private static string Repeat(string piece, int length)
    {
        var builder = new StringBuilder(length + piece.Length);
        while (builder.Length < length)
            builder.Append(piece);
        return builder.ToString();
    }
}

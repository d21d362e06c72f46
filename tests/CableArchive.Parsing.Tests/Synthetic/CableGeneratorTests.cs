using System.Globalization;
using System.Text.RegularExpressions;
using CableArchive.Domain.Cables;
using CableArchive.Domain.Classification;
using CableArchive.Parsing.Synthetic;

namespace CableArchive.Parsing.Tests.Synthetic;

/// <summary>
/// The generator on its own, without the parser: determinism, realistic sizes and dates, internal consistency of what it writes
/// with what its model says, and renderings that decode back to the raw text.
/// </summary>
public sealed partial class CableGeneratorTests
{
    private static readonly IReadOnlyList<SyntheticCable> Sample = [.. CableGenerator.Generate(seed: 1, count: 400)];

    public static TheoryData<CableFormat> Formats => [CableFormat.RawText, CableFormat.WikiLeaksHtml, CableFormat.Markdown, CableFormat.CablesCsv];

    [Fact]
    public void TheSameSeedGivesTheSameCable()
    {
        foreach (var seed in new[] { 0, 1, 42, 123_456, int.MaxValue })
        {
            var first = CableGenerator.Create(seed, new SyntheticOptions { Canary = true });
            var second = CableGenerator.Create(seed, new SyntheticOptions { Canary = true });
            foreach (var format in Formats)
                Assert.Equal(first.Render(format), second.Render(format));
            Assert.Equal(first.Canaries, second.Canaries);
        }
    }

    [Fact]
    public void DistinctSeedsKeepTheFirstCableOfEachIdInStreamOrder()
    {
        const int count = 5_000;
        var seeds = CableGenerator.DistinctSeeds(seed: 1, count);

        // The same choice made one cable at a time along the stream.
        var expected = new List<int>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (var seed = 1; expected.Count < count; seed++)
        {
            if (seen.Add(CableGenerator.Create(seed).Id))
                expected.Add(seed);
        }

        Assert.Equal(expected, seeds);
        Assert.Equal(count, seeds.Select(s => CableGenerator.Create(s).Id).Distinct(StringComparer.Ordinal).Count());
        // The stream repeats ids within its first cables, so some seeds were skipped: the test is not vacuous.
        Assert.True(seeds[^1] > count, $"no id repeated in the first {count} cables");
    }

    [Fact]
    public void DifferentSeedsGiveDifferentCables()
    {
        var texts = Sample.Select(c => c.BodyText).ToHashSet();
        Assert.Equal(Sample.Count, texts.Count);
    }

    [Fact]
    public void AStreamIsTheCablesOfConsecutiveSeedsNumberedFromOne()
    {
        var stream = CableGenerator.Generate(seed: 10, count: 5).ToList();
        Assert.Equal([10, 11, 12, 13, 14], stream.Select(c => c.Seed));
        Assert.Equal([1L, 2, 3, 4, 5], stream.Select(c => c.RecordNumber));
        for (var i = 0; i < stream.Count; i++)
            Assert.Equal(CableGenerator.Create(10 + i).BodyText, stream[i].BodyText);
    }

    [Fact]
    public void AStreamIsGeneratedLazily()
    {
        // With int.MaxValue cables, only a lazy stream can hand out the first three.
        Assert.Equal(3, CableGenerator.Generate(seed: 7, count: int.MaxValue).Take(3).Count());
    }

    [Fact]
    public void SizesAndDatesAreThoseOfRealCables()
    {
        // Real cables average 6–10 KB; the corpus runs from December 1966 to February 2010, mostly 2004 on (§0, §12).
        var average = Sample.Average(c => SyntheticRenderer.RawText(c).Length);
        Assert.InRange(average, 6_000, 10_000);
        Assert.All(Sample, c => Assert.InRange(c.DateTime, new DateTime(1966, 12, 1), new DateTime(2010, 2, 27)));
        Assert.InRange(Sample.Count(c => c.DateTime.Year >= 2004) / (double)Sample.Count, 0.75, 0.95);
        Assert.Contains(Sample, c => c.DateTime.Year < 1990);
        Assert.All(Sample, c => Assert.Equal(DateTimeKind.Utc, c.DateTime.Kind));

        // §8.6: ALL CAPS before 2004.
        Assert.All(Sample.Where(c => c.DateTime.Year < 2004), c =>
            Assert.All(c.Portions.Where(p => p.Number is not null), p => Assert.Equal(p.Text.ToUpperInvariant(), p.Text)));
    }

    [Fact]
    public void EveryKindOfPostClassificationAndHeaderOccurs()
    {
        Assert.Contains(Sample, c => c.Post.Kind == PostKind.State);
        Assert.Contains(Sample, c => c.Post.Kind == PostKind.Consulate);
        Assert.Contains(Sample, c => c.Post.Kind == PostKind.Mission);
        Assert.Contains(Sample, c => !c.HasHeader);
        Assert.Contains(Sample, c => c.HeaderText.StartsWith("VZCZC", StringComparison.Ordinal));
        Assert.Contains(Sample, c => c.HasHeader && !c.HeaderText.StartsWith("VZCZC", StringComparison.Ordinal));
        foreach (var label in new[] { "UNCLASSIFIED", "UNCLASSIFIED//FOR OFFICIAL USE ONLY", "CONFIDENTIAL", "CONFIDENTIAL//NOFORN", "SECRET", "SECRET//NOFORN" })
            Assert.Contains(Sample, c => c.ClassificationText == label);
        Assert.Contains(Sample, c => c.SectionCount > 1);
        Assert.Contains(Sample, c => c.RedactionCount > 0);
        Assert.Contains(Sample, c => c.References.Any(r => r.CableId is null));
        Assert.Contains(Sample, c => c.Portions.Any(p => p.Level == 1));
        Assert.Contains(Sample, c => c.Summary is not null);
        Assert.Contains(Sample, c => c.Comments.Count > 0);
        Assert.Contains(Sample, c => c.Subject?.Mark is not null);
        Assert.Contains(Sample, c => c.Tags.Contains("OVIP"));
    }

    [Fact]
    public void TheIdIsBuiltFromTheBannerAndTheDateTimeGroup()
    {
        foreach (var cable in Sample)
        {
            // §3.1 banner: <level> [SECTION nn OF nn] <origin words> <serial>; §6.3 id: YY + words without blanks + serial.
            var banner = Banner().Match(cable.BodyText);
            Assert.True(banner.Success, $"seed {cable.Seed}: no banner line");
            var words = banner.Groups["words"].Value;
            var serial = int.Parse(banner.Groups["serial"].Value, CultureInfo.InvariantCulture);
            Assert.Equal(cable.Post.BannerWords, words);
            Assert.Equal($"{cable.DateTime.Year % 100:D2}{words.Replace(" ", "", StringComparison.Ordinal)}{serial}", cable.Id);
            Assert.Equal(cable.SectionCount > 1, banner.Groups["sections"].Success);

            if (cable.HasHeader)
            {
                // §2.6: the DTG gives day, hour, minute, month and two-digit year.
                var dtg = cable.DateTime.ToString("ddHHmm'Z' MMM yy", CultureInfo.InvariantCulture).ToUpperInvariant();
                Assert.Contains(dtg, cable.HeaderText, StringComparison.Ordinal);
                Assert.Contains("FM " + cable.Post.Address, cable.HeaderText, StringComparison.Ordinal);
            }
        }
    }

    [Fact]
    public void EveryPortionStandsInTheBodyAndEveryNumberedLineIsAPortionOrAReference()
    {
        foreach (var cable in Sample)
        {
            var withoutBreaks = string.Join('\n', cable.BodyText.Split('\n').Where(l => !PageBreak().IsMatch(l)));
            var flat = Normalize(withoutBreaks);
            Assert.Contains(Normalize(cable.Subject!.Text), flat, StringComparison.Ordinal);
            foreach (var portion in cable.Portions)
                Assert.Contains(Normalize(portion.Text), flat, StringComparison.Ordinal);

            // The pages anchor every "N." and "A." line (§1.1): such a line must open a paragraph, a sub-paragraph or a REF item,
            // never be a wrapped line that happens to start with "2008." or an initial.
            // Unmarked lettered items are not portions: they stand inside the text of the portion before them.
            var items = cable.Portions.SelectMany(p => LetteredItem().Matches(p.Text)).Select(m => m.Groups[1].Value).ToList();
            var allowed = cable.Portions.Where(p => p.Number is not null).Select(p => p.Number!)
                .Concat(cable.References.Where(r => r.Label is not null).Select(r => r.Label!))
                .Concat(items)
                .ToHashSet();
            var anchored = cable.BodyText.Split('\n').Select(l => AnchoredLine().Match(l)).Where(m => m.Success).ToList();
            Assert.All(anchored, m => Assert.Contains(m.Groups["number"].Value, allowed));
            Assert.True(anchored.Count <= cable.Portions.Count(p => p.Number is not null) + cable.References.Count + items.Count,
                $"seed {cable.Seed}: {anchored.Count} numbered lines");
        }
    }

    [Fact]
    public void NoPortionIsMarkedAboveTheBannerAndCaveatsFollowTheCaptions()
    {
        foreach (var cable in Sample)
        {
            foreach (var portion in cable.Portions.Append(cable.Subject!).Where(p => p.Mark is not null))
            {
                Assert.True(portion.Mark!.Level <= cable.Classification.Level, $"seed {cable.Seed}: {portion.MarkRaw} above {cable.Classification}");
                Assert.True(!portion.Mark.IsNoForn || cable.Classification.IsNoForn, $"seed {cable.Seed}: {portion.MarkRaw} in a cable without NOFORN");
                Assert.NotNull(portion.MarkRaw);
            }

            Assert.Equal(cable.Captions.Contains("NOFORN"), cable.Classification.IsNoForn);
            if (cable.Captions.Contains("SENSITIVE"))
                Assert.Equal(ClassificationLevel.Sbu, cable.Classification.Level);
        }
    }

    [Fact]
    public void PageBreaksNumberThePagesTheBannerAnnounces()
    {
        Assert.Contains(Sample, c => c.BodyText.Split('\n').Any(l => PageBreak().IsMatch(l)));
        foreach (var cable in Sample)
        {
            var breaks = cable.BodyText.Split('\n').Select(l => PageBreak().Match(l)).Where(m => m.Success).ToList();
            if (breaks.Count == 0)
                continue;

            // §3.3: "<ORIGIN WORDS> <8-digit serial>  <page> OF <pages>", the serial being the cable's own.
            var serial = cable.Id[(2 + cable.Post.Station.Length)..];
            Assert.All(breaks, m => Assert.Equal(serial.PadLeft(8, '0'), m.Groups["serial"].Value));
            Assert.All(breaks, m => Assert.Equal(cable.SectionCount, int.Parse(m.Groups["pages"].Value, CultureInfo.InvariantCulture)));
            var pages = breaks.Select(m => m.Groups["page"].Value).Where(p => !p.Contains('.', StringComparison.Ordinal)).ToList();
            Assert.Equal(Enumerable.Range(2, cable.SectionCount - 1).Select(p => p.ToString("D3", CultureInfo.InvariantCulture)), pages);
        }
    }

    [Fact]
    public void TheRedactionCountIsTheNumberOfRedactionsInTheText()
    {
        foreach (var cable in Sample)
            Assert.Equal(cable.RedactionCount, Redaction().Count(cable.BodyText));
    }

    [Fact]
    public void InCanaryModeEveryPortionHoldsItsOwnTokenExactlyOnce()
    {
        foreach (var seed in Enumerable.Range(1, 200))
        {
            var cable = CableGenerator.Create(seed, new SyntheticOptions { Canary = true });
            var raw = SyntheticRenderer.RawText(cable);
            var portions = cable.Portions.Append(cable.Subject!).ToList();
            Assert.All(portions, p => Assert.Matches("^CANARY[A-WYZ]{12}$", p.Canary!));
            Assert.Equal(portions.Count, portions.Select(p => p.Canary).Distinct().Count());
            Assert.All(portions, p => Assert.Contains(p.Canary!, p.Text, StringComparison.Ordinal));
            Assert.All(portions, p => Assert.Single(Regex.Matches(raw, p.Canary!)));
            Assert.Equal(portions.Count, Regex.Matches(raw, "CANARY[A-Z]{12}").Count);
            Assert.Equal(cable.RedactionCount, Redaction().Count(cable.BodyText));
        }

        Assert.DoesNotContain("CANARY", SyntheticRenderer.RawText(CableGenerator.Create(1)), StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(Formats))]
    public void EveryRenderingDecodesBackToTheRawHeaderAndBody(CableFormat format)
    {
        foreach (var cable in Sample.Take(150))
        {
            var rendered = cable.Render(format);
            var (header, body) = format switch
            {
                CableFormat.WikiLeaksHtml => RenderingDecoder.FromPage(rendered),
                CableFormat.Markdown => RenderingDecoder.FromMarkdown(rendered, cable.HasHeader),
                CableFormat.CablesCsv => (RenderingDecoder.CsvRows(rendered)[0][6], RenderingDecoder.CsvRows(rendered)[0][7]),
                _ => cable.HasHeader
                    ? (rendered[..rendered.IndexOf("\n\n", StringComparison.Ordinal)], rendered[(rendered.IndexOf("\n\n", StringComparison.Ordinal) + 2)..].TrimEnd('\n'))
                    : ("", rendered.TrimEnd('\n')),
            };
            Assert.Equal(cable.HeaderText, header);
            Assert.Equal(RenderingDecoder.NormalizeTagsLine(cable.BodyText), RenderingDecoder.NormalizeTagsLine(body));
        }
    }

    [Fact]
    public void TheWikiLeaksPageHasTheStructureOfTheRealPages()
    {
        foreach (var cable in Sample.Take(150))
        {
            var page = SyntheticRenderer.WikiLeaksPage(cable);
            Assert.StartsWith("<?xml version='1.0' encoding='utf-8' ?>", page, StringComparison.Ordinal);
            Assert.Contains($"<h3>Viewing cable {cable.Id}, ", page, StringComparison.Ordinal);
            Assert.Contains("<table class='cable'>", page, StringComparison.Ordinal);
            Assert.Contains($">{cable.Id}</a>", page, StringComparison.Ordinal);
            Assert.Contains($">{cable.ClassificationText}</a>", page, StringComparison.Ordinal);
            Assert.Contains($">{cable.Origin}</a>", page, StringComparison.Ordinal);

            // §1.1: "Created" has the 12-hour-clock hour where the minutes belong.
            var hour12 = cable.DateTime.Hour % 12 == 0 ? 12 : cable.DateTime.Hour % 12;
            Assert.Contains(string.Create(CultureInfo.InvariantCulture, $">{cable.DateTime:yyyy-MM-dd HH}:{hour12:D2}</a>"), page, StringComparison.Ordinal);

            // One <pre> for the header when there is one, one for the body; newlines inside them are entities.
            var blocks = Regex.Matches(page, "<code><pre>(.*?)</pre></code>", RegexOptions.Singleline);
            Assert.Equal(cable.HasHeader ? 2 : 1, blocks.Count);
            Assert.All(blocks, b => Assert.DoesNotContain('\n', b.Groups[1].Value));
            var lines = cable.BodyText.Split('\n');
            foreach (var paragraph in cable.Portions.Where(p => p.Level == 0 && p.Number is not null && lines.Any(l => l.StartsWith(p.Number + ". ", StringComparison.Ordinal))))
                Assert.Contains($"<a id='par{paragraph.Number}' href='#par{paragraph.Number}'>¶</a>{paragraph.Number}.", page, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void ACablesCsvHasEightEscapedColumnsPerRow()
    {
        using var writer = new StringWriter();
        var cables = Sample.Take(60).ToList();
        Assert.Equal(60, SyntheticRenderer.WriteCsv(writer, cables));
        var rows = RenderingDecoder.CsvRows(writer.ToString());
        Assert.Equal(60, rows.Count);
        for (var i = 0; i < rows.Count; i++)
        {
            var (row, cable) = (rows[i], cables[i]);
            Assert.Equal(8, row.Length);
            Assert.Equal(cable.RecordNumber.ToString(CultureInfo.InvariantCulture), row[0]);
            Assert.Equal(cable.DateTime, DateTime.ParseExact(row[1], "M/d/yyyy H:mm", CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal));
            Assert.Equal([cable.Id, cable.Origin, cable.ClassificationText, string.Join('|', cable.ReferencedCableIds)], row[2..6]);
            Assert.Equal(cable.HeaderText, row[6]);
            Assert.Equal(cable.BodyText, row[7]);
        }

        // §1.2: quotes and apostrophes are escaped with a backslash, not doubled (the rows above decode only that way).
        Assert.Contains("\\'", writer.ToString(), StringComparison.Ordinal);
        Assert.Contains("\\\"", writer.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void WordsHaveTheLongTailOfRealText()
    {
        // On the 303 WikiLeaks pages the median word (four letters or more) stands in 0.06% of the portions and the
        // vocabulary runs to thousands of words; a generator drawing from a few hundred words puts the median in about
        // a tenth of all portions, which makes every search term frequent.
        var portions = Sample.SelectMany(c => c.Portions).Select(p => p.Text).ToList();
        var portionsHolding = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var text in portions)
        {
            foreach (var word in Words().Matches(text.ToLowerInvariant()).Select(m => m.Value).Distinct(StringComparer.Ordinal))
                portionsHolding[word] = portionsHolding.GetValueOrDefault(word) + 1;
        }

        var shares = portionsHolding.Values.Select(n => (double)n / portions.Count).Order().ToList();
        Assert.True(portionsHolding.Count > 5_000, $"{portionsHolding.Count:N0} distinct words in {portions.Count:N0} portions");
        Assert.True(shares[shares.Count / 2] < 0.001, $"the median word stands in {shares[shares.Count / 2]:P2} of the portions");
    }

    private static string Normalize(string text) => string.Join(' ', text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));

    [GeneratedRegex(@"^(?:S E C R E T|SS E C R E T|SECRET|C O N F I D E N T I A L|CONFIDENTIAL|UNCLAS|UNCLASSIFIED|LIMITED OFFICIAL USE)(?<sections> SECTION 01 OF \d\d)? (?<words>[A-Z][A-Z ]*?) (?<serial>\d+) ?$", RegexOptions.Multiline)]
    private static partial Regex Banner();

    [GeneratedRegex(@"^[A-Za-z][A-Za-z ]* (?<serial>\d{8}) {1,2}(?<page>\d{3}(?:\.\d)?) (?:OF|of) (?<pages>\d{3}) ?$")]
    private static partial Regex PageBreak();

    [GeneratedRegex("[a-z]{4,}")]
    private static partial Regex Words();

    [GeneratedRegex(@"^[ \t]*(?<number>[0-9]+|[A-Z])\.[ \t]")]
    private static partial Regex AnchoredLine();

    [GeneratedRegex("(?:^| )([A-Z])\\. ")]
    private static partial Regex LetteredItem();

    [GeneratedRegex("[Xx]{4,}")]
    private static partial Regex Redaction();
}

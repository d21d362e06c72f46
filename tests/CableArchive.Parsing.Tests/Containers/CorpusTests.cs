using CableArchive.Domain.Cables;
using CableArchive.Parsing.Containers;
using CableArchive.Parsing.Header;
using CableArchive.Parsing.Identity;
using CableArchive.Tests;

namespace CableArchive.Parsing.Tests.Containers;

/// <summary>
/// The containers, header and identity pieces over the real corpus: the 303 WikiLeaks pages of December 2010 and the seed
/// Markdown rendering. Only the page TEXT (header and body) is parsed; each page's table is the oracle (cable-format notes §1.1).
/// </summary>
public class CorpusTests(ITestOutputHelper output)
{
    private const double RequiredAgreement = 0.99;

    private sealed record PageReading(string Name, CableDocument Document, RoutingHeader? Header);

    private static List<PageReading> ReadPages()
    {
        var pages = Directory.GetFiles(SharedCorpus.RequireDirectory("corpus/wikileaks-2010-12"), "*.html", SearchOption.AllDirectories);
        Assert.True(pages.Length >= 300, $"expected the 303 pages, found {pages.Length}");
        var readings = new List<PageReading>();
        foreach (var page in pages.Order(StringComparer.Ordinal))
        {
            using var stream = File.OpenRead(page);
            var document = Assert.Single(CableReader.Read(stream, page));
            var context = new ParseContext(document.Header);
            var (header, _) = HeaderParser.Parse(context, new Domain.TextSpan(0, document.Header.Length));
            readings.Add(new PageReading(Path.GetFileNameWithoutExtension(page), document, header));
        }

        return readings;
    }

    [Fact]
    public void Every_page_reads_as_one_document_with_its_table()
    {
        foreach (var (name, document, _) in ReadPages())
        {
            Assert.Equal(CableFormat.WikiLeaksHtml, document.Source.Format);
            Assert.Equal(name, document.Metadata?.Id);
            Assert.NotNull(document.Metadata!.Created);
            Assert.NotNull(document.Metadata.Classification);
            Assert.NotNull(document.Metadata.Origin);
            Assert.DoesNotContain(document.Diagnostics, d => d.Severity == Domain.DiagnosticSeverity.Error);
            Assert.DoesNotContain("&#x", document.Body, StringComparison.Ordinal);
            Assert.DoesNotContain("<a ", document.Body, StringComparison.Ordinal);
            Assert.DoesNotContain('¶', document.Body);
            // The body starts at its banner, wrappers skipped; 10BEIJING207 has its banner redacted.
            Assert.True(BannerLine.TryRead(FirstLine(document.Body), out _) || FirstLine(document.Body).StartsWith("XXXX", StringComparison.Ordinal),
                $"{name}: the body does not start with a banner: '{FirstLine(document.Body)}'");
        }
    }

    /// <summary>The origin from the text alone, the FM line, else the banner's origin words, agrees with the table's Origin.</summary>
    [Fact]
    public void Origin_from_the_text_agrees_with_the_table()
    {
        var readings = ReadPages();
        var disagreements = new List<string>();
        var fromBanner = 0;
        foreach (var (name, document, header) in readings)
        {
            var origin = header?.From is { } from ? Origins.FromSender(from) : null;
            if (origin is null && BannerLine.TryRead(FirstLine(document.Body), out var banner) && banner.OriginWords is { } words)
            {
                origin = Origins.FromOriginWords(words);
                fromBanner++;
            }

            if (!string.Equals(origin, document.Metadata!.Origin, StringComparison.Ordinal))
                disagreements.Add($"{name}: table '{document.Metadata.Origin}', text '{origin}' (FM '{header?.From?.Name}')");
        }

        Report("origin", readings.Count, disagreements, $"{fromBanner} from the banner (no FM line)");
    }

    /// <summary>
    /// The DTG's date and hour agree with the table's Created (its minutes are wrong, §1.1). Pages whose header has no DTG
    /// (partial records) are counted apart.
    /// </summary>
    [Fact]
    public void Date_and_hour_of_the_dtg_agree_with_the_table()
    {
        var readings = ReadPages();
        var disagreements = new List<string>();
        var withDtg = 0;
        foreach (var (name, document, header) in readings)
        {
            if (header?.DateTime is not { } dateTime)
                continue;
            withDtg++;
            var created = document.Metadata!.Created!.Value;
            Assert.Equal(DateTimeKind.Utc, dateTime.Kind);
            if (dateTime.Date != created.Date || dateTime.Hour != created.Hour)
                disagreements.Add($"{name}: table {created:yyyy-MM-dd HH:mm}, DTG {header.DateTimeGroup}");
        }

        Assert.True(withDtg >= 270, $"only {withDtg} pages have a DTG");
        Report("date and hour", withDtg, disagreements, $"{readings.Count - withDtg} pages have no DTG (partial records)");
    }

    [Fact]
    public void Every_addressee_span_points_at_its_name()
    {
        foreach (var (name, document, header) in ReadPages())
        {
            if (header is null)
                continue;
            foreach (var addressee in header.To.Concat(header.Info).Append(header.From).OfType<Addressee>())
            {
                var text = document.Header.Substring(addressee.Span.Start, addressee.Span.Length);
                Assert.True(text.Contains(addressee.Name.Split(' ')[0], StringComparison.Ordinal), $"{name}: span '{text}' for '{addressee.Name}'");
            }
        }
    }

    [Fact]
    public void Seed_markdown_rendering_reads_as_the_cable()
    {
        var path = SharedCorpus.RequireFile("corpus/seed/08TOKYO2577.md");
        using var stream = File.OpenRead(path);
        var document = Assert.Single(CableReader.Read(stream, path));

        Assert.Equal(CableFormat.Markdown, document.Source.Format);
        Assert.StartsWith("VZCZCXRO5577\nOO RUEHFK RUEHKSO RUEHNH\n", document.Header, StringComparison.Ordinal);
        Assert.StartsWith("S E C R E T TOKYO 002577\n", document.Body, StringComparison.Ordinal);
        Assert.Contains("TAGS: PGOV PREL JA KTIP\n", document.Body, StringComparison.Ordinal);
        Assert.Contains("\n1. (U) Charge James Zumwalt", document.Body, StringComparison.Ordinal);
        Assert.Contains("September, 17. Bessho", document.Body, StringComparison.Ordinal);
        Assert.Contains("\n4. (S) Separately", document.Body, StringComparison.Ordinal);
        Assert.EndsWith("SCHIEFFER", document.Body.TrimEnd(), StringComparison.Ordinal);
        Assert.DoesNotContain("](#)", document.Body, StringComparison.Ordinal);
        Assert.DoesNotContain('¶', document.Body);
        Assert.Empty(document.Diagnostics);

        var context = new ParseContext(document.Header);
        var header = HeaderParser.Parse(context, new Domain.TextSpan(0, document.Header.Length)).Header!;
        Assert.Equal(new DateTime(2008, 9, 18, 8, 17, 0, DateTimeKind.Utc), header.DateTime);
        Assert.Equal("Embassy Tokyo", Origins.FromSender(header.From!));
        Assert.Equal(4, header.Info.Count);
        Assert.Empty(context.Diagnostics);
    }

    private void Report(string what, int total, List<string> disagreements, string note)
    {
        var agreement = 1.0 - ((double)disagreements.Count / Math.Max(total, 1));
        output.WriteLine($"{what}: {total - disagreements.Count}/{total} agree ({agreement:P1}); {note}");
        foreach (var disagreement in disagreements)
            output.WriteLine("  " + disagreement);
        Assert.True(agreement >= RequiredAgreement, $"{what}: {agreement:P1} agree, below {RequiredAgreement:P0}");
    }

    private static string FirstLine(string text) => text.Split('\n').FirstOrDefault(line => line.Trim().Length > 0) ?? "";
}

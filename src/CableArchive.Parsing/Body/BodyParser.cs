using CableArchive.Domain;
using CableArchive.Domain.Cables;

namespace CableArchive.Parsing.Body;

/// <summary>Everything the body parser found.</summary>
internal sealed record BodyParseResult
{
    public ClassificationLine? ClassificationLine { get; init; }
    public IReadOnlyList<Caption> Captions { get; init; } = [];
    public ExecutiveOrderLine? ExecutiveOrder { get; init; }
    public IReadOnlyList<Tag> Tags { get; init; } = [];
    public Subject? Subject { get; init; }
    public IReadOnlyList<Reference> References { get; init; } = [];
    public ClassifiedBy? ClassifiedBy { get; init; }
    public IReadOnlyList<Paragraph> Paragraphs { get; init; } = [];
    public TextBlock? Summary { get; init; }
    public IReadOnlyList<TextBlock> Comments { get; init; } = [];
    public IReadOnlyList<Signer> Signers { get; init; } = [];
    public IReadOnlyList<TextSpan> Redactions { get; init; } = [];
    public IReadOnlyList<TextSpan> PageBreaks { get; init; } = [];
}

/// <summary>Reads the body: banner, captions, E.O., TAGS, SUBJECT, REF, Classified By, paragraphs, signers (cable-format notes §3–§10).</summary>
/// <remarks>
/// The steps follow §13: find the banner (§3.1); pre-pass the page breaks, NNNN and line-end backslashes out of the text
/// the fields are read from, keeping a map back to the original offsets (§3.3, §3.4, step 4); read the front matter by
/// keyword (step 5); the signature from the end (step 7); the paragraphs, summary and comments in between (step 6).
/// </remarks>
internal static class BodyParser
{
    /// <param name="context">The shared text and diagnostics.</param>
    /// <param name="bodySpan">The body's part of the text.</param>
    /// <param name="year">The cable's year where known (from the DTG or the container), to canonicalise reference ids.</param>
    public static BodyParseResult Parse(ParseContext context, TextSpan bodySpan, int? year)
    {
        var source = context.Text;
        var start = Math.Clamp(bodySpan.Start, 0, source.Length);
        var end = Math.Clamp(bodySpan.End, start, source.Length);

        try
        {
            return ParseBody(context, start, end, year);
        }
        catch (Exception exception) when (exception is not OutOfMemoryException)
        {
            // The parser must never throw on any input; a bug here costs the body its fields, not the caller its run.
            context.Report(DiagnosticSeverity.Error, start, $"The body could not be parsed ({exception.GetType().Name}: {exception.Message}); its fields were left empty.");
            return new BodyParseResult();
        }
    }

    private static BodyParseResult ParseBody(ParseContext context, int start, int end, int? year)
    {
        var source = context.Text;
        var banner = Banner.Find(source, start, end);
        ReportBanner(context, banner, start, end);

        var prePass = PageBreaks.Scan(context, start, end, banner);
        var body = BodyText.Build(context, start, prePass.End, prePass.Cuts);
        var bannerStart = banner is null ? body.Start : body.FromSource(banner.Start);
        var bannerEnd = banner is null ? body.Start : body.FromSource(banner.End);

        var front = FrontMatter.Read(context, body, bannerStart, bannerEnd, year);
        var (signers, textEnd) = Signers.Read(body, front.End, body.End, front.ClassifiedBy?.Names ?? []);
        var pieces = Paragraphs.Read(context, body, front.End, textEnd, out var sipdisInText);
        if (sipdisInText is { } sipdis && !HasSipdis(front.Captions))
            front.Captions.Add(new Caption(CaptionKind.Sipdis, "SIPDIS", sipdis));

        var (summary, comments) = Summaries.Read(body, front.End, textEnd, pieces);
        var paragraphs = new List<Paragraph>(pieces.Count);
        foreach (var piece in pieces)
            paragraphs.Add(piece.Paragraph);

        return new BodyParseResult
        {
            ClassificationLine = banner?.ToClassificationLine(source, TextSpan.FromBounds(banner.Start, banner.End)),
            Captions = front.Captions,
            ExecutiveOrder = front.ExecutiveOrder,
            Tags = front.Tags,
            Subject = front.Subject,
            References = front.References,
            ClassifiedBy = front.ClassifiedBy,
            Paragraphs = paragraphs,
            Summary = summary,
            Comments = comments,
            Signers = signers,
            Redactions = PageBreaks.FindRedactions(source, start, prePass.End),
            PageBreaks = prePass.PageBreaks,
        };
    }

    private static bool HasSipdis(List<Caption> captions)
    {
        foreach (var caption in captions)
        {
            if (caption.Kind == CaptionKind.Sipdis)
                return true;
        }

        return false;
    }

    private static void ReportBanner(ParseContext context, BannerMatch? banner, int start, int end)
    {
        if (banner is null)
        {
            context.Report(DiagnosticSeverity.Warning, start, "No classification line was found at the start of the body.");
            return;
        }

        if (banner.Serial is null && TextScan.StartsWithIgnoreCase(context.Text, banner.Start, "CLASSIFICATION:"))
            context.Report(DiagnosticSeverity.Warning, banner.Start, "No classification line; the level was taken from the media wrapper's CLASSIFICATION field.");
        else if (banner.Serial is null)
            context.Report(DiagnosticSeverity.Warning, banner.Start, "The classification line gives no origin and serial.");

        // §1.4: a media date line, an ID: block or a <<nnn>> block before the banner.
        var first = TextScan.SkipWhitespace(context.Text, start, end);
        if (first < banner.Start)
            context.Report(DiagnosticSeverity.Info, first, "Text before the classification line (a media-partner wrapper or a date line) was skipped.");
    }
}

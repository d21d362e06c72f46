using CableArchive.Domain;
using CableArchive.Domain.Cables;

namespace CableArchive.Parsing.Body;

/// <summary>What the front matter holds, with where it ends in the cleaned body.</summary>
internal sealed class FrontMatterResult
{
    public List<Caption> Captions { get; } = [];

    public ExecutiveOrderLine? ExecutiveOrder { get; set; }

    public List<Tag> Tags { get; set; } = [];

    public Subject? Subject { get; set; }

    public List<Reference> References { get; set; } = [];

    public ClassifiedBy? ClassifiedBy { get; set; }

    /// <summary>Where the text after the front matter starts.</summary>
    public int End { get; set; }
}

/// <summary>
/// Reads the front matter after the banner (§13 step 5): captions and FOR lines, E.O., TAGS, SUBJECT, REF, Classified By.
/// The order varies and items share lines, so the fields are found by keyword in the text up to the first numbered
/// paragraph, each running to the next keyword or its own terminator. The first of each wins (§12: a second TAGS,
/// from a repeated or quoted telegram, does not overwrite the first); a field found only before the banner (a media
/// wrapper's copy, §1.4 A10) is used when the banner has none.
/// </summary>
internal static class FrontMatter
{
    // Without numbered paragraphs, the front matter is looked for in the first characters only (CM uses 1,200).
    private const int UnnumberedWindow = 3000;
    private const int NumberedWindow = 8000;

    // "1. CLASSIFIED BY ROBERT P. FINN" (1990s): the line can open paragraph 1 (§7).
    private const int ClassifiedByInParagraph = 160;

    // Between two front-matter fields stand only captions and FOR lines; more lines than this are the text.
    private const int MaxGapLines = 8;

    /// <summary>Reads the front matter of the cleaned body.</summary>
    /// <param name="context">For diagnostics.</param>
    /// <param name="body">The cleaned body.</param>
    /// <param name="bannerStart">The banner's start in the cleaned body (where the body starts, without banner).</param>
    /// <param name="bannerEnd">The banner's end in the cleaned body (where the body starts, without banner).</param>
    /// <param name="year">The cable's year, for reference ids and two-digit years.</param>
    public static FrontMatterResult Read(ParseContext context, BodyText body, int bannerStart, int bannerEnd, int? year)
    {
        var text = body.Text;
        var result = new FrontMatterResult { End = bannerEnd };
        var firstParagraph = FindFirstParagraph(text, bannerEnd, Math.Min(body.End, bannerEnd + NumberedWindow));
        var regionEnd = firstParagraph >= 0 ? firstParagraph : Math.Min(body.End, bannerEnd + UnnumberedWindow);

        var keywords = Keywords.FindAll(text, body.Start, regionEnd);
        if (firstParagraph >= 0 && !HasClassifiedByAfter(keywords, bannerEnd))
        {
            foreach (var keyword in Keywords.FindAll(text, firstParagraph, Math.Min(body.End, firstParagraph + ClassifiedByInParagraph)))
            {
                if (keyword.Field == FrontField.ClassifiedBy)
                    keywords.Add(keyword);
            }
        }

        // After the banner, in text order; the fields must follow each other closely: a keyword after a stretch of
        // prose is part of the text. The first may stand further off (FOR lines, a media wrapper's block, §1.4).
        var chosen = new List<Keyword>();
        var fieldSpans = new List<(int Start, int End)>();
        var frontEnd = bannerEnd;
        foreach (var keyword in FirstOfEachField(keywords, bannerEnd, int.MaxValue))
        {
            if (chosen.Count > 0 && CountLines(text, frontEnd, keyword.Start) > MaxGapLines)
                break;
            var limit = keyword.Start >= regionEnd ? Math.Min(body.End, regionEnd + ClassifiedByInParagraph * 4) : regionEnd;
            var end = ReadField(context, body, result, keywords, keyword, Bound(text, keywords, keyword, limit), year);
            chosen.Add(keyword);
            fieldSpans.Add((keyword.Start, end));
            frontEnd = Math.Max(frontEnd, end);
        }

        // §1.4 A10: a field that only a wrapper's copy before the banner has.
        foreach (var keyword in FirstOfEachField(keywords, body.Start, bannerStart))
        {
            if (Contains(chosen, keyword.Field))
                continue;
            ReadField(context, body, result, keywords, keyword, Bound(text, keywords, keyword, bannerStart), year);
            context.Report(DiagnosticSeverity.Info, body.ToSource(keyword.Start), $"The {Describe(keyword.Field)} was taken from the text before the classification line.");
        }

        if (firstParagraph >= 0)
            frontEnd = Math.Min(frontEnd, firstParagraph);
        ReadCaptions(body, result, chosen, fieldSpans, bannerEnd, frontEnd);
        result.End = ReadTrailingCaptions(body, result, frontEnd, firstParagraph >= 0 ? firstParagraph : body.End);
        Report(context, body, result, keywords, bannerEnd);
        return result;
    }

    /// <summary>The first line in [start, limit) that opens a numbered paragraph, or -1.</summary>
    private static int FindFirstParagraph(string text, int start, int limit)
    {
        for (var line = start; line < limit; line = TextScan.NextLine(text, line, limit))
        {
            var lineEnd = TextScan.LineEnd(text, line, limit);
            var p = TextScan.SkipBlanks(text, line, lineEnd);
            if (Paragraphs.IsNumberedLine(text, p, lineEnd) && (text[p] == '¶' || FirstNumberIsSmall(text, p)))
                return line;
        }

        return -1;
    }

    private static bool FirstNumberIsSmall(string text, int p) => TextScan.IsDigit(text[p]) && !TextScan.IsDigit(text[p + 1]);

    // The first keyword of each field in [start, end), in text order (§12: the first one wins).
    private static List<Keyword> FirstOfEachField(List<Keyword> keywords, int start, int end)
    {
        var first = new List<Keyword>(5);
        Span<bool> seen = stackalloc bool[5];
        foreach (var keyword in keywords)
        {
            if (keyword.Start < start || keyword.Start >= end || seen[(int)keyword.Field])
                continue;
            seen[(int)keyword.Field] = true;
            first.Add(keyword);
        }

        return first;
    }

    private static bool HasClassifiedByAfter(List<Keyword> keywords, int offset)
    {
        foreach (var keyword in keywords)
        {
            if (keyword.Field == FrontField.ClassifiedBy && keyword.Start >= offset)
                return true;
        }

        return false;
    }

    private static bool Contains(List<Keyword> keywords, FrontField field)
    {
        foreach (var keyword in keywords)
        {
            if (keyword.Field == field)
                return true;
        }

        return false;
    }

    // Non-blank lines in [start, end), counting at most a little past the limit.
    private static int CountLines(string text, int start, int end)
    {
        var count = 0;
        for (var line = start; line < end && count <= MaxGapLines; line = TextScan.NextLine(text, line, end))
        {
            if (!TextScan.IsBlank(text, line, TextScan.LineEnd(text, line, end)))
                count++;
        }

        return count;
    }

    // A field runs to the next keyword of another field (items share lines, §3.2) or to the limit; the order that the
    // reasons of a Classified By line cite is part of that line (§7).
    private static int Bound(string text, List<Keyword> keywords, Keyword keyword, int limit)
    {
        foreach (var other in keywords)
        {
            if (other.Field == keyword.Field || other.Start < keyword.ContentStart || other.Start >= limit)
                continue;
            if (keyword.Field == FrontField.ClassifiedBy && other.Field == FrontField.ExecutiveOrder && ClassifiedByField.IsCitedInReasons(text, other.Start, limit))
                continue;
            return other.Start;
        }

        return Math.Max(limit, keyword.ContentStart);
    }

    private static int ReadField(ParseContext context, BodyText body, FrontMatterResult result, List<Keyword> keywords, Keyword keyword, int bound, int? year)
    {
        switch (keyword.Field)
        {
            case FrontField.ExecutiveOrder:
            {
                var (line, end) = ExecutiveOrder.Read(context, body, keyword, bound, year);
                result.ExecutiveOrder = line;
                return end;
            }

            case FrontField.Tags:
            {
                var (tags, end) = TagsField.Read(body, keyword, bound);
                result.Tags = tags;
                return end;
            }

            case FrontField.Subject:
            {
                var (subject, end) = SubjectField.Read(context, body, keyword, bound);
                result.Subject = subject;
                return end;
            }

            case FrontField.Reference:
            {
                var (references, end) = ReferencesField.Read(context, body, keyword, bound, year);
                result.References = references;
                return end;
            }

            default:
                return ReadClassifiedBy(body, result, keywords, keyword, bound);
        }
    }

    // §7 G9: "Classified By: ADANA 222 / ADANA 216 / … / Classified by DCM Nancy McEldowney": when a label gives no
    // name, a later label in reach may.
    private static int ReadClassifiedBy(BodyText body, FrontMatterResult result, List<Keyword> keywords, Keyword keyword, int bound)
    {
        var (record, end) = ClassifiedByField.Read(body, keyword, bound);
        if (record.Names.Count == 0)
        {
            foreach (var later in keywords)
            {
                if (later.Field != FrontField.ClassifiedBy || later.Start <= keyword.Start || later.Start > end + 400)
                    continue;
                var (retry, retryEnd) = ClassifiedByField.Read(body, later, Bound(body.Text, keywords, later, Math.Min(body.End, later.ContentStart + 1000)));
                if (retry.Names.Count == 0)
                    continue;
                result.ClassifiedBy = retry;
                return Math.Max(end, retryEnd);
            }
        }

        result.ClassifiedBy = record;
        return end;
    }

    // Captions fill the gaps between the banner and the fields; FOR lines only before E.O., TAGS and SUBJECT (§3.2).
    private static void ReadCaptions(BodyText body, FrontMatterResult result, List<Keyword> chosen, List<(int Start, int End)> fields, int bannerEnd, int frontEnd)
    {
        var forLinesEnd = frontEnd;
        foreach (var keyword in chosen)
        {
            if (keyword.Start >= bannerEnd && keyword.Field is FrontField.ExecutiveOrder or FrontField.Tags or FrontField.Subject)
            {
                forLinesEnd = Math.Min(forLinesEnd, keyword.Start);
                break;
            }
        }

        fields.Sort(static (a, b) => a.Start.CompareTo(b.Start));
        var gapStart = bannerEnd;
        foreach (var (start, end) in fields.Append((frontEnd, frontEnd)))
        {
            var gapEnd = Math.Min(start, frontEnd);
            if (gapEnd > gapStart && !Captions.Read(body, gapStart, gapEnd, gapEnd <= forLinesEnd, result.Captions))
                return;
            gapStart = Math.Max(gapStart, end);
        }
    }

    // SIPDIS or an SBU statement on lines of their own right after the front matter are captions, not text.
    private static int ReadTrailingCaptions(BodyText body, FrontMatterResult result, int frontEnd, int limit)
    {
        var text = body.Text;
        var end = frontEnd;
        for (var line = frontEnd; line < limit; line = TextScan.NextLine(text, line, limit))
        {
            var lineEnd = TextScan.LineEnd(text, line, limit);
            if (TextScan.IsBlank(text, line, lineEnd))
                continue;
            if (!Captions.IsCaptionOnlyLine(text, line, lineEnd))
                break;
            Captions.Read(body, line, lineEnd, allowForLines: false, result.Captions);
            end = lineEnd;
        }

        return end;
    }

    private static void Report(ParseContext context, BodyText body, FrontMatterResult result, List<Keyword> keywords, int bannerEnd)
    {
        var at = body.ToSource(bannerEnd);
        if (result.Subject is null)
            context.Report(DiagnosticSeverity.Warning, at, "No SUBJECT line was found.");
        if (result.ExecutiveOrder is null)
            context.Report(DiagnosticSeverity.Info, at, "No E.O. line was found.");
        if (result.Tags.Count == 0)
            context.Report(DiagnosticSeverity.Info, at, "No TAGS were found.");

        Span<int> counts = stackalloc int[5];
        foreach (var keyword in keywords)
        {
            if (keyword.Start < bannerEnd)
                continue;
            if (++counts[(int)keyword.Field] == 2 && keyword.Field is FrontField.Tags or FrontField.ExecutiveOrder or FrontField.Subject)
                context.Report(DiagnosticSeverity.Info, body.ToSource(keyword.Start), $"A second {Describe(keyword.Field)} (a repeated or quoted telegram) was not used; the first one was kept.");
        }
    }

    private static string Describe(FrontField field) => field switch
    {
        FrontField.ExecutiveOrder => "E.O. line",
        FrontField.Tags => "TAGS line",
        FrontField.Subject => "SUBJECT line",
        FrontField.Reference => "REF block",
        _ => "Classified By line",
    };
}

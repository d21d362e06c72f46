using System.Buffers;

using CableArchive.Domain;

namespace CableArchive.Parsing.Body;

/// <summary>
/// The body pre-pass (§13 step 4): finds the page-break lines of both eras, a trailing <c>NNNN</c> and line-end
/// backslashes, and says what to cut so that the field readers see continuous text. Offsets are source offsets.
/// </summary>
internal static class PageBreaks
{
    // A single-string SearchValues tests three of its characters at once; IndexOf(string) tests the first and last, which
    // in capitals stop at every "N…N" and "P…E".
    private static readonly SearchValues<string> EndOfMessage = SearchValues.Create(["NNNN"], StringComparison.Ordinal);
    private static readonly SearchValues<string> OldPageHeader = SearchValues.Create(["PAGE"], StringComparison.Ordinal);

    /// <summary>Scans source[start, end) of <paramref name="context"/>.</summary>
    /// <param name="context">The cable text and diagnostics.</param>
    /// <param name="start">Body start.</param>
    /// <param name="end">Body end.</param>
    /// <param name="banner">The banner, to anchor modern page breaks on this cable's serial (§3.3, §12).</param>
    public static PrePassResult Scan(ParseContext context, int start, int end, BannerMatch? banner)
    {
        var text = context.Text;
        var result = new PrePassResult { End = end };
        var afterBanner = banner?.End ?? start;

        result.End = FindMessageEnd(context, afterBanner, end);
        ScanModern(context, start, result, banner);
        ScanOld(text, start, result);
        ScanLineEndBackslashes(text, start, result);
        result.PageBreaks.Sort(static (a, b) => a.Start.CompareTo(b.Start));
        return result;
    }

    /// <summary>The runs of <c>X</c> that stand for redacted text (§10: match <c>[Xx]{4,}</c>, not exactly 12).</summary>
    public static List<TextSpan> FindRedactions(string text, int start, int end)
    {
        var found = new List<TextSpan>(8);
        var p = start;
        while (p < end)
        {
            // Two Xs in a row, in any case, start every run: looking for single letters would stop at every "x" of running
            // text ("next", "expect"), and two are already rare outside redactions.
            var next = TextScan.IndexOfDoubledLetter(text.AsSpan(p, end - p), 'x');
            if (next < 0)
                break;
            var runStart = p + next;
            var runEnd = runStart + 2;
            while (runEnd < end && text[runEnd] is 'X' or 'x')
                runEnd++;
            if (runEnd - runStart >= 4)
                found.Add(TextSpan.FromBounds(runStart, runEnd));
            p = runEnd;
        }

        return found;
    }

    // §2.8: NNNN ends the message; whatever follows it (End Cable Text, another archive's trailer) is dropped.
    private static int FindMessageEnd(ParseContext context, int from, int end)
    {
        var text = context.Text;
        var p = from;
        while (p < end)
        {
            var next = text.AsSpan(p, end - p).IndexOfAny(EndOfMessage);
            if (next < 0)
                break;
            var at = p + next;
            if (TextScan.AtLineStart(text, at) && TextScan.AtLineEnd(text, at + 4, end))
            {
                if (!TextScan.IsBlank(text, at + 4, end))
                    context.Report(DiagnosticSeverity.Info, at, "Text after the end-of-message mark NNNN was left out.");
                return TextScan.BackOverBlanks(text, from, at);
            }

            p = at + 4;
        }

        return end;
    }

    // §3.3: "<ORIGIN WORDS> <8-digit serial>  <page> OF <pages>", on its own line, inline, or split over two lines.
    private static void ScanModern(ParseContext context, int start, PrePassResult result, BannerMatch? banner)
    {
        var text = context.Text;
        var end = result.End;
        var p = start;
        while (p < end)
        {
            // The 8-digit serial is zero-padded, so a break starts with a '0' that opens a word: looking for zeros rather than
            // for every digit skips the paragraph numbers, reasons and most dates of the text.
            var next = text.AsSpan(p, end - p).IndexOf('0');
            if (next < 0)
                break;
            var digitsStart = p + next;
            var digitsEnd = digitsStart;
            while (digitsEnd < end && TextScan.IsDigit(text[digitsEnd]))
                digitsEnd++;
            p = digitsEnd;

            // The tail "002 OF 003" (or "001.2 OF 003") makes the shape unmistakable. A zero inside a number or a word is
            // passed over with the rest of its digits.
            if (digitsEnd - digitsStart != 8 || !TextScan.IsWordStart(text, digitsStart)
                || !TryReadPageTail(text, digitsEnd, end, out var tailEnd))
                continue;

            var originStart = FindOriginStart(text, digitsStart, banner);
            var lineStart = TextScan.BackOverBlanks(text, start, originStart);
            var fullLine = (lineStart == 0 || text[lineStart - 1] == '\n') && TextScan.AtLineEnd(text, tailEnd, end);
            var serial = text.AsSpan(digitsStart, 8).TrimStart('0');

            if (banner?.SerialDigits is { } own && !serial.SequenceEqual(own))
            {
                // §1.4, §12 A11: another cable's page break means a foreign record was glued on; cut the body there.
                if (fullLine && lineStart > (banner.End))
                {
                    context.Report(DiagnosticSeverity.Warning, originStart,
                        $"A page break of another cable (serial {serial.ToString()}) was found; the text from there on was left out as a foreign record.");
                    result.End = lineStart;
                    return;
                }

                context.Report(DiagnosticSeverity.Info, originStart, $"A page-break line names serial {serial.ToString()}, not this cable's {own}.");
            }

            result.PageBreaks.Add(TextSpan.FromBounds(originStart, tailEnd));
            result.Cuts.Add(fullLine ? CutLines(text, start, end, lineStart, tailEnd) : InlineCut(text, originStart, tailEnd, end));
            p = tailEnd;
        }
    }

    // "  002 OF 003", "001.2 OF 004", "008 of 008"; the page number may sit on a later line (§3.3, 08TRIPOLI402).
    private static bool TryReadPageTail(string text, int offset, int end, out int tailEnd)
    {
        tailEnd = offset;
        var p = offset;
        var newlines = 0;
        while (p < end && TextScan.IsWhite(text[p]) && p - offset < 40)
        {
            if (text[p] == '\n' && ++newlines > 3)
                return false;
            p++;
        }

        if (p == offset || !ReadDigits(text, ref p, end, 3, 3))
            return false;
        if (p + 1 < end && text[p] == '.' && TextScan.IsDigit(text[p + 1]))
        {
            p++;
            ReadDigits(text, ref p, end, 1, 2);
        }

        var blanks = TextScan.SkipBlanks(text, p, end);
        if (blanks == p || !TextScan.IsWordAt(text, blanks, "OF"))
            return false;
        p = TextScan.SkipBlanks(text, blanks + 2, end);
        if (!ReadDigits(text, ref p, end, 3, 3) || !TextScan.IsWordEnd(text, p))
            return false;
        tailEnd = p;
        return true;
    }

    /// <summary>
    /// Where the origin words before a page-break serial start: the banner's origin words or a truncation of them
    /// (<c>BUENOS AIR</c>, <c>PORT AU PR</c>, §3.3), else up to three capitalised words.
    /// </summary>
    private static int FindOriginStart(string text, int serialStart, BannerMatch? banner)
    {
        // Only a few words are wanted: look back a bounded stretch, so that many candidates on one long line stay linear.
        var lineStart = Math.Max(0, serialStart - 120);
        Span<int> wordStarts = stackalloc int[6];
        var count = 0;
        var p = serialStart;
        while (count < wordStarts.Length)
        {
            var wordEnd = p;
            while (wordEnd > lineStart && text[wordEnd - 1] is ' ' or '\t')
                wordEnd--;
            var wordStart = wordEnd;
            while (wordStart > lineStart && !TextScan.IsWhite(text[wordStart - 1]))
                wordStart--;
            if (wordStart == wordEnd || !IsCapitalisedWord(text, wordStart, wordEnd))
                break;
            wordStarts[count++] = wordStart;
            p = wordStart;
        }

        if (count == 0)
            return serialStart;

        if (banner?.OriginWords is { } origin)
        {
            for (var k = count; k >= 1; k--)
            {
                var candidate = TextScan.Collapse(text, wordStarts[k - 1], serialStart);
                if (candidate.Length >= Math.Min(3, origin.Length) && origin.StartsWith(candidate, StringComparison.OrdinalIgnoreCase))
                    return wordStarts[k - 1];
            }
        }

        return wordStarts[Math.Min(count, 3) - 1];
    }

    private static bool IsCapitalisedWord(string text, int start, int end)
    {
        if (!char.IsUpper(text[start]))
            return false;
        for (var i = start; i < end; i++)
        {
            if (!char.IsLetter(text[i]) && text[i] is not ('\'' or '-' or '.'))
                return false;
        }

        return true;
    }

    // §3.4: "PAGE 02        HARARE  03759  01 OF 03  111533Z", with the centred classification line(s) above it.
    private static void ScanOld(string text, int start, PrePassResult result)
    {
        var end = result.End;
        var p = start;
        while (p < end)
        {
            var next = text.AsSpan(p, end - p).IndexOfAny(OldPageHeader);
            if (next < 0)
                break;
            var at = p + next;
            p = at + 4;
            if (!TextScan.IsWordStart(text, at) || !TryReadOldHeader(text, at + 4, end, out var headerEnd))
                continue;

            result.PageBreaks.Add(TextSpan.FromBounds(at, headerEnd));
            result.Cuts.Add(CutOldHeader(text, start, end, at, headerEnd));
            p = headerEnd;
        }
    }

    private static bool TryReadOldHeader(string text, int offset, int end, out int headerEnd)
    {
        headerEnd = offset;

        // A header is short; a bounded look keeps many "PAGE" words on one long line linear.
        var lineEnd = TextScan.LineEnd(text, offset, Math.Min(end, offset + 120));
        var p = TextScan.SkipBlanks(text, offset, lineEnd);
        if (p == offset || !ReadDigits(text, ref p, lineEnd, 1, 3))
            return false;

        // The origin is cut to six characters and may hold a blank ("CAPE T", "VATICA", "STATE").
        var originStart = p = TextScan.SkipBlanks(text, p, lineEnd);
        while (p < lineEnd && !TextScan.IsDigit(text[p]) && p - originStart <= 16)
        {
            if (!char.IsLetter(text[p]) && text[p] is not (' ' or '\t' or '.' or '-' or '\''))
                return false;
            p++;
        }

        if (p == originStart || !char.IsLetter(text[originStart]) || !TextScan.IsWhite(text[p - 1]))
            return false;
        if (!ReadDigits(text, ref p, lineEnd, 5, 6) || !TextScan.IsWordEnd(text, p))
            return false;

        // Optional "01 OF 03", then the day-time "111533Z".
        var q = TextScan.SkipBlanks(text, p, lineEnd);
        var section = q;
        if (ReadDigits(text, ref section, lineEnd, 1, 2))
        {
            var of = TextScan.SkipBlanks(text, section, lineEnd);
            if (TextScan.IsWordAt(text, of, "OF"))
            {
                var count = TextScan.SkipBlanks(text, of + 2, lineEnd);
                if (ReadDigits(text, ref count, lineEnd, 1, 2))
                    q = TextScan.SkipBlanks(text, count, lineEnd);
            }
        }

        if (!ReadDigits(text, ref q, lineEnd, 6, 6) || q >= lineEnd || char.ToUpperInvariant(text[q]) != 'Z' || !TextScan.IsWordEnd(text, q + 1))
            return false;
        headerEnd = q + 1;
        return true;
    }

    private static Cut CutOldHeader(string text, int start, int end, int pageStart, int headerEnd)
    {
        // The centred classification line can share the line ("TBIO, UNCLASSIFIED    PAGE 02 …", §3.4 in TAGS).
        var cutStart = pageStart;
        var before = TextScan.BackOverBlanks(text, start, pageStart);
        var phraseStart = ClassificationPhraseEndingAt(text, Math.Max(start, before - 40), before);
        if (phraseStart >= 0)
            cutStart = phraseStart;
        var lineStart = TextScan.BackOverBlanks(text, start, cutStart);
        var prefixIsLine = lineStart == start || text[lineStart - 1] == '\n';

        var suffixIsLine = TextScan.AtLineEnd(text, headerEnd, end);
        var lineEnd = suffixIsLine ? TextScan.SkipBlanks(text, headerEnd, end) : headerEnd;

        if (prefixIsLine)
        {
            // Take the centred classification and SIPDIS lines above it with it (§3.4: the block can repeat).
            cutStart = lineStart;
            while (cutStart > start)
            {
                var previousStart = TextScan.LineStart(text, cutStart - 1);
                if (!IsPageFurniture(text, previousStart, cutStart - 1))
                    break;
                cutStart = previousStart;
            }
        }

        if (prefixIsLine && suffixIsLine)
            return CutLines(text, start, end, cutStart, headerEnd);
        if (prefixIsLine)
            return new Cut(cutStart, TextScan.SkipBlanks(text, headerEnd, end), null, IsPageBreak: true);
        if (suffixIsLine)
            return new Cut(cutStart, SkipBlankLines(text, lineEnd < end ? lineEnd + 1 : end, end), '\n', IsPageBreak: true);
        return InlineCut(text, cutStart, headerEnd, end);
    }

    // A break inside a line leaves one blank between the words on either side ("… to a TRIPOLI 00000220 002 OF 003 visit …").
    private static Cut InlineCut(string text, int start, int end, int limit) =>
        new(TextScan.BackOverBlanks(text, 0, start), TextScan.SkipBlanks(text, end, limit), ' ', IsPageBreak: true);

    /// <summary>
    /// The cut for a page break standing on lines of its own: the blank lines around it go too, so that the text on
    /// both sides joins (§3.4: "the text on both sides of the break belongs together"). A blank line is kept when the
    /// text before the break ended a sentence, so that blocks stay apart.
    /// </summary>
    private static Cut CutLines(string text, int start, int end, int firstLineStart, int lastContentEnd)
    {
        var cutStart = firstLineStart;
        while (cutStart > start)
        {
            var previousStart = TextScan.LineStart(text, cutStart - 1);
            if (!TextScan.IsBlank(text, previousStart, cutStart - 1))
                break;
            cutStart = previousStart;
        }

        var lineEnd = TextScan.LineEnd(text, lastContentEnd, end);
        var cutEnd = SkipBlankLines(text, lineEnd < end ? lineEnd + 1 : end, end);
        var last = TextScan.TrimEnd(text, start, cutStart);
        var endsSentence = last > start && text[last - 1] is '.' or '!' or '?' or ':' or ';' or ')' or '"';
        return new Cut(cutStart, cutEnd, endsSentence && cutEnd < end ? '\n' : null, IsPageBreak: true);
    }

    private static int SkipBlankLines(string text, int offset, int end)
    {
        var p = offset;
        while (p < end)
        {
            var lineEnd = TextScan.LineEnd(text, p, end);
            if (!TextScan.IsBlank(text, p, lineEnd))
                break;
            p = lineEnd < end ? lineEnd + 1 : end;
        }

        return p;
    }

    // A line that is blank, a lone classification word (centred) or SIPDIS: the furniture of an old page header.
    private static bool IsPageFurniture(string text, int lineStart, int lineEnd)
    {
        var p = TextScan.SkipBlanks(text, lineStart, lineEnd);
        if (p >= lineEnd)
            return true;
        var contentEnd = TextScan.TrimEnd(text, p, lineEnd);
        if (TextScan.IsWordAt(text, p, "SIPDIS") && p + 6 == contentEnd)
            return true;
        return ClassificationPhraseEndingAt(text, p, contentEnd) == p;
    }

    private static readonly string[] ClassificationPhrases = ["CONFIDENTIAL", "SECRET", "UNCLASSIFIED", "UNCLAS", "LIMITED OFFICIAL USE"];

    // Where a classification phrase ending at `end` starts, if one does and it starts at or after `limit`; else -1.
    private static int ClassificationPhraseEndingAt(string text, int limit, int end)
    {
        foreach (var phrase in ClassificationPhrases)
        {
            var phraseStart = end - phrase.Length;
            if (phraseStart >= limit && text.AsSpan(phraseStart, phrase.Length).SequenceEqual(phrase) && TextScan.IsWordStart(text, phraseStart))
                return phraseStart;
        }

        return -1;
    }

    // §1.4: CM-reader strips `\\[ ]*\n`; the backslash ending a line is a wrapper artefact, not text.
    private static void ScanLineEndBackslashes(string text, int start, PrePassResult result)
    {
        var end = result.End;
        var p = start;
        while (p < end)
        {
            var next = text.AsSpan(p, end - p).IndexOf('\\');
            if (next < 0)
                break;
            var at = p + next;
            var after = TextScan.SkipBlanks(text, at + 1, end);
            if (after >= end || text[after] == '\n')
                result.Cuts.Add(new Cut(at, at + 1, null));
            p = at + 1;
        }
    }

    private static bool ReadDigits(string text, ref int p, int limit, int min, int max)
    {
        var start = p;
        while (p < limit && TextScan.IsDigit(text[p]) && p - start < max)
            p++;
        if (p - start < min || (p < limit && TextScan.IsDigit(text[p])))
        {
            p = start;
            return false;
        }

        return true;
    }
}

/// <summary>What the pre-pass found, in source offsets.</summary>
internal sealed class PrePassResult
{
    /// <summary>The ranges to leave out of the cleaned body.</summary>
    public List<Cut> Cuts { get; } = [];

    /// <summary>The page-break lines, as found.</summary>
    public List<TextSpan> PageBreaks { get; } = [];

    /// <summary>Where the message ends (before NNNN or a foreign record).</summary>
    public int End { get; set; }
}

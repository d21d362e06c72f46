using CableArchive.Domain.Cables;

namespace CableArchive.Parsing.Body;

/// <summary>
/// Finds the summary (§8.3) and the comments (§8.4) in the text after the front matter. A summary starts at
/// <c>SUMMARY:</c>, <c>Summary.</c>, a heading (<c>------- SUMMARY -------</c>, <c>SUMMARY AND INTRODUCTION</c>) or
/// <c>BEGIN SUMMARY</c>, and ends at <c>END SUMMARY</c> (any case, split over lines, compound); it can cover several
/// paragraphs, whose numbers and marks are left out of its text. Comments run from <c>COMMENT:</c> to <c>END COMMENT</c>.
/// </summary>
/// <remarks>
/// One vectorised pass finds every marker word (by its doubled M); the readers then walk that short list, so the text is
/// read once.
/// </remarks>
internal static class Summaries
{
    private enum MarkerKind
    {
        Summary,
        Comment,
    }

    /// <param name="Kind">Which block the word names.</param>
    /// <param name="At">Where the word starts.</param>
    /// <param name="Length">The word's length.</param>
    /// <param name="ClosedAt">Where an <c>END</c> (or <c>END OF</c>) right before the word starts, or -1: the word then closes its block.</param>
    private readonly record struct Marker(MarkerKind Kind, int At, int Length, int ClosedAt);

    // "Summay" is a typo seen in a real cable (§8.3, 09OSLO146). END is not searched for: it is common in running text
    // ("spend", "recommend", "attend"), and it matters only right before a marker word, where it is looked for.
    // Every marker word has a doubled M two characters in: looking for "mm" in either case is a cheap vector test, where a
    // search for the three words themselves took a twentieth of a page's time.
    private const int DoubledMAt = 2;

    /// <summary>Reads the summary and the comments of [start, end).</summary>
    public static (TextBlock? Summary, List<TextBlock> Comments) Read(BodyText body, int start, int end, List<ParagraphPiece> pieces)
    {
        var markers = FindMarkers(body.Text, start, end);
        return (ReadSummary(body, start, end, pieces, markers), ReadComments(body, end, pieces, markers));
    }

    private static List<Marker> FindMarkers(string text, int start, int end)
    {
        var markers = new List<Marker>(8);
        var p = start + DoubledMAt;
        while (p < end)
        {
            var next = TextScan.IndexOfDoubledLetter(text.AsSpan(p, end - p), 'm');
            if (next < 0)
                break;
            var at = p + next - DoubledMAt;
            p += next + 1;
            if (!TextScan.IsWordStart(text, at))
                continue;

            // A marker word lies wholly in the range.
            if (IsMarkerWord(text, at, end, "SUMMARY"))
                markers.Add(new Marker(MarkerKind.Summary, at, 7, ClosingEndBefore(text, start, at)));
            else if (IsMarkerWord(text, at, end, "SUMMAY"))
                markers.Add(new Marker(MarkerKind.Summary, at, 6, ClosingEndBefore(text, start, at)));
            else if (IsMarkerWord(text, at, end, "COMMENT"))
                markers.Add(new Marker(MarkerKind.Comment, at, 7, ClosingEndBefore(text, start, at)));
        }

        return markers;

        static bool IsMarkerWord(string text, int at, int end, string word) => at + word.Length <= end && MatchWord(text, at, word);
    }

    // "END SUMMARY", "End\nSummary", "END OF SUMMARY": the END before a marker word, whitespace between, not before start.
    private static int ClosingEndBefore(string text, int start, int at)
    {
        var p = TextScan.TrimEnd(text, start, at);
        if (p - 2 >= start && TextScan.IsWordAt(text, p - 2, "OF"))
            p = TextScan.TrimEnd(text, start, p - 2);
        return p - 3 >= start && TextScan.IsWordAt(text, p - 3, "END") ? p - 3 : -1;
    }

    private static bool MatchWord(string text, int at, string word) =>
        TextScan.StartsWithIgnoreCase(text, at, word) && TextScan.IsWordEnd(text, at + word.Length);

    private static TextBlock? ReadSummary(BodyText body, int start, int end, List<ParagraphPiece> pieces, List<Marker> markers)
    {
        var text = body.Text;
        var opening = FindOpening(text, end, markers, MarkerKind.Summary, 0, out var contentStart);
        var close = FindClosing(markers, MarkerKind.Summary, opening >= 0 ? contentStart : start);
        int summaryStart, summaryEnd;
        if (opening >= 0)
        {
            summaryStart = SkipToContent(body, contentStart, end, pieces);
            summaryEnd = close >= 0 ? close : BlockEnd(text, summaryStart, end, pieces);
        }
        else if (close >= 0)
        {
            // §8.3, H7: "End Summary" without a start: the summary is the text from the first paragraph up to it.
            var first = pieces.Find(piece => piece.Paragraph.Number is not null);
            summaryStart = first is not null && first.ContentStart < close ? first.ContentStart : TextScan.SkipWhitespace(text, start, end);
            summaryEnd = close;
        }
        else
        {
            return null;
        }

        var content = Content(text, summaryStart, summaryEnd, pieces);
        return content.Length == 0 ? null : new TextBlock(content, body.ToSourceSpan(summaryStart, TextScan.TrimEnd(text, summaryStart, summaryEnd)));
    }

    private static List<TextBlock> ReadComments(BodyText body, int end, List<ParagraphPiece> pieces, List<Marker> markers)
    {
        var text = body.Text;
        var comments = new List<TextBlock>();
        var from = 0;
        while (comments.Count < 50)
        {
            var opening = FindOpening(text, end, markers, MarkerKind.Comment, from, out var contentStart);
            if (opening < 0)
                break;
            var close = FindClosing(markers, MarkerKind.Comment, contentStart);
            var commentStart = SkipToContent(body, contentStart, end, pieces);
            var commentEnd = close >= 0 ? close : BlockEnd(text, commentStart, end, pieces);
            var content = Content(text, commentStart, commentEnd, pieces);
            if (content.Length > 0)
                comments.Add(new TextBlock(content, body.ToSourceSpan(commentStart, TextScan.TrimEnd(text, commentStart, commentEnd))));

            // Go on after this comment.
            var resume = Math.Max(commentEnd, contentStart);
            from = markers.FindIndex(opening + 1, m => m.At >= resume);
            if (from < 0)
                break;
        }

        return comments;
    }

    /// <summary>
    /// Finds a start marker among <paramref name="markers"/> from index <paramref name="from"/>: the word opening a line, a
    /// paragraph, a parenthesis or a sentence, or after BEGIN or a dashed heading — not after END — and followed by a
    /// colon, a period, a dash, the end of its line, or a compound (<c>SUMMARY AND COMMENT:</c>, <c>Summary/Comment:</c>,
    /// <c>Summary continued:</c>). Returns the index of the marker and where its content starts, or -1.
    /// </summary>
    private static int FindOpening(string text, int end, List<Marker> markers, MarkerKind kind, int from, out int contentStart)
    {
        contentStart = 0;
        for (var i = Math.Max(0, from); i < markers.Count; i++)
        {
            var marker = markers[i];
            if (marker.Kind != kind || !OpensText(text, marker.At) || PrecededBy(text, marker.At, "END"))
                continue;

            // "SUMMARY AND COMMENT:" opens a summary, not a comment.
            if (kind == MarkerKind.Comment && (PrecededBy(text, marker.At, "AND") || (marker.At > 0 && text[marker.At - 1] == '/')))
                continue;

            var after = AfterCompound(text, marker.At + marker.Length, end);
            if (after >= 0)
            {
                contentStart = after;
                return i;
            }
        }

        return -1;
    }

    // "1. (C) SUMMARY:", "(Comment: …", "------- SUMMARY", "BEGIN SUMMARY", "… END SUMMARY. COMMENT: …" — but not
    // "declined to comment." nor "END SUMMARY".
    private static bool OpensText(string text, int at)
    {
        var p = at;
        while (p > 0 && text[p - 1] is ' ' or '\t')
            p--;
        if (p == 0 || text[p - 1] == '\n')
            return true;
        if (text[p - 1] is '(' or '.' or ')' or '-' or ':' or '=' or '‐' or '*')
            return true;
        return PrecededBy(text, at, "BEGIN");
    }

    // What follows the word: ":" / "." / "-" / line end, possibly after "AND …" / "/…" / "continued" (a few words).
    private static int AfterCompound(string text, int p, int end)
    {
        var lineEnd = TextScan.LineEnd(text, p, end);
        for (var words = 0; words <= 5; words++)
        {
            var q = TextScan.SkipBlanks(text, p, lineEnd);
            if (q >= lineEnd)
                return lineEnd;
            var c = text[q];
            if (c is ':' or '.' or '-' or '=' or '‐' or ')')
            {
                while (q < end && text[q] is ':' or '.' or '-' or '=' or '‐' or ' ' or ')')
                    q++;
                return q;
            }

            if (words == 0 && !(TextScan.IsWordAt(text, q, "AND") || c == '/' || TextScan.IsWordAt(text, q, "CONTINUED") || TextScan.IsWordAt(text, q, "STATEMENT")))
                return -1;
            if (c == '/')
            {
                p = q + 1;
                continue;
            }

            var wordEnd = q;
            while (wordEnd < lineEnd && char.IsLetter(text[wordEnd]))
                wordEnd++;
            if (wordEnd == q)
                return -1;
            p = wordEnd;
        }

        return -1;
    }

    private static bool PrecededBy(string text, int at, string word)
    {
        var p = at;
        while (p > 0 && TextScan.IsWhite(text[p - 1]))
            p--;
        var wordStart = p - word.Length;
        return wordStart >= 0 && TextScan.IsWordAt(text, wordStart, word);
    }

    /// <summary>Finds "END SUMMARY" / "End\nSummary" / "END OF SUMMARY" at or after <paramref name="from"/>; returns the offset of END or -1.</summary>
    private static int FindClosing(List<Marker> markers, MarkerKind kind, int from)
    {
        foreach (var marker in markers)
        {
            if (marker.Kind == kind && marker.ClosedAt >= from)
                return marker.ClosedAt;
        }

        return -1;
    }

    // Past blank lines and underlines to the text; past the number and mark when a paragraph starts there, and past a
    // "Summary:" (with its mark) that repeats the heading (H6, "------- SUMMARY -------" / "1. Summary: On March 21").
    private static int SkipToContent(BodyText body, int p, int end, List<ParagraphPiece> pieces)
    {
        var text = body.Text;
        for (var rounds = 0; rounds < 6; rounds++)
        {
            var q = TextScan.SkipWhitespace(text, p, end);
            var lineEnd = TextScan.LineEnd(text, q, end);
            if (q < end && Paragraphs.IsUnderline(text, q, lineEnd))
            {
                p = lineEnd;
                continue;
            }

            if (PieceAt(pieces, q) is { } piece && piece.ContentStart > q)
            {
                p = piece.ContentStart;
                continue;
            }

            if (q < end && text[q] == '(' && Paragraphs.ReadsAsMark(text, q, lineEnd))
            {
                p = text.IndexOf(')', q) + 1;
                continue;
            }

            if (TextScan.IsWordAt(text, q, "SUMMARY"))
            {
                var after = AfterCompound(text, q + 7, end);
                if (after > q)
                {
                    p = after;
                    continue;
                }
            }

            return q;
        }

        return TextScan.SkipWhitespace(text, p, end);
    }

    // The paragraph starting exactly at `offset` (pieces are in text order).
    private static ParagraphPiece? PieceAt(List<ParagraphPiece> pieces, int offset)
    {
        int low = 0, high = pieces.Count - 1;
        while (low <= high)
        {
            var middle = (low + high) / 2;
            var start = pieces[middle].Start;
            if (start == offset)
                return pieces[middle];
            if (start < offset)
                low = middle + 1;
            else
                high = middle - 1;
        }

        return null;
    }

    // Without an end marker: the block (up to a blank line) that starts the summary, within its paragraph.
    private static int BlockEnd(string text, int start, int end, List<ParagraphPiece> pieces)
    {
        var limit = end;
        foreach (var piece in pieces)
        {
            if (piece.Start > start)
            {
                limit = Math.Min(limit, piece.Start);
                break;
            }
        }

        for (var line = TextScan.NextLine(text, start, limit); line < limit; line = TextScan.NextLine(text, line, limit))
        {
            if (TextScan.IsBlank(text, line, TextScan.LineEnd(text, line, limit)))
                return line;
        }

        return limit;
    }

    // The text of [start, end) without the numbers and marks of the paragraphs it covers (H5), "Summary continued:" dropped.
    private static string Content(string text, int start, int end, List<ParagraphPiece> pieces)
    {
        if (end <= start)
            return "";
        var builder = new TrimmedText(end - start);
        var copied = start;
        foreach (var piece in pieces)
        {
            if (piece.Start <= start || piece.Start >= end)
                continue;
            builder.Append(text, copied, piece.Start - copied);
            copied = Math.Min(end, piece.ContentStart);
            if (TextScan.IsWordAt(text, copied, "SUMMARY") && TextScan.IsWordAt(text, TextScan.SkipBlanks(text, copied + 7, end), "CONTINUED")
                && AfterCompound(text, copied + 7, end) is var after && after > copied)
                copied = Math.Min(end, after);
        }

        if (copied < end)
            builder.Append(text, copied, end - copied);
        return builder.ToStringAndReturn();
    }
}

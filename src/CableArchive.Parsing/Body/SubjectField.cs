using System.Net;
using System.Text;

using CableArchive.Domain;
using CableArchive.Domain.Cables;
using CableArchive.Domain.Classification;

namespace CableArchive.Parsing.Body;

/// <summary>
/// Reads the SUBJECT line (§6.1): its own portion mark (<c>SUBJECT: (C/NF) …</c>), then the text over several lines up
/// to the first terminator — REF, Classified By, a blank line, the first paragraph, an underline, a page header, an
/// SBU statement or an action-request notice, even when glued on without a blank (<c>… PRIMEREF: A. LONDON 1939</c>).
/// </summary>
internal static class SubjectField
{
    private const int MaxLines = 8;

    private static readonly string[] InlineTerminators = ["SENSITIVE BUT ", "THIS IS AN ACTION REQ", "THIS MESSAGE IS SENSITIVE", "THIS IS AN ACTION CABLE"];

    /// <summary>Reads the subject that <paramref name="keyword"/> starts, up to <paramref name="bound"/>.</summary>
    public static (Subject Subject, int End) Read(ParseContext context, BodyText body, Keyword keyword, int bound)
    {
        var text = body.Text;
        var p = TextScan.SkipBlanks(text, keyword.ContentStart, bound);

        // "SUBJECT:" alone, the text below a blank line (§6.1, 09CAIRO1945).
        for (var skipped = 0; p < bound && text[p] == '\n' && skipped < 3; skipped++)
        {
            var next = TextScan.SkipWhitespace(text, p, bound);
            var nextEnd = TextScan.LineEnd(text, next, bound);
            if (next >= bound || IsTerminatorLine(text, next, nextEnd))
                break;
            p = next;
        }

        var marking = ReadMarking(context, body, ref p, bound);
        var textStart = p;
        var end = FindEnd(text, textStart, bound);
        var subjectText = Join(text, textStart, end);
        if (subjectText.Length == 0)
            context.Report(DiagnosticSeverity.Warning, body.ToSource(keyword.Start), "The SUBJECT line is empty.");
        return (new Subject(subjectText, marking, body.ToSourceSpan(textStart, end)), end);
    }

    /// <summary>Reads a portion mark in parentheses at <paramref name="p"/> (§6.1: the parser keeps the mark as a separate field).</summary>
    private static PortionMarking ReadMarking(ParseContext context, BodyText body, ref int p, int bound)
    {
        var text = body.Text;
        if (p >= bound || text[p] != '(')
            return PortionMarking.Unmarked;
        var lineEnd = TextScan.LineEnd(text, p, bound);
        var close = text.AsSpan(p, Math.Min(lineEnd - p, 42)).IndexOf(')');
        if (close < 0)
            return PortionMarking.Unmarked;

        var span = body.ToSourceSpan(p, p + close + 1);
        var marking = PortionMarks.Parse(text.AsSpan(p, close + 1), text.AsSpan(p + 1, close - 1), span);
        if (marking is null)
            return PortionMarking.Unmarked;
        if (marking.Status == MarkingStatus.Unreadable)
            context.Report(DiagnosticSeverity.Warning, span.Start, $"The SUBJECT's portion mark {marking.Raw} could not be read.");
        p = TextScan.SkipBlanks(text, p + close + 1, bound);
        return marking;
    }

    private static int FindEnd(string text, int start, int bound)
    {
        var lineStart = start;
        for (var lines = 0; lineStart < bound && lines < MaxLines; lines++)
        {
            var lineEnd = TextScan.LineEnd(text, lineStart, bound);
            if (lines > 0 && IsTerminatorLine(text, lineStart, lineEnd))
                return TextScan.TrimEnd(text, start, lineStart);
            var inline = FindInlineTerminator(text, lineStart, lineEnd);
            if (inline >= 0)
                return TextScan.TrimEnd(text, start, inline);
            if (lineEnd >= bound)
                return TextScan.TrimEnd(text, start, bound);
            lineStart = lineEnd + 1;
        }

        return TextScan.TrimEnd(text, start, Math.Min(lineStart, bound));
    }

    private static int FindInlineTerminator(string text, int start, int end)
    {
        for (var p = start; p < end; p++)
        {
            if (text[p] is ('S' or 's' or 'T' or 't') && TextScan.IsWordStart(text, p) && StartsWithTerminator(text, p))
                return p;
        }

        return -1;
    }

    /// <summary>A line that cannot continue a multi-line field: blank, a paragraph, an underline, a banner, a page header, a keyword.</summary>
    public static bool IsTerminatorLine(string text, int lineStart, int lineEnd)
    {
        var p = TextScan.SkipBlanks(text, lineStart, lineEnd);
        if (p >= lineEnd)
            return true;
        if (Paragraphs.IsNumberedLine(text, p, lineEnd) || Paragraphs.IsUnderline(text, p, lineEnd) || Keywords.StartsLine(text, p, lineEnd))
            return true;
        if (TextScan.IsWordAt(text, p, "PAGE") && p + 5 < lineEnd && TextScan.IsDigit(text[TextScan.SkipBlanks(text, p + 4, lineEnd)]))
            return true;
        if (Banner.TryRead(text, p, lineEnd) is { Serial: not null })
            return true;

        // "Summary: …" and "(SBU) Charge d'affaires spoke …" open the text; so does an SBU statement or an action notice.
        if (TextScan.IsWordAt(text, p, "SUMMARY") || (text[p] == '(' && Paragraphs.ReadsAsMark(text, p, lineEnd)))
            return true;
        return StartsWithTerminator(text, p);
    }

    private static bool StartsWithTerminator(string text, int p)
    {
        foreach (var terminator in InlineTerminators)
        {
            if (TextScan.StartsWithIgnoreCase(text, p, terminator))
                return true;
        }

        return false;
    }

    /// <summary>Joins the lines of [start, end) with single spaces; a line ending in a hyphen joins without one (<c>US-</c> / <c>LATIN</c>).</summary>
    private static string Join(string text, int start, int end)
    {
        if (end <= start)
            return "";
        var builder = new StringBuilder(end - start);
        var lineStart = start;
        while (lineStart < end)
        {
            var lineEnd = TextScan.LineEnd(text, lineStart, end);
            var piece = TextScan.Collapse(text, lineStart, lineEnd);
            if (piece.Length > 0)
            {
                var hyphenated = builder.Length > 1 && builder[^1] == '-' && char.IsLetterOrDigit(builder[^2]);
                if (builder.Length > 0 && !hyphenated)
                    builder.Append(' ');
                builder.Append(piece);
            }

            lineStart = lineEnd + 1;
        }

        var joined = builder.ToString();

        // §6.1 E9: entities such as &#8217; can survive in the text.
        return joined.Contains('&') ? WebUtility.HtmlDecode(joined) : joined;
    }
}

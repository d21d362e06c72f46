using System.Buffers;
using CableArchive.Domain;
using CableArchive.Domain.Cables;
using CableArchive.Domain.Classification;

namespace CableArchive.Parsing.Body;

/// <summary>A paragraph as read, with cleaned offsets kept for the summary and comment readers.</summary>
/// <param name="Start">Where the portion starts (number included).</param>
/// <param name="ContentStart">Where its text starts (after number and mark).</param>
/// <param name="End">Where it ends.</param>
/// <param name="Paragraph">The domain record.</param>
internal sealed record ParagraphPiece(int Start, int ContentStart, int End, Paragraph Paragraph);

/// <summary>
/// Splits the text after the front matter into portions (§8): numbered paragraphs <c>¶2. (S)</c>, <c>2. (C//NF)</c>,
/// <c>1.(U)</c>; lettered sub-paragraphs with their own mark <c>A. (C) …</c>; and unnumbered blocks. Reads each portion's
/// mark with <see cref="PortionMarking.Parse"/>, which rejects non-marks such as <c>(U.S.)</c> (§8.1).
/// </summary>
internal static class Paragraphs
{
    // A single-string SearchValues anchors on its rarer letters; IndexOf("SIPDIS") anchors on the two S's, common in
    // capitals, and was a twentieth of a page's time.
    private static readonly SearchValues<string> Sipdis = SearchValues.Create(["SIPDIS"], StringComparison.Ordinal);

    /// <summary>Whether a numbered paragraph starts at <paramref name="p"/> (the first non-blank of a line): <c>¶?\d{1,3}\.</c>
    /// followed by a blank, a parenthesis or a capital (<c>1.Embassy London</c>), but not a decimal (<c>1.4</c>).</summary>
    public static bool IsNumberedLine(string text, int p, int lineEnd) => ReadNumber(text, p, lineEnd, out _, out _);

    /// <summary>Whether the line at <paramref name="p"/> is an underline (<c>-----</c>, <c>=====</c>, <c>‐‐‐‐</c>).</summary>
    public static bool IsUnderline(string text, int p, int lineEnd)
    {
        var end = TextScan.TrimEnd(text, p, lineEnd);
        if (end - p < 3)
            return false;
        for (var i = p; i < end; i++)
        {
            if (text[i] is not ('-' or '=' or '_' or '‐' or '*' or ' '))
                return false;
        }

        return true;
    }

    /// <summary>Whether a parenthesis at <paramref name="p"/> holds a portion mark (<c>(SBU)</c>, <c>(C/NF)</c>).</summary>
    public static bool ReadsAsMark(string text, int p, int lineEnd)
    {
        if (p >= lineEnd || text[p] != '(')
            return false;
        var close = text.AsSpan(p, Math.Min(lineEnd - p, 42)).IndexOf(')');
        return close > 1 && PortionMarks.IsMark(text.AsSpan(p, close + 1));
    }

    /// <summary>Reads the portions of [start, end) of the cleaned body.</summary>
    /// <param name="context">For diagnostics.</param>
    /// <param name="body">The cleaned body.</param>
    /// <param name="start">Where the text starts (after the front matter).</param>
    /// <param name="end">Where it ends (before the signature).</param>
    /// <param name="sawSipdis">Set when SIPDIS stood inside the text (§3.2, H8); it is removed from the portion's text.</param>
    public static List<ParagraphPiece> Read(ParseContext context, BodyText body, int start, int end, out TextSpan? sawSipdis)
    {
        var text = body.Text;
        TextSpan? sipdis = null;
        var pieces = new List<ParagraphPiece>(Math.Max(4, (end - start) / 400));
        var lastNumber = 0;
        var blockStart = -1;
        var current = -1;
        var currentNumber = 0;
        char currentLetter = '\0';

        // The label of the current piece's own mark (null when it has none that could be read), and for a piece split
        // off at a mark inside a paragraph, the label of the paragraph it was split from.
        ClassificationLabel? currentLabel = null;
        ClassificationLabel? currentAtLeast = null;

        for (var line = start; line < end;)
        {
            var lineEnd = TextScan.LineEnd(text, line, end);
            var p = TextScan.SkipBlanks(text, line, lineEnd);
            var next = lineEnd < end ? lineEnd + 1 : end;

            if (ReadNumber(text, p, lineEnd, out var number, out var afterNumber) && IsPlausible(text, p, number, lastNumber))
            {
                Close(line);
                current = p;
                currentNumber = number;
                currentLetter = '\0';
                currentLabel = MarkLabelAt(text, TextScan.SkipBlanks(text, afterNumber, lineEnd), lineEnd);
                currentAtLeast = null;
                lastNumber = number;
                line = next;
                continue;
            }

            if (lastNumber > 0 && ReadLetter(text, p, lineEnd, out var letter))
            {
                Close(line);
                current = p;
                currentNumber = 0;
                currentLetter = letter;
                currentLabel = MarkLabelAt(text, TextScan.SkipBlanks(text, p + 2, lineEnd), lineEnd);
                currentAtLeast = null;
                line = next;
                continue;
            }

            // A mark first on its line where a portion starts, inside a marked paragraph ("… as needed." / "(S/REL NATO)
            // CONTINGENCY POINTS", 10STATE7810; a heading "(S) IRAN,S NUCLEAR PROGRAM" under an underline, 09DOHA728):
            // the text from there is a portion of its own, read at its mark joined with the paragraph's, so that it is
            // never read below the paragraph it stands in, and the paragraph's own text is read at the paragraph's mark.
            if (current >= 0 && currentLabel is { } paragraphLabel && MarkLabelAt(text, p, lineEnd) is { } ownLabel
                && InnerMarks.StartsPortion(text, current, p) && !InnerMarks.IsListLetter(text, current, p, p))
            {
                Close(line);
                current = p;
                currentNumber = 0;
                currentLetter = '\0';
                currentAtLeast = paragraphLabel;
                currentLabel = ownLabel.Join(paragraphLabel);
                line = next;
                continue;
            }

            // Before the first number, blank lines separate unnumbered blocks.
            if (current < 0)
            {
                var blank = p >= lineEnd;
                if (blank && blockStart >= 0)
                {
                    AddBlock(blockStart, line);
                    blockStart = -1;
                }
                else if (!blank && blockStart < 0)
                {
                    blockStart = p;
                }
            }

            line = next;
        }

        Close(end);
        sawSipdis = sipdis;
        return pieces;

        void Close(int at)
        {
            if (blockStart >= 0)
            {
                AddBlock(blockStart, at);
                blockStart = -1;
            }

            if (current < 0)
                return;
            var pieceEnd = TextScan.TrimEnd(text, current, at);
            if (currentAtLeast is not null)
                pieces.Add(MakePiece(context, body, current, pieceEnd, null, 0, ref sipdis, currentAtLeast));
            else if (currentLetter != '\0')
                pieces.Add(MakePiece(context, body, current, pieceEnd, currentLetter.ToString(), 1, ref sipdis));
            else
                pieces.Add(MakePiece(context, body, current, pieceEnd, currentNumber.ToString(System.Globalization.CultureInfo.InvariantCulture), 0, ref sipdis));
            current = -1;
        }

        void AddBlock(int from, int to)
        {
            var blockEnd = TextScan.TrimEnd(text, from, to);
            if (blockEnd <= from || IsUnderline(text, from, blockEnd) || IsOnlySipdis(text, from, blockEnd)
                || text.AsSpan(from, blockEnd - from).IndexOfAnyExcept(". \t\n") < 0)
                return;
            pieces.Add(MakePiece(context, body, from, blockEnd, null, 0, ref sipdis));
        }
    }

    private static bool ReadNumber(string text, int p, int lineEnd, out int number, out int after)
    {
        number = 0;
        after = p;
        if (p < lineEnd && text[p] == '¶')
            p = TextScan.SkipBlanks(text, p + 1, lineEnd);
        var digits = p;
        while (p < lineEnd && TextScan.IsDigit(text[p]) && p - digits < 4)
            number = number * 10 + (text[p++] - '0');
        if (p == digits || p - digits > 3 || p >= lineEnd || text[p] != '.')
            return false;
        var c = p + 1 < lineEnd ? text[p + 1] : ' ';
        if (!(TextScan.IsWhite(c) || c == '(' || char.IsUpper(c) || c == '\n'))
            return false;
        after = p + 1;
        return number > 0;
    }

    // Paragraph numbers go up one at a time (gaps happen). A number out of that sequence still starts a paragraph after a
    // blank line (a repeated "6.", 79TEHRAN8980; "8. (C)" after "8. (SBU)", 08LAPAZ2458), and so does one with WikiLeaks'
    // ¶ anchor; neither does where the text before it ends mid-sentence: a wrapped sentence put the number at the start of
    // a line ("… posed in paragraph" / "" / "3. Koenig", 08BERLIN1068; "… on September" / "¶15. Charge told",
    // 06MADRID2335; "… January 2 and 3," / "¶2010.", 10KABUL62).
    private static bool IsPlausible(string text, int p, int number, int lastNumber)
    {
        if (lastNumber == 0 ? number <= 9 : number == 1 || (number > lastNumber && number <= lastNumber + 3))
            return true;
        var (blankBetween, midSentence) = TextBefore(text, p);
        return !midSentence && (blankBetween || text[p] == '¶');
    }

    // Whether blank lines stand between the line at `p` and the last line of text before it, and whether that line ends
    // with a word or a comma.
    private static (bool BlankBetween, bool MidSentence) TextBefore(string text, int p)
    {
        var lineStart = TextScan.LineStart(text, p);
        var blankBetween = false;
        while (lineStart >= 2)
        {
            var previousStart = TextScan.LineStart(text, lineStart - 1);
            var previousEnd = TextScan.TrimEnd(text, previousStart, lineStart - 1);
            if (previousEnd > previousStart)
                return (blankBetween, char.IsLetter(text[previousEnd - 1]) || text[previousEnd - 1] == ',');
            blankBetween = true;
            lineStart = previousStart;
        }

        return (true, false);
    }

    // "A. (C) …": a lettered sub-paragraph carrying its own mark (§8.1).
    private static bool ReadLetter(string text, int p, int lineEnd, out char letter)
    {
        letter = '\0';
        if (p < lineEnd && text[p] == '¶')
            p = TextScan.SkipBlanks(text, p + 1, lineEnd);
        if (p + 2 >= lineEnd || !char.IsUpper(text[p]) || text[p + 1] != '.' || !TextScan.IsWhite(text[p + 2]))
            return false;
        var mark = TextScan.SkipBlanks(text, p + 2, lineEnd);
        if (!ReadsAsMark(text, mark, lineEnd))
            return false;
        letter = text[p];
        return true;
    }

    // The label of a readable mark in parentheses at `p`; null when none stands there or it cannot be read.
    private static ClassificationLabel? MarkLabelAt(string text, int p, int lineEnd) =>
        InnerMarks.ReadMark(text, p, lineEnd) is { Status: MarkingStatus.Marked, Label: { } label } ? label : null;

    // `atLeast`: for a piece split off a paragraph at its own mark, the paragraph's label, which it is read at least at.
    private static ParagraphPiece MakePiece(ParseContext context, BodyText body, int start, int end, string? number, int level, ref TextSpan? sawSipdis, ClassificationLabel? atLeast = null)
    {
        var text = body.Text;
        var p = start;
        if (number is not null)
        {
            if (text[p] == '¶')
                p++;
            while (p < end && text[p] != '.')
                p++;
            p = Math.Min(end, p + 1);
        }

        var marking = ReadMarking(context, body, ref p, end);
        var content = TextScan.SkipWhitespace(text, p, end);
        var (inner, innerUnreadable, firstInner) = InnerMarks.Read(text, content, end);
        if (inner is not null || innerUnreadable)
        {
            marking = marking with { Inner = inner, InnerUnreadable = innerUnreadable };
            if (innerUnreadable || marking.Status != MarkingStatus.Marked || marking.Label is null || !marking.Label.Dominates(inner!))
            {
                context.Report(DiagnosticSeverity.Warning, body.ToSource(content),
                    $"Paragraph {number ?? "(unnumbered)"} holds the mark {firstInner} inside its text; it is read at the join of its marks.");
            }
        }

        if (atLeast is not null)
            marking = marking with { Inner = marking.Inner is { } raised ? raised.Join(atLeast) : atLeast };

        var paragraph = new Paragraph
        {
            Number = number,
            Level = level,
            Marking = marking,
            Text = ContentText(body, content, end, ref sawSipdis),
            Span = body.ToSourceSpan(start, end),
        };
        return new ParagraphPiece(start, content, end, paragraph);
    }

    /// <summary>
    /// Reads the mark after a paragraph number: <c>(S//NF)</c>; malformed <c>C)</c>, <c>SBU)</c>; <c>(C - ENTIRE TEXT).</c>;
    /// <c>CONFIDENTIAL - ENTIRE TEXT.</c>; after a leading <c>Summary:</c> (H6); a redaction in its place reads as unreadable (H4).
    /// </summary>
    private static PortionMarking ReadMarking(ParseContext context, BodyText body, ref int p, int end)
    {
        var text = body.Text;
        var q = TextScan.SkipBlanks(text, p, end);
        var lineEnd = TextScan.LineEnd(text, q, end);

        if (TryReadParenthesised(context, body, q, lineEnd, out var marking, out var after))
        {
            p = after;
            return marking;
        }

        // "1. C) Content", "2. SBU) Content".
        var close = q;
        while (close < lineEnd && close - q < 8 && (char.IsLetter(text[close]) || text[close] == '/'))
            close++;
        if (close > q && close < lineEnd && text[close] == ')')
        {
            var span = body.ToSourceSpan(q, close + 1);
            if (PortionMarks.Parse(text.AsSpan(q, close - q + 1), text.AsSpan(q, close - q), span) is { } malformed)
            {
                p = close + 1;
                return Report(context, malformed);
            }
        }

        // "1. CONFIDENTIAL - ENTIRE TEXT." (1990s).
        if (Banner.TryReadLevel(text, q, lineEnd, out var level, out var levelEnd))
        {
            var rest = TextScan.SkipBlanks(text, levelEnd, lineEnd);
            if (rest < lineEnd && text[rest] is '-' or '.')
            {
                var markEnd = rest;
                if (text[rest] == '-' && TextScan.StartsWithIgnoreCase(text, TextScan.SkipBlanks(text, rest + 1, lineEnd), "ENTIRE TEXT"))
                    markEnd = TextScan.SkipBlanks(text, rest + 1, lineEnd) + "ENTIRE TEXT".Length;
                if (markEnd < lineEnd && text[markEnd] == '.')
                    markEnd++;
                p = markEnd;
                return new PortionMarking(MarkingStatus.Marked, new ClassificationLabel(level), text[q..markEnd].Trim(), body.ToSourceSpan(q, markEnd));
            }
        }

        // "1.  Summary: (SBU) Japanese …": the mark after a leading summary word.
        if (TextScan.IsWordAt(text, q, "SUMMARY"))
        {
            var m = TextScan.SkipBlanks(text, q + 7, lineEnd);
            if (m < lineEnd && text[m] is ':' or '.')
                m = TextScan.SkipBlanks(text, m + 1, lineEnd);
            if (TryReadParenthesised(context, body, m, lineEnd, out var late, out _))
                return late;
        }

        // "¶2. XXXXXXXXXXXX": the mark was redacted with the text (§10, H4); never read it as unclassified.
        var x = q;
        while (x < lineEnd && text[x] is 'X' or 'x')
            x++;
        if (x - q >= 4)
        {
            var span = body.ToSourceSpan(q, x);
            return new PortionMarking(MarkingStatus.Unreadable, null, text.Substring(q, x - q), span);
        }

        return PortionMarking.Unmarked;
    }

    private static bool TryReadParenthesised(ParseContext context, BodyText body, int q, int lineEnd, out PortionMarking marking, out int after)
    {
        var text = body.Text;
        marking = PortionMarking.Unmarked;
        after = q;
        if (q >= lineEnd || text[q] != '(')
            return false;
        var close = text.AsSpan(q, Math.Min(lineEnd - q, 42)).IndexOf(')');
        if (close <= 1)
            return false;

        // "(C - ENTIRE TEXT)" (79TEHRAN12130): the level before the dash.
        var inner = text.AsSpan(q + 1, close - 1);
        var entire = inner.IndexOf("ENTIRE TEXT", StringComparison.OrdinalIgnoreCase);
        if (entire > 0)
            inner = inner[..entire].TrimEnd().TrimEnd('-').TrimEnd();

        var span = body.ToSourceSpan(q, q + close + 1);
        if (PortionMarks.Parse(text.AsSpan(q, close + 1), inner, span) is not { } parsed)
            return false;
        marking = Report(context, parsed);
        after = q + close + 1;
        if (after < lineEnd && text[after] == '.')
            after++;
        return true;
    }

    private static PortionMarking Report(ParseContext context, PortionMarking marking)
    {
        if (marking.Status == MarkingStatus.Unreadable)
            context.Report(DiagnosticSeverity.Warning, marking.Span.Start, $"The portion mark {marking.Raw} could not be read; the portion is treated as the banner with all its caveats.");
        return marking;
    }

    /// <summary>
    /// The text of a portion: [start, end) with SIPDIS removed where it strayed into the text (§3.2: "SIPDIS also turns up
    /// inside running text"; H8), page breaks being already cut from the body.
    /// </summary>
    private static string ContentText(BodyText body, int start, int end, ref TextSpan? sawSipdis)
    {
        var text = body.Text;
        if (end <= start)
            return "";
        var at = text.AsSpan(start, end - start).IndexOfAny(Sipdis);
        if (at < 0)
            return text.Substring(start, end - start);

        var builder = new TrimmedText(end - start);
        var copied = start;
        for (var p = start + at; p >= 0 && p < end; )
        {
            var blanksBefore = TextScan.BackOverBlanks(text, start, p);
            var opensLine = blanksBefore == start || text[blanksBefore - 1] == '\n';
            if (opensLine && TextScan.IsWordAt(text, p, "SIPDIS") && p >= copied)
            {
                sawSipdis ??= body.ToSourceSpan(p, p + 6);
                builder.Append(text, copied, p - copied);
                copied = TextScan.SkipBlanks(text, p + 6, end);

                // A line holding only SIPDIS goes with its newline.
                if (copied < end && text[copied] == '\n')
                    copied++;
            }

            var next = text.AsSpan(p + 6, Math.Max(0, end - p - 6)).IndexOfAny(Sipdis);
            p = next < 0 ? -1 : p + 6 + next;
        }

        builder.Append(text, copied, end - copied);
        return builder.ToStringAndReturn();
    }

    private static bool IsOnlySipdis(string text, int start, int end)
    {
        var p = TextScan.SkipWhitespace(text, start, end);
        return TextScan.IsWordAt(text, p, "SIPDIS") && TextScan.IsBlank(text, p + 6, end);
    }
}

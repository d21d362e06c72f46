using CableArchive.Domain.Classification;

namespace CableArchive.Parsing.Body;

/// <summary>
/// Finds portion marks written inside a portion's text (§8.2), where the paragraph structure made no portion of their
/// own: bullets and questions under a paragraph (<c>-- (S) …</c>, <c>1) (S/NF) WHO IN TEHRAN …</c>, 09STATE6423), headings
/// between underlines (<c>(S) IRAN'S NUCLEAR PROGRAM</c>, 09DOHA728), a mark after a run-in heading (<c>Freedom Fighters:
/// (S//NF) The October 31 kidnapping</c>, 08STATE116943), a paragraph whose number broke the sequence (<c>8. (C)</c> after
/// <c>8. (SBU)</c>). Their join raises the portion's label (<see cref="PortionMarking.Inner"/>): text marked above the
/// portion around it must never be read at the portion's level.
/// </summary>
/// <remarks>
/// A mark counts where a portion could start (at the start of a line, after a bullet or a list number, after the end of a
/// sentence or a colon), followed by a blank or a capital. A parenthesis that cannot be read as a mark counts only where
/// a portion starts, not first on a line that continues a sentence. In running text, parentheses after a word or a
/// number are something else (<c>1.4 (b) and (d)</c>, <c>Detention Facility (S/GC),</c>), and so is a lower-case letter
/// (<c>(c)</c>). A single letter in a lettered list is not a mark: <c>(C)</c> when <c>(B)</c> stands in the same text.
/// </remarks>
internal static class InnerMarks
{
    /// <summary>Reads the marks inside [start, end) of <paramref name="text"/>.</summary>
    /// <returns>The join of the readable ones (null for none), whether one could not be read, and the first one's raw text.</returns>
    public static (ClassificationLabel? Inner, bool Unreadable, string? First) Read(string text, int start, int end)
    {
        ClassificationLabel? inner = null;
        var unreadable = false;
        string? first = null;
        string? listLetters = null;
        for (var p = text.IndexOf('(', start, end - start); p >= 0; p = p + 1 < end ? text.IndexOf('(', p + 1, end - p - 1) : -1)
        {
            if (ReadMark(text, p, end) is not { } mark)
                continue;
            var position = Position(text, start, p);
            if (position == Place.InText)
                continue;
            if (p + 2 < end && text[p + 2] == ')')
            {
                listLetters ??= ListLetters(text, start, end);
                if (listLetters.Contains((char)(text[p + 1] - 1)))
                    continue;
            }

            if (mark.Status == MarkingStatus.Marked && mark.Label is { } label)
                inner = inner is null ? label : inner.Join(label);
            else if (position == Place.PortionStart)
                unreadable = true;
            else
                continue; // "…Confederation of Brazil" / "(CUT) -- and …": a name the line wrap put first, not a garbled mark.
            first ??= mark.Raw;
        }

        return (inner, unreadable, first);
    }

    /// <summary>
    /// The mark in parentheses at <paramref name="p"/>, if one stands there: upper case, closed on the same line, and
    /// followed by a blank or by the capital of the text it marks (<c>(S)The point</c>); null otherwise.
    /// </summary>
    public static PortionMarking? ReadMark(string text, int p, int end)
    {
        if (p + 2 >= end || text[p] != '(' || !char.IsAsciiLetterUpper(text[p + 1]))
            return null;
        var window = text.AsSpan(p, Math.Min(end - p, 42));
        var close = window.IndexOfAny(')', '\n');
        if (close <= 1 || window[close] != ')' || (p + close + 1 < end && !TextScan.IsWhite(text[p + close + 1]) && !char.IsAsciiLetterUpper(text[p + close + 1])))
            return null;
        return PortionMarks.Parse(text.AsSpan(p, close + 1), text.AsSpan(p + 1, close - 1), default);
    }

    /// <summary>
    /// Whether a mark at <paramref name="p"/>, the first thing on its line, stands where a portion starts: after a blank
    /// line, an underline, or a line that ends a sentence or with a colon.
    /// </summary>
    public static bool StartsPortion(string text, int start, int p) => Position(text, start, p) == Place.PortionStart;

    private enum Place
    {
        /// <summary>After a word or a number in running text: not a mark.</summary>
        InText,

        /// <summary>First on a line that continues a sentence: a mark if it reads as one.</summary>
        WrappedLine,

        /// <summary>Where a portion starts: the text's start, after a bullet or list number, a sentence's end, a colon, a blank line.</summary>
        PortionStart,
    }

    // Back over blanks from the parenthesis at `p`.
    private static Place Position(string text, int start, int p)
    {
        var q = p;
        while (q > start && text[q - 1] is ' ' or '\t')
            q--;
        if (q == start)
            return Place.PortionStart;
        if (text[q - 1] == '\n')
            return EndsSentence(text, start, q - 1, lineBefore: true) ? Place.PortionStart : Place.WrappedLine;
        if (EndsSentence(text, start, q, lineBefore: false))
            return Place.PortionStart;

        // A bullet or a list number, alone before the mark at the start of its line.
        var lineStart = q;
        while (lineStart > start && text[lineStart - 1] != '\n' && q - lineStart <= 8)
            lineStart--;
        var head = text.AsSpan(lineStart, q - lineStart).Trim();
        return head.Length is > 0 and <= 4 && IsBulletOrNumber(head) ? Place.PortionStart : Place.InText;
    }

    // Whether the text before `end` (blanks skipped) is the end of a sentence or a colon; for the line before, also
    // nothing, a blank line or an underline.
    private static bool EndsSentence(string text, int start, int end, bool lineBefore)
    {
        var q = end;
        while (q > start && text[q - 1] is ' ' or '\t' or '\r')
            q--;
        if (q == start || text[q - 1] == '\n')
            return lineBefore;
        var before = text[q - 1];
        return before is '.' or '!' or '?' or ':' or ';' || (lineBefore && before is '-' or '=' or '_')
            || (before is '"' or '\u201D' or ')' && q - 2 >= start && text[q - 2] is '.' or '!' or '?');
    }

    // "-", "--", "*", "o", "•", "1)", "12.", "a)", "A.", "(2)", "(b)".
    private static bool IsBulletOrNumber(ReadOnlySpan<char> head)
    {
        if (head.IndexOfAnyExcept("-*•o–—") < 0)
            return true;
        var inner = head;
        if (inner[0] == '(' && inner[^1] == ')')
            inner = inner[1..^1];
        else if (inner[^1] is ')' or '.')
            inner = inner[..^1];
        else
            return false;
        return inner.Length > 0 && (inner.IndexOfAnyExcept("0123456789") < 0 || (inner.Length == 1 && char.IsAsciiLetter(inner[0])));
    }

    /// <summary>
    /// Whether the single letter in parentheses at <paramref name="p"/> continues a lettered list of [start, end):
    /// "(A) … (B) … (C) …", where the letter before it also stands in parentheses.
    /// </summary>
    public static bool IsListLetter(string text, int start, int end, int p) =>
        p + 2 < text.Length && text[p + 2] == ')' && ListLetters(text, start, end).Contains((char)(text[p + 1] - 1));

    // The letters before the single-letter marks (B, R, T) that stand in parentheses in [start, end).
    private static string ListLetters(string text, int start, int end)
    {
        var span = text.AsSpan(start, end - start);
        return string.Concat(
            span.Contains("(B)", StringComparison.Ordinal) ? "B" : "",
            span.Contains("(R)", StringComparison.Ordinal) ? "R" : "",
            span.Contains("(T)", StringComparison.Ordinal) ? "T" : "");
    }
}

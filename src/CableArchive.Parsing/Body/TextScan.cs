using System.Buffers;
using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace CableArchive.Parsing.Body;

/// <summary>
/// Small scanning helpers over a string and offsets, shared by the body readers. Everything is bounds-checked:
/// an offset outside the text is treated as the end of the text, never as an error.
/// </summary>
internal static class TextScan
{
    /// <summary>Blanks inside a line (§12: "Treat blank as ^\s*$"; tabs and no-break spaces occur).</summary>
    public static readonly SearchValues<char> InlineBlanks = SearchValues.Create(" \t\r\u00A0\f\v");

    /// <summary>ASCII digits.</summary>
    public static readonly SearchValues<char> Digits = SearchValues.Create("0123456789");

    /// <summary>
    /// Where <paramref name="text"/> first holds an ASCII letter twice in a row, in either case (<c>mm</c>, <c>MM</c>,
    /// <c>Mm</c>), or -1. <paramref name="lowerCase"/> is the letter in lower case.
    /// </summary>
    public static int IndexOfDoubledLetter(ReadOnlySpan<char> text, char lowerCase)
    {
        // Setting the case bit (0x20) turns the capital into the small letter and no other character into it.
        var i = 0;
        if (Vector256.IsHardwareAccelerated)
        {
            ref var first = ref Unsafe.As<char, ushort>(ref MemoryMarshal.GetReference(text));
            var letter = Vector256.Create((ushort)lowerCase);
            var caseBit = Vector256.Create((ushort)0x20);
            for (; i + Vector256<ushort>.Count < text.Length; i += Vector256<ushort>.Count)
            {
                var here = Vector256.Equals(Vector256.LoadUnsafe(ref first, (nuint)i) | caseBit, letter);
                var next = Vector256.Equals(Vector256.LoadUnsafe(ref first, (nuint)(i + 1)) | caseBit, letter);
                var both = (here & next).ExtractMostSignificantBits();
                if (both != 0)
                    return i + BitOperations.TrailingZeroCount(both);
            }
        }

        for (; i + 1 < text.Length; i++)
        {
            if ((text[i] | 0x20) == lowerCase && (text[i + 1] | 0x20) == lowerCase)
                return i;
        }

        return -1;
    }

    /// <summary>Start of the line holding <paramref name="offset"/>.</summary>
    public static int LineStart(string text, int offset)
    {
        if (offset <= 0)
            return 0;
        if (offset > text.Length)
            offset = text.Length;
        var newline = text.AsSpan(0, offset).LastIndexOf('\n');
        return newline + 1;
    }

    /// <summary>
    /// Whether only blanks stand between the start of its line and <paramref name="offset"/>. Looks back over blanks only,
    /// so that checking many offsets on one long line stays linear.
    /// </summary>
    public static bool AtLineStart(string text, int offset)
    {
        var p = BackOverBlanks(text, 0, offset);
        return p == 0 || text[p - 1] == '\n';
    }

    /// <summary>Moves back from <paramref name="offset"/> over blanks (not newlines), not below <paramref name="limit"/>.</summary>
    public static int BackOverBlanks(string text, int limit, int offset)
    {
        offset = Math.Min(offset, text.Length);
        while (offset > limit && text[offset - 1] is ' ' or '\t' or '\r' or '\u00A0')
            offset--;
        return offset;
    }

    /// <summary>Whether only blanks stand between <paramref name="offset"/> and the end of its line (or <paramref name="limit"/>).</summary>
    public static bool AtLineEnd(string text, int offset, int limit)
    {
        var p = SkipBlanks(text, offset, limit);
        return p >= Math.Min(limit, text.Length) || text[p] == '\n';
    }

    /// <summary>Offset of the newline ending the line at <paramref name="offset"/>, or <paramref name="limit"/>.</summary>
    public static int LineEnd(string text, int offset, int limit)
    {
        limit = Math.Min(limit, text.Length);
        if (offset >= limit)
            return limit;
        var newline = text.AsSpan(offset, limit - offset).IndexOf('\n');
        return newline < 0 ? limit : offset + newline;
    }

    /// <summary>Start of the next line after the one at <paramref name="offset"/>, or <paramref name="limit"/>.</summary>
    public static int NextLine(string text, int offset, int limit)
    {
        var end = LineEnd(text, offset, limit);
        return end < limit ? end + 1 : limit;
    }

    /// <summary>Whether the characters in [start, end) are all blanks (a blank line, §12).</summary>
    public static bool IsBlank(string text, int start, int end)
    {
        if (start >= end)
            return true;
        return text.AsSpan(start, end - start).IndexOfAnyExcept(InlineBlanks) < 0;
    }

    /// <summary>Skips blanks (not newlines) from <paramref name="offset"/>.</summary>
    public static int SkipBlanks(string text, int offset, int limit)
    {
        limit = Math.Min(limit, text.Length);
        if (offset >= limit)
            return limit;

        // Runs of blanks are short (one space after a colon, an indent): a plain loop beats a vectorised search's set-up.
        while (offset < limit && text[offset] is ' ' or '\t' or '\r' or '\u00A0' or '\f' or '\v')
            offset++;
        return offset;
    }

    /// <summary>Skips blanks and newlines from <paramref name="offset"/>.</summary>
    public static int SkipWhitespace(string text, int offset, int limit)
    {
        limit = Math.Min(limit, text.Length);
        while (offset < limit && IsWhite(text[offset]))
            offset++;
        return offset;
    }

    /// <summary>Moves back from <paramref name="end"/> over whitespace, not below <paramref name="start"/>.</summary>
    public static int TrimEnd(string text, int start, int end)
    {
        while (end > start && IsWhite(text[end - 1]))
            end--;
        return end;
    }

    /// <summary>Whitespace of any kind, including the no-break space.</summary>
    /// <remarks>Tab, newline, vertical tab, form feed and carriage return are the range U+0009–U+000D. Inlined: it runs for
    /// nearly every character some readers look at.</remarks>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static bool IsWhite(char c) => c is ' ' or (>= '\t' and <= '\r') or '\u00A0';

    /// <summary>An ASCII digit.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static bool IsDigit(char c) => c is >= '0' and <= '9';

    /// <summary>Whether the character before <paramref name="offset"/> ends a word (or there is none).</summary>
    public static bool IsWordStart(string text, int offset) => offset <= 0 || offset > text.Length || !char.IsLetterOrDigit(text[offset - 1]);

    /// <summary>Whether <paramref name="offset"/> is at the end of a word (or of the text).</summary>
    public static bool IsWordEnd(string text, int offset) => offset >= text.Length || offset < 0 || !char.IsLetterOrDigit(text[offset]);

    /// <summary>
    /// Whether <paramref name="word"/> (upper case ASCII) stands at <paramref name="offset"/>, compared without case.
    /// Does not check word boundaries.
    /// </summary>
    public static bool StartsWithIgnoreCase(string text, int offset, string word)
    {
        if (offset < 0 || offset + word.Length > text.Length)
            return false;
        return text.AsSpan(offset, word.Length).Equals(word, StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>Whether the whole word <paramref name="word"/> stands at <paramref name="offset"/> (case-insensitive, word boundaries on both sides).</summary>
    public static bool IsWordAt(string text, int offset, string word) =>
        StartsWithIgnoreCase(text, offset, word) && IsWordStart(text, offset) && IsWordEnd(text, offset + word.Length);

    /// <summary>
    /// Matches the letters of <paramref name="letters"/> (upper case, no spaces) at <paramref name="offset"/> with up to
    /// <paramref name="maxGap"/> blanks allowed between letters and a newline allowed where <paramref name="acrossLines"/>;
    /// used for words that are spaced out (<c>S E C R E T</c>, §3.1) or split by wrapping (<c>REA</c> / <c>SONS</c>, §12).
    /// Returns the offset after the last letter, or -1.
    /// </summary>
    public static int MatchLoose(string text, int offset, int limit, string letters, int maxGap = 1, bool acrossLines = false)
    {
        limit = Math.Min(limit, text.Length);
        var p = offset;
        for (var k = 0; k < letters.Length; k++)
        {
            if (k > 0)
            {
                var blanks = 0;
                var newline = false;
                while (p < limit)
                {
                    var c = text[p];
                    if (c is ' ' or '\t')
                        blanks++;
                    else if (c == '\n' && acrossLines && !newline)
                        newline = true;
                    else
                        break;
                    p++;
                }

                // A wrapped word may carry the line's trailing and leading blanks with it.
                if (blanks > (newline ? maxGap + 4 : maxGap))
                    return -1;
            }

            if (p >= limit || char.ToUpperInvariant(text[p]) != letters[k])
                return -1;
            p++;
        }

        return p;
    }

    /// <summary>Collapses runs of whitespace in [start, end) into single spaces and trims.</summary>
    public static string Collapse(string text, int start, int end)
    {
        start = Math.Max(0, start);
        end = Math.Min(end, text.Length);
        if (start >= end)
            return "";
        var span = text.AsSpan(start, end - start).Trim();
        if (span.IsEmpty)
            return "";

        // Most lines need no change; avoid the builder then.
        var needsWork = false;
        for (var i = 0; i < span.Length; i++)
        {
            if (IsWhite(span[i]) && (span[i] != ' ' || (i + 1 < span.Length && IsWhite(span[i + 1]))))
            {
                needsWork = true;
                break;
            }
        }

        if (!needsWork)
            return span.ToString();

        var builder = new System.Text.StringBuilder(span.Length);
        var pendingSpace = false;
        foreach (var c in span)
        {
            if (IsWhite(c))
            {
                pendingSpace = true;
                continue;
            }

            if (pendingSpace)
                builder.Append(' ');
            pendingSpace = false;
            builder.Append(c);
        }

        return builder.ToString();
    }
}

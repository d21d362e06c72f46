using System.Buffers;
using System.Text;
using System.Text.Unicode;

namespace CableArchive.Parsing.Containers;

/// <summary>Decoding and normalisation shared by the container readers (cable-format notes §1, §12, §13.1).</summary>
internal static class ContainerText
{
    private static readonly SearchValues<char> CharactersToNormalize = SearchValues.Create("\r\\¶");

    /// <summary>
    /// Windows-1252, the usual encoding of text that is not UTF-8 (§12: some derivatives were stored as latin1);
    /// Latin-1 where the code page is not available. Every byte decodes to a character, so nothing is lost.
    /// </summary>
    private static readonly Encoding Fallback = CodePagesEncodingProvider.Instance.GetEncoding(1252) ?? Encoding.Latin1;

    /// <summary>
    /// Decodes <paramref name="bytes"/>: UTF-16 when a byte order mark says so, else UTF-8 (its mark dropped), else the
    /// Windows-1252 fallback, with <paramref name="fellBack"/> set so that the caller can warn.
    /// </summary>
    public static string Decode(ReadOnlySpan<byte> bytes, out bool fellBack)
    {
        fellBack = false;
        if (bytes.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xFE]))
            return Encoding.Unicode.GetString(bytes[2..]);
        if (bytes.StartsWith((ReadOnlySpan<byte>)[0xFE, 0xFF]))
            return Encoding.BigEndianUnicode.GetString(bytes[2..]);
        if (bytes.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]))
            bytes = bytes[3..];

        if (Utf8.IsValid(bytes))
            return Encoding.UTF8.GetString(bytes);

        fellBack = true;
        return Fallback.GetString(bytes);
    }

    /// <summary>
    /// Normalises unwrapped text: CRLF and lone CR become LF (§1), a backslash that ends a line is dropped (§1.4: the
    /// tab-separated records end each line with <c>\</c>), and, for WikiLeaks pages, the <c>¶</c> of paragraph anchors is deleted (§1.1).
    /// </summary>
    public static string Normalize(string text, bool deletePilcrows)
    {
        var first = text.AsSpan().IndexOfAny(CharactersToNormalize);
        if (first < 0)
            return text;

        var builder = new StringBuilder(text.Length);
        builder.Append(text.AsSpan(0, first));
        for (var i = first; i < text.Length; i++)
        {
            var c = text[i];
            switch (c)
            {
                case '\r':
                    builder.Append('\n');
                    if (i + 1 < text.Length && text[i + 1] == '\n')
                        i++;
                    break;
                case '¶' when deletePilcrows:
                    break;
                case '\\' when EndsLine(text, i + 1, out var lineEnd):
                    // Keep the blanks before the backslash, drop the backslash and the blanks after it.
                    i = lineEnd - 1;
                    break;
                default:
                    builder.Append(c);
                    break;
            }
        }

        return builder.ToString();
    }

    /// <summary>Whether only blanks stand between <paramref name="position"/> and the end of the line (or of the text).</summary>
    private static bool EndsLine(string text, int position, out int lineEnd)
    {
        lineEnd = position;
        while (lineEnd < text.Length && text[lineEnd] is ' ' or '\t')
            lineEnd++;
        return lineEnd == text.Length || text[lineEnd] is '\n' or '\r';
    }

    /// <summary>The line that starts at <paramref name="start"/>, without its newline; <paramref name="next"/> is where the next starts.</summary>
    public static ReadOnlySpan<char> LineAt(string text, int start, out int next)
    {
        if (start >= text.Length)
        {
            next = text.Length;
            return [];
        }

        var newline = text.AsSpan(start).IndexOf('\n');
        next = newline < 0 ? text.Length : start + newline + 1;
        return text.AsSpan(start, (newline < 0 ? text.Length : start + newline) - start);
    }

    /// <summary>The start of the first line at or after <paramref name="position"/> that holds more than blanks.</summary>
    public static int SkipBlankLines(string text, int position)
    {
        while (position < text.Length)
        {
            var line = LineAt(text, position, out var next);
            if (!line.Trim().IsEmpty)
                break;
            position = next;
        }

        return position;
    }
}

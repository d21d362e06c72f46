using System.Buffers;
using System.Text;
using System.Text.Unicode;

namespace CableArchive.Parsing.Containers;

/// <summary>Decoding and normalisation shared by the container readers (cable-format notes §1, §12, §13.1).</summary>
internal static class ContainerText
{
    private static readonly SearchValues<char> CharactersToNormalize = SearchValues.Create("\r\\¶");

    /// <summary>The C0 control characters that text seldom holds: all but tab, newline, form feed and carriage return.</summary>
    private static readonly SearchValues<char> UnusualC0Controls = SearchValues.Create(
        "\0\u0001\u0002\u0003\u0004\u0005\u0006\u0007\b\u000B\u000E\u000F\u0010\u0011\u0012\u0013\u0014\u0015\u0016\u0017\u0018\u0019\u001A\u001B\u001C\u001D\u001E\u001F");

    /// <summary>How much of the start of a content <see cref="LooksBinary(ReadOnlySpan{char})"/> looks at.</summary>
    private const int BinarySampleLength = 4096;

    /// <summary>
    /// Windows-1252, the usual encoding of text that is not UTF-8 (§12: some derivatives were stored as latin1);
    /// Latin-1 where the code page is not available. Every byte decodes to a character, so nothing is lost.
    /// </summary>
    public static readonly Encoding Fallback = CodePagesEncodingProvider.Instance.GetEncoding(1252) ?? Encoding.Latin1;

    /// <summary>
    /// Decodes <paramref name="bytes"/>: UTF-16 when a byte order mark says so, else UTF-8 (its mark dropped), else the
    /// Windows-1252 fallback, with <paramref name="fellBack"/> set so that the caller can warn.
    /// </summary>
    public static string Decode(ReadOnlySpan<byte> bytes, out bool fellBack)
    {
        var encoding = DetectEncoding(bytes, out var markLength, out fellBack);
        return encoding.GetString(bytes[markLength..]);
    }

    /// <summary>The encoding <see cref="Decode"/> reads <paramref name="bytes"/> with, and the length of the byte order mark it skips.</summary>
    public static Encoding DetectEncoding(ReadOnlySpan<byte> bytes, out int markLength, out bool fellBack)
    {
        fellBack = false;
        markLength = 2;
        if (Utf16ByMark(bytes) is { } utf16)
            return utf16;

        markLength = Utf8MarkLength(bytes);
        if (Utf8.IsValid(bytes[markLength..]))
            return Encoding.UTF8;

        fellBack = true;
        return Fallback;
    }

    /// <summary>UTF-16 (little or big endian) when <paramref name="bytes"/> start with its byte order mark (two bytes), else null.</summary>
    public static Encoding? Utf16ByMark(ReadOnlySpan<byte> bytes) =>
        bytes.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xFE]) ? Encoding.Unicode
        : bytes.StartsWith((ReadOnlySpan<byte>)[0xFE, 0xFF]) ? Encoding.BigEndianUnicode
        : null;

    /// <summary>The length of the UTF-8 byte order mark <paramref name="bytes"/> start with: 3, or 0 without one.</summary>
    public static int Utf8MarkLength(ReadOnlySpan<byte> bytes) => bytes.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]) ? 3 : 0;

    /// <summary>
    /// Whether the start of a text (its first <see cref="BinarySampleLength"/> characters) looks binary: text has few control
    /// characters besides tab, newline and form feed, binary content has many.
    /// </summary>
    public static bool LooksBinary(ReadOnlySpan<char> text)
    {
        var sample = text[..Math.Min(text.Length, BinarySampleLength)];
        var controls = 0;
        for (var rest = sample; rest.IndexOfAny(UnusualC0Controls) is var next and >= 0; rest = rest[(next + 1)..])
            controls++;

        // DEL and the C1 controls.
        for (var rest = sample; rest.IndexOfAnyInRange('\u007F', '\u009F') is var next and >= 0; rest = rest[(next + 1)..])
            controls++;
        return sample.Length > 0 && controls * 10 > sample.Length;
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

        var buffer = ArrayPool<char>.Shared.Rent(text.Length);
        try
        {
            text.CopyTo(buffer);
            var length = Normalize(buffer.AsSpan(0, text.Length), deletePilcrows);
            return new string(buffer, 0, length);
        }
        finally
        {
            ArrayPool<char>.Shared.Return(buffer);
        }
    }

    /// <summary>
    /// <see cref="Normalize(string, bool)"/> in place: the text only shrinks, so it is rewritten from the front. Returns the new length.
    /// </summary>
    public static int Normalize(Span<char> text, bool deletePilcrows)
    {
        var written = 0;
        var read = 0;
        while (read < text.Length)
        {
            // The runs between the characters to normalise move down as blocks.
            var next = text[read..].IndexOfAny(CharactersToNormalize);
            var runEnd = next < 0 ? text.Length : read + next;
            text[read..runEnd].CopyTo(text[written..]);
            written += runEnd - read;
            if (next < 0)
                break;

            read = runEnd + 1;
            switch (text[runEnd])
            {
                case '\r':
                    text[written++] = '\n';
                    if (read < text.Length && text[read] == '\n')
                        read++;
                    break;
                case '¶' when deletePilcrows:
                    break;
                case '\\' when EndsLine(text, read, out var lineEnd):
                    // Keep the blanks before the backslash, drop the backslash and the blanks after it.
                    read = lineEnd;
                    break;
                default:
                    text[written++] = text[runEnd];
                    break;
            }
        }

        return written;
    }

    /// <summary>Whether only blanks stand between <paramref name="position"/> and the end of the line (or of the text).</summary>
    private static bool EndsLine(ReadOnlySpan<char> text, int position, out int lineEnd)
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

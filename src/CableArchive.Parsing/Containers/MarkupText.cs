using System.Buffers;
using System.Globalization;
using System.Net;
using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using System.Text;
using System.Text.Unicode;

namespace CableArchive.Parsing.Containers;

/// <summary>What is done to the text of a piece of markup once its tags and entities are gone.</summary>
internal enum MarkupLayout
{
    /// <summary>Kept as it is.</summary>
    AsIs,

    /// <summary>The text of a <c>&lt;pre&gt;</c> block: newlines normalised, <c>¶</c> deleted (<see cref="ContainerText.Normalize(Span{char}, bool)"/>).</summary>
    Preformatted,

    /// <summary>The text of a table cell: trimmed, each run of white space one space.</summary>
    Collapsed,
}

/// <summary>
/// Turns a piece of a page's markup (UTF-8 or Windows-1252 bytes) into text in one pooled buffer: decoded once, then tags
/// removed, entities decoded and the layout applied in place, each step only shrinking the text; one string is made at the end.
/// </summary>
internal static class MarkupText
{
    private static ReadOnlySpan<byte> AsciiWhiteSpace => " \t\n\v\f\r"u8;

    /// <summary>The newline as a page's <c>&lt;pre&gt;</c> blocks write it (§1.1).</summary>
    private static ReadOnlySpan<byte> NewlineEntity => "&#x000A;"u8;

    /// <summary>The longest entity name <see cref="TryWritePreformattedUtf8"/> decodes itself (HTML 4's longest is 8).</summary>
    private const int MaxFastEntityName = 32;

    /// <summary>
    /// Markup to text: tags are removed (the <c>&lt;a&gt;</c> of tags and paragraph anchors keep their text, §1.1), then entities
    /// are decoded (<c>&amp;#x000A;</c> is the newline). A <c>&lt;</c> that opens no tag is text: the media copies hold
    /// <c>&lt;&lt;218634&gt;&gt;</c> as written (§1.4).
    /// </summary>
    public static string ToText(ReadOnlySpan<byte> markup, Encoding encoding, MarkupLayout layout)
    {
        if (layout == MarkupLayout.Collapsed && TryReadPlainCell(markup, out var plain))
            return plain;
        var buffer = ArrayPool<char>.Shared.Rent(encoding.GetMaxCharCount(markup.Length));
        try
        {
            return new string(buffer, 0, Write(markup, buffer, encoding, layout));
        }
        finally
        {
            ArrayPool<char>.Shared.Return(buffer);
        }
    }

    /// <summary>
    /// A table cell of plain words (<c>Reference ID</c>), or of one link around them (<c>&lt;a href='…'&gt;Embassy Tehran&lt;/a&gt;</c>,
    /// §1.1): printable ASCII with single spaces, no entity, once the white space around it is trimmed. Its collapsed text
    /// is those bytes as they stand, read in a tenth of the general path's time; every cell of a page's table is such.
    /// </summary>
    private static bool TryReadPlainCell(ReadOnlySpan<byte> markup, out string text)
    {
        text = "";
        var cell = markup.Trim(AsciiWhiteSpace);

        // One tag before the words and one after them, as RemoveTags would take them: each from its '<' to the next '>'.
        if (cell.StartsWith((byte)'<') && IsTagStart(cell, 0))
        {
            var opened = cell.IndexOf((byte)'>');
            if (opened < 0)
                return false;
            cell = cell[(opened + 1)..];
            var closing = cell.LastIndexOf((byte)'<');
            if (closing < 0 || !IsTagStart(cell, closing) || !cell.EndsWith((byte)'>') || cell[closing..^1].Contains((byte)'>'))
                return false;
            cell = cell[..closing].Trim(AsciiWhiteSpace);
        }

        if (cell.ContainsAnyExceptInRange((byte)0x20, (byte)0x7E) || cell.ContainsAny((byte)'<', (byte)'&') || cell.IndexOf("  "u8) >= 0)
            return false;
        text = Encoding.ASCII.GetString(cell);
        return true;
    }

    /// <summary>
    /// <see cref="ToText"/> into <paramref name="destination"/>, which must hold <see cref="Encoding.GetMaxCharCount(int)"/>
    /// characters of the markup; returns the text's length.
    /// </summary>
    public static int Write(ReadOnlySpan<byte> markup, Span<char> destination, Encoding encoding, MarkupLayout layout)
    {
        var text = destination[..encoding.GetChars(markup, destination)];
        text = text[..RemoveTags(text)];
        text = text[..DecodeEntities(text)];
        return layout switch
        {
            MarkupLayout.Preformatted => ContainerText.Normalize(text, deletePilcrows: true),
            MarkupLayout.Collapsed => CollapseWhiteSpace(text),
            _ => text.Length,
        };
    }

    /// <summary>
    /// <see cref="Write"/> of a <c>&lt;pre&gt;</c> block (<see cref="MarkupLayout.Preformatted"/>) given as UTF-8, in one pass
    /// over the bytes that also checks them: each run of text between the bytes that matter is transcoded straight into
    /// <paramref name="destination"/> (at least as long as the markup). The general path makes four passes over the text
    /// (decoding, tags, entities, layout), each stopping at every newline entity, a hundred and more to a page (§1.1).
    /// Returns false, having written nothing of use, when the bytes are not valid UTF-8 or hold what only the general path
    /// reads as it does: a carriage return or backslash in the text (layout that depends on what follows), or an entity
    /// whose name may run across a tag. Otherwise the text is the general path's, character for character.
    /// </summary>
    public static bool TryWritePreformattedUtf8(ReadOnlySpan<byte> markup, Span<char> destination, out int length)
    {
        length = 0;
        var read = 0;
        while (true)
        {
            read = CopyAsciiText(markup, read, destination, ref length);
            if (read >= markup.Length)
                return true;

            switch (markup[read])
            {
                case (byte)'<' when IsTagStart(markup, read):
                    // The general path checks the whole block, tags too, before it decodes: so is the tag here.
                    var tagEnd = markup[read..].IndexOf((byte)'>');
                    if (tagEnd < 0)
                        return Utf8.IsValid(markup[read..]); // an unclosed tag ends the text, as in RemoveTags
                    if (!Utf8.IsValid(markup.Slice(read, tagEnd)))
                        return false;
                    read += tagEnd + 1;
                    break;
                case (byte)'<':
                    destination[length++] = '<';
                    read++;
                    break;
                case (byte)'\r' or (byte)'\\':
                    // Read in context by the layout (§1.1): left to the general path. Inside a tag they do not matter.
                    return false;
                case (byte)'&':
                    if (!TryWriteEntityUtf8(markup, ref read, destination, ref length))
                        return false;
                    break;
                default:
                    // Not ASCII: one character, checked as it is decoded; '¶' is deleted, as the layout does.
                    if (Rune.DecodeFromUtf8(markup[read..], out var rune, out var consumed) != OperationStatus.Done)
                        return false;
                    if (rune.Value != '¶')
                        length += rune.EncodeToUtf16(destination[length..]);
                    read += consumed;
                    break;
            }
        }
    }

    /// <summary>
    /// Copies the ASCII text from <paramref name="read"/>, newline entities included, up to the next byte that is <c>&lt;</c>,
    /// another <c>&amp;</c>, a carriage return, a backslash or not ASCII, and returns where that byte is (the markup's length
    /// when there is none). A line of a page is about 70 bytes between two newline entities: 32 bytes are tested and widened
    /// at a time, as a search call and a copy call a line cost more.
    /// </summary>
    private static int CopyAsciiText(ReadOnlySpan<byte> markup, int read, Span<char> destination, ref int length)
    {
        if (Vector256.IsHardwareAccelerated)
        {
            ref var source = ref MemoryMarshal.GetReference(markup);
            ref var target = ref Unsafe.As<char, ushort>(ref MemoryMarshal.GetReference(destination));
            var open = Vector256.Create((byte)'<');
            var ampersand = Vector256.Create((byte)'&');
            var carriageReturn = Vector256.Create((byte)'\r');
            var backslash = Vector256.Create((byte)'\\');
            // Each block of 32 is widened and stored before it is looked at; what follows the first byte that matters is
            // written over later. The destination is at least as long as the markup, and the text never gets ahead of it.
            while (read + Vector256<byte>.Count <= markup.Length && length + Vector256<byte>.Count <= destination.Length)
            {
                var bytes = Vector256.LoadUnsafe(ref source, (nuint)read);
                var (lower, upper) = Vector256.Widen(bytes);
                lower.StoreUnsafe(ref target, (nuint)length);
                upper.StoreUnsafe(ref target, (nuint)(length + Vector256<ushort>.Count));
                var stops = (Vector256.Equals(bytes, open) | Vector256.Equals(bytes, ampersand)
                        | Vector256.Equals(bytes, carriageReturn) | Vector256.Equals(bytes, backslash)).ExtractMostSignificantBits()
                    | bytes.ExtractMostSignificantBits();
                if (stops != 0)
                {
                    var copied = BitOperations.TrailingZeroCount(stops);
                    var stop = read + copied;

                    // §1.1: a newline entity ends almost every line; it is taken here rather than by leaving the loop.
                    if (markup[stop] == '&' && markup[stop..].StartsWith(NewlineEntity))
                    {
                        destination[length + copied] = '\n';
                        length += copied + 1;
                        read = stop + NewlineEntity.Length;
                        continue;
                    }

                    length += copied;
                    return stop;
                }

                read += Vector256<byte>.Count;
                length += Vector256<byte>.Count;
            }
        }

        while (read < markup.Length && markup[read] is < 0x80 and not ((byte)'<' or (byte)'&' or (byte)'\r' or (byte)'\\'))
            destination[length++] = (char)markup[read++];
        return read;
    }

    /// <summary>
    /// The entity at <paramref name="read"/> (a <c>&amp;</c>), written as <see cref="DecodeEntities"/> would once the tags are
    /// gone; false when that cannot be told without removing them first, or when it decodes to a character the layout reads
    /// in context.
    /// </summary>
    private static bool TryWriteEntityUtf8(ReadOnlySpan<byte> markup, ref int read, Span<char> destination, ref int length)
    {
        // §1.1: the newlines, often two in a row.
        if (markup[read..].StartsWith(NewlineEntity))
        {
            do
            {
                destination[length++] = '\n';
                read += NewlineEntity.Length;
            }
            while (markup[read..].StartsWith(NewlineEntity));
            return true;
        }

        return TryWriteOtherEntityUtf8(markup, ref read, destination, ref length);
    }

    private static bool TryWriteOtherEntityUtf8(ReadOnlySpan<byte> markup, ref int read, Span<char> destination, ref int length)
    {
        // The general path reads the name up to a ';' or '&' once the tags are removed: a '<' first may open a tag inside it.
        var name = markup[(read + 1)..];
        var nameLength = name.IndexOfAny((byte)';', (byte)'&', (byte)'<');
        if (nameLength >= 0 && name[nameLength] == '<')
            return false;

        // Entity names are short ASCII; anything else is left to the general path.
        Span<char> nameText = stackalloc char[MaxFastEntityName];
        Span<char> decoded = stackalloc char[2];
        if (nameLength >= 0 && name[nameLength] == ';'
            && (nameLength > MaxFastEntityName || Ascii.ToUtf16(name[..nameLength], nameText, out _) != OperationStatus.Done))
            return false;
        if (nameLength < 0 || name[nameLength] == '&' || !TryDecodeEntity(nameText[..nameLength], decoded, out var decodedLength))
        {
            destination[length++] = '&';
            read++;
            return true;
        }

        // The layout reads a carriage return or backslash in context, and deletes '¶'.
        decoded = decoded[..decodedLength];
        if (decoded.ContainsAny('\r', '\\'))
            return false;
        if (decoded is not ['¶'])
        {
            decoded.CopyTo(destination[length..]);
            length += decoded.Length;
        }

        read += nameLength + 2;
        return true;
    }

    /// <summary>Whether the <c>&lt;</c> at <paramref name="position"/> opens a tag (<see cref="OpensTag"/>).</summary>
    private static bool IsTagStart(ReadOnlySpan<byte> markup, int position) => position + 1 < markup.Length && OpensTag((char)markup[position + 1]);

    /// <summary>Whether a <c>&lt;</c> followed by <paramref name="next"/> opens a tag: a letter, <c>/</c>, <c>!</c> or <c>?</c>.</summary>
    private static bool OpensTag(char next) => char.IsAsciiLetter(next) || next is '/' or '!' or '?';

    /// <summary>
    /// Removes the tags in place and returns the new length. A tag starts with <c>&lt;</c> and a letter, <c>/</c>, <c>!</c>
    /// or <c>?</c> and runs to the next <c>&gt;</c>; an unclosed tag ends the text.
    /// </summary>
    private static int RemoveTags(Span<char> text)
    {
        var written = 0;
        var read = 0;
        while (read < text.Length)
        {
            var open = text[read..].IndexOf('<');
            var copyEnd = open < 0 ? text.Length : read + open;
            text[read..copyEnd].CopyTo(text[written..]);
            written += copyEnd - read;
            if (open < 0)
                break;

            read = copyEnd;
            if (read + 1 < text.Length && OpensTag(text[read + 1]))
            {
                var tagEnd = text[read..].IndexOf('>');
                if (tagEnd < 0)
                    break;
                read += tagEnd + 1;
            }
            else
            {
                text[written++] = '<';
                read++;
            }
        }

        return written;
    }

    /// <summary>
    /// Decodes the entities in place and returns the new length, as <see cref="WebUtility.HtmlDecode(string)"/> does: a
    /// <c>&amp;</c> followed by a <c>;</c> before any other <c>&amp;</c>; numeric entities of a Unicode scalar value;
    /// named entities of HTML 4, an unknown name left as written. Every entity decodes to no more characters than it is written with.
    /// </summary>
    private static int DecodeEntities(Span<char> text)
    {
        var written = 0;
        var read = 0;
        while (read < text.Length)
        {
            var ampersand = text[read..].IndexOf('&');
            var copyEnd = ampersand < 0 ? text.Length : read + ampersand;
            text[read..copyEnd].CopyTo(text[written..]);
            written += copyEnd - read;
            if (ampersand < 0)
                break;

            read = copyEnd;
            // §1.1: every newline of a <pre> block is written so, a hundred and more to a page: decoded without the general path.
            if (text[read..].StartsWith("&#x000A;"))
            {
                text[written++] = '\n';
                read += "&#x000A;".Length;
                continue;
            }

            var name = text[(read + 1)..];
            var nameLength = name.IndexOfAny(';', '&');
            if (nameLength < 0 || name[nameLength] != ';' || !TryDecodeEntity(name[..nameLength], text[written..], out var decodedLength))
            {
                text[written++] = '&';
                read++;
                continue;
            }

            written += decodedLength;
            read += nameLength + 2;
        }

        return written;
    }

    /// <summary>The character(s) of the entity <c>&amp;name;</c>, written to <paramref name="destination"/>; false when it is none.</summary>
    private static bool TryDecodeEntity(ReadOnlySpan<char> name, Span<char> destination, out int length)
    {
        length = 0;
        if (name.Length > 1 && name[0] == '#')
        {
            var parsed = name[1] is 'x' or 'X'
                ? uint.TryParse(name[2..], NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out var value)
                : uint.TryParse(name[1..], NumberStyles.Integer, CultureInfo.InvariantCulture, out value);
            if (!parsed || !Rune.TryCreate(value, out var rune))
                return false;
            length = rune.EncodeToUtf16(destination);
            return true;
        }

        if (name.IsEmpty)
            return false;

        // Named entities are rare inside the cable text (&amp;, &lt;): the runtime's table decodes them.
        var decoded = WebUtility.HtmlDecode(string.Concat("&", name, ";"));
        if (decoded.Length != 1)
            return false;
        destination[0] = decoded[0];
        length = 1;
        return true;
    }

    /// <summary>Trims the text and turns each run of white space into one space, in place; returns the new length.</summary>
    private static int CollapseWhiteSpace(Span<char> text)
    {
        var trimmed = text.Trim();
        var written = 0;
        foreach (var c in trimmed)
        {
            if (!char.IsWhiteSpace(c))
                text[written++] = c;
            else if (written > 0 && text[written - 1] != ' ')
                text[written++] = ' ';
        }

        return written;
    }
}

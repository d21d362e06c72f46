using System.Buffers;
using System.Text;
using System.Text.Unicode;
using CableArchive.Domain;
using CableArchive.Domain.Cables;

namespace CableArchive.Parsing.Containers;

/// <summary>What a WikiLeaks cable page holds.</summary>
/// <param name="Text">
/// The first <c>&lt;pre&gt;</c> block (the header, without the blank lines around it), a blank line, then the second
/// (the body), laid out as the cable text is; the body alone when the page has one block only.
/// </param>
/// <param name="Metadata">The metadata table, or null when the page has none.</param>
/// <param name="HasCableStructure">Whether the page had the <c>&lt;pre&gt;</c> blocks of a cable page at all.</param>
/// <param name="FellBack">Whether the parts read were not valid UTF-8 and were decoded as Windows-1252.</param>
internal sealed record WikiLeaksPage(CableText Text, ContainerMetadata? Metadata, bool HasCableStructure, bool FellBack);

/// <summary>
/// Reads a WikiLeaks cable page (cable-format notes §1.1) by scanning its known structure over the page's bytes: the
/// <c>&lt;table class='cable'&gt;</c> and the <c>&lt;pre&gt;</c> blocks. Only those are decoded to text; the rest of the page
/// (navigation, the sidebar of release dates, four fifths of it) is only searched. See docs/decisions/0002-html-scanning.md.
/// </summary>
/// <remarks>
/// The markup searched for is ASCII, and in UTF-8 and Windows-1252 an ASCII byte only ever stands for that character, so a
/// search over the bytes finds what a search over the decoded text would. Tag names are looked for in lower case, the
/// generator's, and in upper case where no lower-case one follows.
/// </remarks>
internal static class WikiLeaksPageReader
{
    private static readonly SearchValues<byte> AsciiLettersAndDigits =
        SearchValues.Create("0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz"u8);

    /// <summary>
    /// The table as WikiLeaks writes it on every page (§1.1), after four fifths of navigation: looked for from the end of the
    /// page, before the general tag scan.
    /// </summary>
    private static ReadOnlySpan<byte> CableTableAsWritten => "<table class='cable'>"u8;

    /// <summary>
    /// Reads a page given as UTF-8 or Windows-1252 bytes, without a byte order mark. The parts read are decoded as UTF-8 when
    /// all of them are valid UTF-8, else as Windows-1252; the rest of the page is never decoded, so its bytes do not matter.
    /// </summary>
    public static WikiLeaksPage Read(ReadOnlySpan<byte> html, List<Diagnostic> diagnostics)
    {
        var table = FindCableTable(html, out var hasTable);
        Span<Range> blocks = stackalloc Range[2];
        // §1.1: the <pre> blocks follow the table; a page without them there is searched whole.
        var blockCount = hasTable ? FindPreBlocks(html, table.End.GetOffset(html.Length), blocks) : 0;
        if (blockCount == 0)
            blockCount = FindPreBlocks(html, 0, blocks);

        var bodyStart = blockCount == 0 ? Math.Max(IndexOfTag(html, "body"u8, 0), 0) : 0;
        ReadOnlySpan<Range> textParts = blockCount == 0 ? [bodyStart..] : blocks[..Math.Min(blockCount, blocks.Length)];
        var tableIsUtf8 = Utf8.IsValid(html[table]);
        // The usual page is read as UTF-8 in one pass over each block, which checks the bytes as it goes; null sends it to
        // the general path, which checks them first.
        var text = blockCount >= 2 && tableIsUtf8 ? ReadHeaderAndBody(html[blocks[0]], html[blocks[1]], encoding: null) : null;
        var fellBack = text is null && (!tableIsUtf8 || !AllValidUtf8(html, textParts));
        var encoding = fellBack ? ContainerText.Fallback : Encoding.UTF8;
        var metadata = hasTable ? ReadMetadataTable(html, html[table], encoding)
            : ReadTitleId(html) is { } titleId ? new ContainerMetadata { Id = titleId } : null;
        if (blockCount == 0)
        {
            diagnostics.Add(new Diagnostic(DiagnosticSeverity.Warning, 0, "The HTML page has no <pre> blocks, as a WikiLeaks cable page has; its text is read as the cable."));
            return new WikiLeaksPage(CableText.Join([], MarkupText.ToText(html[bodyStart..], encoding, MarkupLayout.AsIs), 0), metadata, HasCableStructure: false, fellBack);
        }

        if (blockCount > 2)
            diagnostics.Add(new Diagnostic(DiagnosticSeverity.Warning, 0, $"The page has {blockCount} <pre> blocks, not two; the first is read as the header and the second as the body."));

        // §1.1: the first block is the header, the second the body; with one block only there is no header.
        text ??= blockCount == 1
            ? CableText.Join([], MarkupText.ToText(html[blocks[0]], encoding, MarkupLayout.Preformatted), 0)
            : ReadHeaderAndBody(html[blocks[0]], html[blocks[1]], encoding);
        // With an encoding given, ReadHeaderAndBody always reads the blocks: the text is never null here.
        return new WikiLeaksPage(text.GetValueOrDefault(), metadata, HasCableStructure: true, fellBack);
    }

    /// <summary>
    /// Both blocks written into one buffer as the cable text reads, header, blank line, body, so that the text is made as one
    /// string: a page's cable is then never copied whole between the page and the parse. With no <paramref name="encoding"/>
    /// the blocks are read by <see cref="MarkupText.TryWritePreformattedUtf8"/>, and null is returned where it fails (never
    /// otherwise).
    /// </summary>
    private static CableText? ReadHeaderAndBody(ReadOnlySpan<byte> headerMarkup, ReadOnlySpan<byte> bodyMarkup, Encoding? encoding)
    {
        // The one-pass path writes no more characters than UTF-8 decoding does.
        var sizing = encoding ?? Encoding.UTF8;
        var headerRoom = sizing.GetMaxCharCount(headerMarkup.Length);
        var buffer = ArrayPool<char>.Shared.Rent(headerRoom + 2 + sizing.GetMaxCharCount(bodyMarkup.Length));
        try
        {
            if (!TryWriteBlock(headerMarkup, buffer, encoding, out var written))
                return null;
            // The header as CableBodies keeps it: without the blank lines before it and the white space after it.
            var header = buffer.AsSpan(0, written);
            var leadingNewlines = header.Length - header.TrimStart('\n').Length;
            var headerLength = header[leadingNewlines..].TrimEnd().Length;
            header.Slice(leadingNewlines, headerLength).CopyTo(buffer);

            var bodyStart = headerLength == 0 ? 0 : headerLength + 2;
            buffer.AsSpan(headerLength, bodyStart - headerLength).Fill('\n');
            if (!TryWriteBlock(bodyMarkup, buffer.AsSpan(bodyStart), encoding, out var bodyLength))
                return null;
            return new CableText(new string(buffer, 0, bodyStart + bodyLength), headerLength, bodyStart, null);
        }
        finally
        {
            ArrayPool<char>.Shared.Return(buffer);
        }
    }

    private static bool TryWriteBlock(ReadOnlySpan<byte> markup, Span<char> destination, Encoding? encoding, out int length)
    {
        if (encoding is null)
            return MarkupText.TryWritePreformattedUtf8(markup, destination, out length);
        length = MarkupText.Write(markup, destination, encoding, MarkupLayout.Preformatted);
        return true;
    }

    private static bool AllValidUtf8(ReadOnlySpan<byte> html, ReadOnlySpan<Range> parts)
    {
        foreach (var part in parts)
        {
            if (!Utf8.IsValid(html[part]))
                return false;
        }

        return true;
    }

    /// <summary>
    /// The metadata table: Reference ID, Created, Released, Classification, Origin, found by the <c>&lt;th&gt;</c> names
    /// (an extra "Appears in these articles" row may follow). Cell values are the link text: the classification link's
    /// <c>title</c> attribute is wrong on every page (§1.1) and is never read.
    /// </summary>
    private static ContainerMetadata? ReadMetadataTable(ReadOnlySpan<byte> html, ReadOnlySpan<byte> table, Encoding encoding)
    {
        var names = CellTexts(table, "<th"u8, "</th"u8, encoding);
        var firstDataRow = AsciiBytes.IndexOfEitherCase(table, "<td"u8);
        if (firstDataRow < 0)
            return null;
        var rowEnd = AsciiBytes.IndexOfEitherCase(table[firstDataRow..], "</tr"u8);
        var values = CellTexts(rowEnd < 0 ? table[firstDataRow..] : table.Slice(firstDataRow, rowEnd), "<td"u8, "</td"u8, encoding);

        string? Cell(string name, int position)
        {
            var index = names.Count == 0 ? position : -1;
            for (var i = 0; i < names.Count && index < 0; i++)
            {
                if (names[i].Equals(name, StringComparison.OrdinalIgnoreCase))
                    index = i;
            }

            return index >= 0 && index < values.Count && values[index].Length > 0 ? values[index] : null;
        }

        var metadata = new ContainerMetadata
        {
            Id = Cell("Reference ID", 0) ?? ReadTitleId(html),
            // §1.1: the minutes of Created are wrong; the value is kept as given and the parser takes the time from the DTG.
            Created = Cell("Created", 1) is { } created ? ContainerFields.ParseDate(created) : null,
            Released = Cell("Released", 2) is { } released ? ContainerFields.ParseDate(released) : null,
            Origin = Cell("Origin", 4),
        };
        return Cell("Classification", 3) is { } classification ? ContainerFields.WithClassification(metadata, classification) : metadata;
    }

    /// <summary>The id in the page title, <c>&lt;h3&gt;Viewing cable 10STATE284,&lt;/h3&gt;</c>, for pages without the table.</summary>
    private static string? ReadTitleId(ReadOnlySpan<byte> html)
    {
        var start = html.IndexOf("Viewing cable "u8);
        if (start < 0)
            return null;
        var rest = html[(start + "Viewing cable "u8.Length)..];
        var length = rest.IndexOfAnyExcept(AsciiLettersAndDigits);
        var id = Encoding.ASCII.GetString(length < 0 ? rest : rest[..length]);
        return ContainerFields.IsReferenceId(id) ? id : null;
    }

    /// <summary>The cable table, from its tag to its end tag (or the end of the page), and whether the page has one.</summary>
    private static Range FindCableTable(ReadOnlySpan<byte> html, out bool found)
    {
        var start = html.LastIndexOf(CableTableAsWritten);
        if (start < 0)
            start = FindCableTableTag(html);
        found = start >= 0;
        if (!found)
            return default;
        var end = AsciiBytes.IndexOfEitherCase(html[start..], "</table"u8);
        return start..(end < 0 ? html.Length : start + end);
    }

    /// <summary>The first <c>&lt;table&gt;</c> tag of class <c>cable</c>, however its attributes are written, or -1.</summary>
    private static int FindCableTableTag(ReadOnlySpan<byte> html)
    {
        for (var start = IndexOfTag(html, "table"u8, 0); start >= 0; start = IndexOfTag(html, "table"u8, start + 1))
        {
            var tagEnd = html[start..].IndexOf((byte)'>');
            if (tagEnd < 0)
                return -1;
            var tag = html.Slice(start, tagEnd);
            if (AsciiBytes.ContainsIgnoreCase(tag, "'cable'"u8) || AsciiBytes.ContainsIgnoreCase(tag, "\"cable\""u8))
                return start;
        }

        return -1;
    }

    /// <summary>The text of every cell (<paramref name="open"/> to <paramref name="close"/>) in <paramref name="html"/>, in order.</summary>
    private static List<string> CellTexts(ReadOnlySpan<byte> html, ReadOnlySpan<byte> open, ReadOnlySpan<byte> close, Encoding encoding)
    {
        var texts = new List<string>();
        var position = 0;
        while (true)
        {
            var start = AsciiBytes.IndexOfEitherCase(html[position..], open);
            if (start < 0)
                break;
            start += position;
            var contentStart = html[start..].IndexOf((byte)'>');
            if (contentStart < 0)
                break;
            contentStart += start + 1;
            var end = AsciiBytes.IndexOfEitherCase(html[contentStart..], close);
            var content = end < 0 ? html[contentStart..] : html.Slice(contentStart, end);
            texts.Add(MarkupText.ToText(content, encoding, MarkupLayout.Collapsed));
            if (end < 0)
                break;
            position = contentStart + end + close.Length;
        }

        return texts;
    }

    /// <summary>
    /// Finds the <c>&lt;pre&gt;</c> blocks from <paramref name="from"/> on: the content ranges of the first <paramref name="blocks"/>.Length are written to it, and
    /// the number of blocks on the page is returned. Only the blocks read are decoded.
    /// </summary>
    private static int FindPreBlocks(ReadOnlySpan<byte> html, int from, Span<Range> blocks)
    {
        var count = 0;
        for (var start = IndexOfTag(html, "pre"u8, from); start >= 0; start = IndexOfTag(html, "pre"u8, start + 1))
        {
            var contentStart = html[start..].IndexOf((byte)'>');
            if (contentStart < 0)
                break;
            contentStart += start + 1;
            var end = AsciiBytes.IndexOfEitherCase(html[contentStart..], "</pre"u8);
            if (count < blocks.Length)
                blocks[count] = contentStart..(end < 0 ? html.Length : contentStart + end);
            count++;
            if (end < 0)
                break;
            start = contentStart + end;
        }

        return count;
    }

    /// <summary>The start of the next <c>&lt;name</c> tag (followed by <c>&gt;</c>, a blank or <c>/</c>) from <paramref name="from"/>, or -1.</summary>
    private static int IndexOfTag(ReadOnlySpan<byte> html, ReadOnlySpan<byte> name, int from)
    {
        Span<byte> open = stackalloc byte[name.Length + 1];
        open[0] = (byte)'<';
        name.CopyTo(open[1..]);
        while (from < html.Length)
        {
            var start = AsciiBytes.IndexOfEitherCase(html[from..], open);
            if (start < 0)
                return -1;
            start += from;
            var after = start + open.Length;
            if (after < html.Length && html[after] is (byte)'>' or (byte)' ' or (byte)'\t' or (byte)'\n' or (byte)'\r' or (byte)'/')
                return start;
            from = start + 1;
        }

        return -1;
    }
}

using System.Net;
using System.Text;
using CableArchive.Domain;
using CableArchive.Domain.Cables;

namespace CableArchive.Parsing.Containers;

/// <summary>What a WikiLeaks cable page holds.</summary>
/// <param name="Header">The first <c>&lt;pre&gt;</c> block as text (empty when the page has one block only).</param>
/// <param name="Body">The last <c>&lt;pre&gt;</c> block as text.</param>
/// <param name="Metadata">The metadata table, or null when the page has none.</param>
/// <param name="HasCableStructure">Whether the page had the <c>&lt;pre&gt;</c> blocks of a cable page at all.</param>
internal sealed record WikiLeaksPage(string Header, string Body, ContainerMetadata? Metadata, bool HasCableStructure);

/// <summary>
/// Reads a WikiLeaks cable page (cable-format notes §1.1) by scanning its known structure: the <c>&lt;table class='cable'&gt;</c>
/// and the <c>&lt;pre&gt;</c> blocks. See docs/decisions/0002-html-scanning.md for why no general HTML parser is used.
/// </summary>
internal static class WikiLeaksPageReader
{
    public static WikiLeaksPage Read(string html, List<Diagnostic> diagnostics)
    {
        var metadata = ReadMetadataTable(html);
        var blocks = ReadPreBlocks(html);
        if (blocks.Count == 0)
        {
            diagnostics.Add(new Diagnostic(DiagnosticSeverity.Warning, 0, "The HTML page has no <pre> blocks, as a WikiLeaks cable page has; its text is read as the cable."));
            var bodyStart = IndexOfTag(html, "body", 0);
            return new WikiLeaksPage("", TextOf(html.AsSpan(Math.Max(bodyStart, 0)), keepNewlines: true), metadata, HasCableStructure: false);
        }

        if (blocks.Count > 2)
            diagnostics.Add(new Diagnostic(DiagnosticSeverity.Warning, 0, $"The page has {blocks.Count} <pre> blocks, not two; the first is read as the header and the second as the body."));

        // §1.1: the first block is the header, the second the body; with one block only there is no header.
        return blocks.Count == 1
            ? new WikiLeaksPage("", blocks[0], metadata, HasCableStructure: true)
            : new WikiLeaksPage(blocks[0], blocks[1], metadata, HasCableStructure: true);
    }

    /// <summary>
    /// The metadata table: Reference ID, Created, Released, Classification, Origin, found by the <c>&lt;th&gt;</c> names
    /// (an extra "Appears in these articles" row may follow). Cell values are the link text: the classification link's
    /// <c>title</c> attribute is wrong on every page (§1.1) and is never read.
    /// </summary>
    private static ContainerMetadata? ReadMetadataTable(string html)
    {
        var tableStart = FindCableTable(html);
        if (tableStart < 0)
            return ReadTitleId(html) is { } titleId ? new ContainerMetadata { Id = titleId } : null;
        var tableEnd = html.IndexOf("</table", tableStart, StringComparison.OrdinalIgnoreCase);
        var table = html.AsSpan(tableStart, (tableEnd < 0 ? html.Length : tableEnd) - tableStart);

        var names = CellTexts(table, "th");
        var firstDataRow = table.IndexOf("<td", StringComparison.OrdinalIgnoreCase);
        if (firstDataRow < 0)
            return null;
        var rowEnd = table[firstDataRow..].IndexOf("</tr", StringComparison.OrdinalIgnoreCase);
        var values = CellTexts(rowEnd < 0 ? table[firstDataRow..] : table.Slice(firstDataRow, rowEnd), "td");

        string? Cell(string name, int position)
        {
            var index = names.FindIndex(n => n.Equals(name, StringComparison.OrdinalIgnoreCase));
            index = index < 0 && names.Count == 0 ? position : index;
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
    private static string? ReadTitleId(string html)
    {
        const string Title = "Viewing cable ";
        var start = html.IndexOf(Title, StringComparison.Ordinal);
        if (start < 0)
            return null;
        start += Title.Length;
        var end = start;
        while (end < html.Length && char.IsAsciiLetterOrDigit(html[end]))
            end++;
        return ContainerFields.IsReferenceId(html.AsSpan(start, end - start)) ? html[start..end] : null;
    }

    private static int FindCableTable(string html)
    {
        for (var start = IndexOfTag(html, "table", 0); start >= 0; start = IndexOfTag(html, "table", start + 1))
        {
            var tagEnd = html.IndexOf('>', start);
            if (tagEnd < 0)
                return -1;
            var tag = html.AsSpan(start, tagEnd - start);
            if (tag.Contains("'cable'", StringComparison.OrdinalIgnoreCase) || tag.Contains("\"cable\"", StringComparison.OrdinalIgnoreCase))
                return start;
        }

        return -1;
    }

    /// <summary>The text of every <c>&lt;th&gt;</c> or <c>&lt;td&gt;</c> cell in <paramref name="html"/>, in order.</summary>
    private static List<string> CellTexts(ReadOnlySpan<char> html, string cell)
    {
        var texts = new List<string>();
        var open = "<" + cell;
        var close = "</" + cell;
        var position = 0;
        while (true)
        {
            var start = html[position..].IndexOf(open, StringComparison.OrdinalIgnoreCase);
            if (start < 0)
                break;
            start += position;
            var contentStart = html[start..].IndexOf('>');
            if (contentStart < 0)
                break;
            contentStart += start + 1;
            var end = html[contentStart..].IndexOf(close, StringComparison.OrdinalIgnoreCase);
            var content = end < 0 ? html[contentStart..] : html.Slice(contentStart, end);
            texts.Add(TextOf(content, keepNewlines: false));
            if (end < 0)
                break;
            position = contentStart + end + close.Length;
        }

        return texts;
    }

    /// <summary>The <c>&lt;pre&gt;</c> blocks, each turned into cable text.</summary>
    private static List<string> ReadPreBlocks(string html)
    {
        var blocks = new List<string>();
        for (var start = IndexOfTag(html, "pre", 0); start >= 0; start = IndexOfTag(html, "pre", start + 1))
        {
            var contentStart = html.IndexOf('>', start);
            if (contentStart < 0)
                break;
            contentStart++;
            var end = html.IndexOf("</pre", contentStart, StringComparison.OrdinalIgnoreCase);
            var content = html.AsSpan(contentStart, (end < 0 ? html.Length : end) - contentStart);
            blocks.Add(ContainerText.Normalize(TextOf(content, keepNewlines: true), deletePilcrows: true));
            if (end < 0)
                break;
            start = end;
        }

        return blocks;
    }

    /// <summary>
    /// Markup to text: tags are removed (the <c>&lt;a&gt;</c> of tags and paragraph anchors keep their text, §1.1), then entities
    /// are decoded (<c>&amp;#x000A;</c> is the newline). A <c>&lt;</c> that opens no tag is text: the media copies hold
    /// <c>&lt;&lt;218634&gt;&gt;</c> as written (§1.4). Outside <c>&lt;pre&gt;</c>, runs of white space become one space.
    /// </summary>
    private static string TextOf(ReadOnlySpan<char> html, bool keepNewlines)
    {
        var builder = new StringBuilder(html.Length);
        for (var i = 0; i < html.Length; i++)
        {
            var c = html[i];
            if (c == '<' && i + 1 < html.Length && (char.IsAsciiLetter(html[i + 1]) || html[i + 1] is '/' or '!' or '?'))
            {
                var tagEnd = html[i..].IndexOf('>');
                if (tagEnd < 0)
                    break;
                i += tagEnd;
                continue;
            }

            builder.Append(c);
        }

        var text = WebUtility.HtmlDecode(builder.ToString());
        return keepNewlines ? text : CollapseWhiteSpace(text);
    }

    private static string CollapseWhiteSpace(string text)
    {
        var builder = new StringBuilder(text.Length);
        foreach (var c in text.AsSpan().Trim())
        {
            if (char.IsWhiteSpace(c))
            {
                if (builder.Length > 0 && builder[^1] != ' ')
                    builder.Append(' ');
            }
            else
            {
                builder.Append(c);
            }
        }

        return builder.ToString();
    }

    /// <summary>The start of the next <c>&lt;name</c> tag (followed by <c>&gt;</c> or a blank) from <paramref name="from"/>, or -1.</summary>
    private static int IndexOfTag(string html, string name, int from)
    {
        var open = "<" + name;
        for (var start = html.IndexOf(open, from, StringComparison.OrdinalIgnoreCase); start >= 0;
             start = html.IndexOf(open, start + 1, StringComparison.OrdinalIgnoreCase))
        {
            var after = start + open.Length;
            if (after < html.Length && html[after] is '>' or ' ' or '\t' or '\n' or '\r' or '/')
                return start;
        }

        return -1;
    }
}

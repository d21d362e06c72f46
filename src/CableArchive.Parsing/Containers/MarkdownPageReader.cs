using System.Text;
using CableArchive.Domain.Cables;
using Markdig;
using Markdig.Extensions.Tables;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;

namespace CableArchive.Parsing.Containers;

/// <summary>What a Markdown rendering of a cable page holds.</summary>
/// <param name="Text">The cable text: the document with the rendering's markup undone.</param>
/// <param name="CodeBlocks">The fenced code blocks' contents, when the rendering put header and body in them.</param>
/// <param name="Metadata">The metadata table (Reference ID, Created, …), or null when the rendering has none.</param>
internal sealed record MarkdownPage(string Text, IReadOnlyList<string> CodeBlocks, ContainerMetadata? Metadata);

/// <summary>
/// Reads a Markdown rendering of a WikiLeaks cable page (cable-format notes §1.1; the seed 08TOKYO2577.md) with Markdig's
/// parser. The rendering turned the page's anchors and tag links into links to <c>#</c> (<c>[¶1.](#)</c>, <c>[¶](#)1.</c>,
/// <c>[PGOV](#)</c>); the reader walks the syntax tree and replaces each such link by its label, keeping every other
/// character of the source as it is, so that the cable's own line breaks and spacing survive.
/// </summary>
internal static class MarkdownPageReader
{
    private static readonly MarkdownPipeline Pipeline = new MarkdownPipelineBuilder().UsePipeTables().UsePreciseSourceLocation().Build();

    /// <summary>The metadata table's column names, as on the HTML page (§1.1).</summary>
    private static readonly string[] MetadataColumns = ["Reference ID", "Created", "Released", "Classification", "Origin"];

    /// <summary>One change to the source: the characters at [Start, Start + Length) become <paramref name="Replacement"/>.</summary>
    private readonly record struct Edit(int Start, int Length, string Replacement);

    public static MarkdownPage Read(string markdown)
    {
        var document = Markdown.Parse(markdown, Pipeline);
        var edits = new List<Edit>();
        var codeBlocks = new List<string>();
        ContainerMetadata? metadata = null;

        foreach (var node in document.Descendants())
        {
            switch (node)
            {
                case Table table when metadata is null && TryReadMetadata(table, out var tableMetadata):
                    metadata = tableMetadata;
                    edits.Add(EditOf(table.Span, ""));
                    break;
                case HeadingBlock heading when HeadingText(heading).StartsWith("Viewing cable", StringComparison.OrdinalIgnoreCase):
                    edits.Add(EditOf(heading.Span, ""));
                    break;
                case FencedCodeBlock code:
                    // The fences are markup; the lines between them are text.
                    var content = code.Lines.ToString();
                    codeBlocks.Add(content);
                    edits.Add(EditOf(code.Span, content));
                    break;
                case LinkInline { IsImage: false } link when IsAnchorLink(link.Url):
                    edits.Add(EditOf(link.Span, LabelOf(markdown, link)));
                    break;
                case LiteralInline literal when SourceOf(markdown, literal.Span).Contains('\\'):
                    // A backslash escape (\* for *): the literal's content has it undone.
                    edits.Add(EditOf(literal.Span, literal.Content.ToString()));
                    break;
                case HtmlEntityInline entity:
                    edits.Add(EditOf(entity.Span, entity.Transcoded.ToString()));
                    break;
                case LineBreakInline { IsBackslash: true } lineBreak:
                    // §1.4: a backslash that ends a line is a line break.
                    edits.Add(EditOf(lineBreak.Span, "\n"));
                    break;
            }
        }

        return new MarkdownPage(Apply(markdown, edits), codeBlocks, metadata);
    }

    /// <summary>Links to <c>#</c>: the page's paragraph anchors and tag links as the rendering wrote them (§1.1).</summary>
    private static bool IsAnchorLink(string? url) => url is not null && (url.Length == 0 || url[0] == '#');

    private static string LabelOf(string markdown, LinkInline link) =>
        link.LabelSpan is { IsEmpty: false } label ? SourceOf(markdown, label).ToString() : InlineText(link);

    private static bool TryReadMetadata(Table table, out ContainerMetadata metadata)
    {
        metadata = new ContainerMetadata();
        var rows = table.OfType<TableRow>().ToList();
        if (rows.Count < 2)
            return false;

        var names = rows[0].OfType<TableCell>().Select(CellText).ToList();
        if (!names.Exists(name => name.Equals(MetadataColumns[0], StringComparison.OrdinalIgnoreCase)))
            return false;
        var values = rows[1].OfType<TableCell>().Select(CellText).ToList();

        string? Cell(string name)
        {
            var index = names.FindIndex(n => n.Equals(name, StringComparison.OrdinalIgnoreCase));
            return index >= 0 && index < values.Count && values[index].Length > 0 ? values[index] : null;
        }

        metadata = new ContainerMetadata
        {
            Id = Cell("Reference ID"),
            Created = Cell("Created") is { } created ? ContainerFields.ParseDate(created) : null,
            Released = Cell("Released") is { } released ? ContainerFields.ParseDate(released) : null,
            Origin = Cell("Origin"),
        };
        if (Cell("Classification") is { } classification)
            metadata = ContainerFields.WithClassification(metadata, classification);
        return true;
    }

    private static string CellText(TableCell cell)
    {
        var builder = new StringBuilder();
        foreach (var paragraph in cell.OfType<LeafBlock>())
        {
            if (paragraph.Inline is { } inline)
                builder.Append(InlineText(inline));
        }

        return builder.ToString().Trim();
    }

    private static string HeadingText(HeadingBlock heading) => heading.Inline is { } inline ? InlineText(inline) : "";

    /// <summary>The text of inlines as a reader sees it: literals, link labels, decoded entities, code.</summary>
    private static string InlineText(ContainerInline container)
    {
        var builder = new StringBuilder();
        foreach (var inline in container)
        {
            switch (inline)
            {
                case LiteralInline literal:
                    builder.Append(literal.Content.AsSpan());
                    break;
                case HtmlEntityInline entity:
                    builder.Append(entity.Transcoded.AsSpan());
                    break;
                case CodeInline code:
                    builder.Append(code.Content);
                    break;
                case LineBreakInline:
                    builder.Append(' ');
                    break;
                case ContainerInline nested:
                    builder.Append(InlineText(nested));
                    break;
            }
        }

        return builder.ToString();
    }

    private static Edit EditOf(SourceSpan span, string replacement) => new(span.Start, span.Length, replacement);

    private static ReadOnlySpan<char> SourceOf(string markdown, SourceSpan span) =>
        span.Start >= 0 && span.Length > 0 && span.Start + span.Length <= markdown.Length ? markdown.AsSpan(span.Start, span.Length) : [];

    /// <summary>
    /// Applies the edits in source order. An edit inside one already applied (a literal inside a replaced link or table)
    /// is dropped: the outer one has decided that text.
    /// </summary>
    private static string Apply(string markdown, List<Edit> edits)
    {
        edits.Sort((a, b) => a.Start != b.Start ? a.Start.CompareTo(b.Start) : b.Length.CompareTo(a.Length));
        var builder = new StringBuilder(markdown.Length);
        var copied = 0;
        foreach (var edit in edits)
        {
            if (edit.Start < copied || edit.Start < 0 || edit.Length <= 0 || edit.Start + edit.Length > markdown.Length)
                continue;
            builder.Append(markdown, copied, edit.Start - copied);
            builder.Append(edit.Replacement);
            copied = edit.Start + edit.Length;
        }

        builder.Append(markdown, copied, markdown.Length - copied);
        return builder.ToString();
    }
}

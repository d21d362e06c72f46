using CableArchive.Domain;
using CableArchive.Domain.Cables;

namespace CableArchive.Parsing.Containers;

/// <summary>
/// Reads cable documents out of their containers. The format is detected from the content; the file
/// extension is only a hint (cable-format notes §1).
/// </summary>
public static class CableReader
{
    /// <summary>How much of the content format detection looks at.</summary>
    private const int HeadLength = 16 * 1024;

    /// <summary>
    /// Reads every cable document in <paramref name="stream"/>: one for a raw text, HTML page or Markdown file,
    /// one per row for a cables.csv, streaming. Never throws on bad content: a record that cannot be unwrapped
    /// still yields a document, with an error diagnostic.
    /// </summary>
    /// <param name="stream">The content.</param>
    /// <param name="path">The file path, archive entry, or <c>-</c>; its extension is a hint.</param>
    public static IEnumerable<CableDocument> Read(Stream stream, string path)
    {
        ArgumentNullException.ThrowIfNull(stream);
        return ReadDocuments(stream, string.IsNullOrEmpty(path) ? "-" : path);
    }

    /// <summary>Detects the format of a content from its first bytes, with the path's extension as a hint.</summary>
    public static CableFormat DetectFormat(ReadOnlySpan<byte> head, string path)
    {
        var extension = Path.GetExtension(path ?? "").ToLowerInvariant();
        var content = SkipByteOrderMarkAndBlanks(head);

        // §1.2: a cables.csv starts with a row, "1","12/28/1966 18:48",…; the extension admits text before the first row.
        if (CsvRecordSplitter.IsRowStart(content) || (extension == ".csv" && HasRowStartLine(content)))
            return CableFormat.CablesCsv;

        var text = ContainerText.Decode(head, out _).AsSpan().TrimStart();
        if (LooksLikeHtml(text) || (extension is ".html" or ".htm" && text.StartsWith('<')))
            return CableFormat.WikiLeaksHtml;

        // §1.1: the rendering writes the page's anchors and tag links as links to #: [¶1.](#), [PGOV](#).
        if (text.Contains("](#)", StringComparison.Ordinal) || extension is ".md" or ".markdown")
            return CableFormat.Markdown;

        return CableFormat.RawText;
    }

    private static IEnumerable<CableDocument> ReadDocuments(Stream stream, string path)
    {
        var head = ReadHead(stream);
        var format = DetectFormat(head, path);
        if (format == CableFormat.CablesCsv)
        {
            foreach (var document in CablesCsvReader.Read(stream, head, path))
                yield return document;
            yield break;
        }

        yield return ReadSingle(ReadRest(stream, head), path, format);
    }

    /// <summary>One page, rendering or raw text: the whole content is one cable.</summary>
    private static CableDocument ReadSingle(byte[] content, string path, CableFormat format)
    {
        var diagnostics = new List<Diagnostic>();
        var raw = ContainerText.Decode(content, out var fellBack);
        if (fellBack)
            diagnostics.Add(new Diagnostic(DiagnosticSeverity.Warning, 0, "The content is not valid UTF-8; it was decoded as Windows-1252."));
        if (LooksBinary(raw))
            diagnostics.Add(new Diagnostic(DiagnosticSeverity.Warning, 0, "The content looks binary, not like text."));

        ContainerMetadata? metadata = null;
        string header, body;
        switch (format)
        {
            case CableFormat.WikiLeaksHtml:
            {
                var page = WikiLeaksPageReader.Read(raw, diagnostics);
                metadata = page.Metadata;
                (header, body) = CableBodies.Unwrap(page.Header, page.Body, diagnostics, ref metadata);
                break;
            }

            case CableFormat.Markdown:
            {
                var page = MarkdownPageReader.Read(ContainerText.Normalize(raw, deletePilcrows: false));
                metadata = page.Metadata;
                var text = ContainerText.Normalize(page.Text, deletePilcrows: true);
                // Header and body in fenced code blocks, as the page's two <pre> blocks; otherwise the text is split at its banner.
                (header, body) = page.CodeBlocks.Count >= 2
                    ? CableBodies.Unwrap(ContainerText.Normalize(page.CodeBlocks[0], deletePilcrows: true), ContainerText.Normalize(page.CodeBlocks[1], deletePilcrows: true), diagnostics, ref metadata)
                    : CableBodies.Unwrap("", text, diagnostics, ref metadata);
                break;
            }

            default:
                (header, body) = CableBodies.Unwrap("", ContainerText.Normalize(raw, deletePilcrows: false), diagnostics, ref metadata);
                break;
        }

        return new CableDocument(new CableSource(path, null, format), header, body, metadata, diagnostics) { RawRecord = raw };
    }

    private static byte[] ReadHead(Stream stream)
    {
        var head = new byte[HeadLength];
        var length = 0;
        while (length < head.Length)
        {
            var read = stream.Read(head, length, head.Length - length);
            if (read == 0)
                break;
            length += read;
        }

        return length == head.Length ? head : head[..length];
    }

    private static byte[] ReadRest(Stream stream, byte[] head)
    {
        if (head.Length < HeadLength)
            return head;
        using var content = new MemoryStream();
        content.Write(head);
        stream.CopyTo(content);
        return content.ToArray();
    }

    private static ReadOnlySpan<byte> SkipByteOrderMarkAndBlanks(ReadOnlySpan<byte> head)
    {
        if (head.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]))
            head = head[3..];
        var start = head.IndexOfAnyExcept((ReadOnlySpan<byte>)[(byte)' ', (byte)'\t', (byte)'\r', (byte)'\n']);
        return start < 0 ? [] : head[start..];
    }

    private static bool HasRowStartLine(ReadOnlySpan<byte> content)
    {
        for (var position = 0; position < content.Length;)
        {
            if (CsvRecordSplitter.IsRowStart(content[position..]))
                return true;
            var newline = content[position..].IndexOf((byte)'\n');
            if (newline < 0)
                break;
            position += newline + 1;
        }

        return false;
    }

    /// <summary>A WikiLeaks page (§1.1) or other markup: a document prologue, or the page's cable table or code blocks.</summary>
    private static bool LooksLikeHtml(ReadOnlySpan<char> text) =>
        text.StartsWith("<!DOCTYPE html", StringComparison.OrdinalIgnoreCase) || text.StartsWith("<html", StringComparison.OrdinalIgnoreCase)
        || (text.StartsWith("<?xml", StringComparison.OrdinalIgnoreCase) && text.Contains("<html", StringComparison.OrdinalIgnoreCase))
        || (text.StartsWith('<') && (text.Contains("<table class='cable'", StringComparison.OrdinalIgnoreCase)
            || text.Contains("<pre>", StringComparison.OrdinalIgnoreCase) || text.Contains("<body", StringComparison.OrdinalIgnoreCase)));

    /// <summary>Text has few control characters besides tab and newline; binary content has many.</summary>
    private static bool LooksBinary(string text)
    {
        var sample = text.AsSpan(0, Math.Min(text.Length, 4096));
        var controls = 0;
        foreach (var c in sample)
        {
            if (char.IsControl(c) && c is not ('\n' or '\r' or '\t' or '\f'))
                controls++;
        }

        return sample.Length > 0 && controls * 10 > sample.Length;
    }
}

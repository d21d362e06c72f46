using System.Text;
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
    /// A seekable content up to this size is read whole at once, with no second copy: a page or a raw text is far smaller. A
    /// larger one (a cables.csv) is read from its head on, streaming.
    /// </summary>
    private const int WholeReadLimit = 1024 * 1024;

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

    /// <summary>
    /// Reads every cable document in a content held in memory, as <see cref="Read(Stream, string)"/> does, without copying it:
    /// the documents keep <paramref name="content"/> as their raw content, so it must not change afterwards.
    /// </summary>
    /// <param name="content">The content.</param>
    /// <param name="path">The file path, archive entry, or <c>-</c>; its extension is a hint.</param>
    public static IEnumerable<CableDocument> Read(byte[] content, string path)
    {
        ArgumentNullException.ThrowIfNull(content);
        path = string.IsNullOrEmpty(path) ? "-" : path;
        var format = DetectFormat(content.AsSpan(0, Math.Min(content.Length, HeadLength)), path);
        return format == CableFormat.CablesCsv
            ? CablesCsvReader.Read(new MemoryStream(content, writable: false), ReadOnlyMemory<byte>.Empty, path)
            : [ReadSingle(content, path, format)];
    }

    /// <summary>Detects the format of a content from its first bytes, with the path's extension as a hint.</summary>
    public static CableFormat DetectFormat(ReadOnlySpan<byte> head, string path)
    {
        var extension = Path.GetExtension(path ?? "").ToLowerInvariant();
        var content = SkipByteOrderMarkAndBlanks(head);

        // §1.2: a cables.csv starts with a row, "1","12/28/1966 18:48",…; the extension admits text before the first row.
        if (CsvRecordSplitter.IsRowStart(content) || (extension == ".csv" && HasRowStartLine(content)))
            return CableFormat.CablesCsv;

        // The markup looked for is ASCII, read in the bytes of UTF-8 or Windows-1252; a UTF-16 head is re-encoded first.
        if (ContainerText.Utf16ByMark(head) is { } utf16)
            content = SkipByteOrderMarkAndBlanks(Encoding.UTF8.GetBytes(utf16.GetString(head[2..])));
        if (LooksLikeHtml(content) || (extension is ".html" or ".htm" && content.StartsWith("<"u8)))
            return CableFormat.WikiLeaksHtml;

        // §1.1: the rendering writes the page's anchors and tag links as links to #: [¶1.](#), [PGOV](#).
        if (content.IndexOf("](#)"u8) >= 0 || extension is ".md" or ".markdown")
            return CableFormat.Markdown;

        return CableFormat.RawText;
    }

    private static IEnumerable<CableDocument> ReadDocuments(Stream stream, string path)
    {
        var start = ReadStart(stream, out var complete);
        var format = DetectFormat(start.AsSpan(0, Math.Min(start.Length, HeadLength)), path);
        if (format == CableFormat.CablesCsv)
        {
            foreach (var document in CablesCsvReader.Read(stream, start, path))
                yield return document;
            yield break;
        }

        yield return ReadSingle(complete ? start : ReadRest(stream, start), path, format);
    }

    /// <summary>One page, rendering or raw text: the whole content is one cable.</summary>
    private static CableDocument ReadSingle(byte[] content, string path, CableFormat format) =>
        format == CableFormat.WikiLeaksHtml ? ReadPage(content, path) : ReadText(content, path, format);

    /// <summary>
    /// A WikiLeaks page, scanned over its bytes: only the metadata table and the <c>&lt;pre&gt;</c> blocks are decoded (the
    /// cable is a sixth of the page), and the page's text only when <see cref="CableDocument.RawRecord"/> is asked for.
    /// </summary>
    private static CableDocument ReadPage(byte[] content, string path)
    {
        var diagnostics = new List<Diagnostic>();
        // The scanner looks for ASCII markup byte by byte, so a UTF-16 page is scanned as UTF-8.
        ReadOnlySpan<byte> html = ContainerText.Utf16ByMark(content) is { } utf16
            ? Encoding.UTF8.GetBytes(utf16.GetString(content, 2, content.Length - 2))
            : content.AsSpan(ContainerText.Utf8MarkLength(content));

        var page = WikiLeaksPageReader.Read(html, diagnostics);
        ReportDecoding(diagnostics, page.FellBack, ContainerText.LooksBinary(page.Text.Text.AsSpan(page.Text.BodyStart)));
        var metadata = page.Metadata;
        var text = CableBodies.Unwrap(page.Text, diagnostics, ref metadata);
        return new CableDocument(new CableSource(path, null, CableFormat.WikiLeaksHtml), text, metadata, diagnostics) { RawContent = content };
    }

    /// <summary>A Markdown rendering or a raw text: decoded whole, as the text is the cable.</summary>
    private static CableDocument ReadText(byte[] content, string path, CableFormat format)
    {
        var diagnostics = new List<Diagnostic>();
        var raw = ContainerText.Decode(content, out var fellBack);
        ReportDecoding(diagnostics, fellBack, ContainerText.LooksBinary(raw));

        ContainerMetadata? metadata = null;
        CableText text;
        if (format == CableFormat.Markdown)
        {
            var page = MarkdownPageReader.Read(ContainerText.Normalize(raw, deletePilcrows: false));
            metadata = page.Metadata;
            // Header and body in fenced code blocks, as the page's two <pre> blocks; otherwise the text is split at its banner.
            text = page.CodeBlocks.Count >= 2
                ? CableBodies.Unwrap(ContainerText.Normalize(page.CodeBlocks[0], deletePilcrows: true), ContainerText.Normalize(page.CodeBlocks[1], deletePilcrows: true), diagnostics, ref metadata)
                : CableBodies.Unwrap("", ContainerText.Normalize(page.Text, deletePilcrows: true), diagnostics, ref metadata);
        }
        else
        {
            text = CableBodies.Unwrap("", ContainerText.Normalize(raw, deletePilcrows: false), diagnostics, ref metadata);
        }

        return new CableDocument(new CableSource(path, null, format), text, metadata, diagnostics) { RawRecord = raw };
    }

    private static void ReportDecoding(List<Diagnostic> diagnostics, bool fellBack, bool looksBinary)
    {
        if (fellBack)
            diagnostics.Add(new Diagnostic(DiagnosticSeverity.Warning, 0, "The content is not valid UTF-8; it was decoded as Windows-1252."));
        if (looksBinary)
            diagnostics.Add(new Diagnostic(DiagnosticSeverity.Warning, 0, "The content looks binary, not like text."));
    }

    /// <summary>
    /// The start of the content, at least its head (<see cref="HeadLength"/> bytes) for format detection; all of it when a
    /// seekable stream is small enough, or when the content is shorter than a head, and then <paramref name="complete"/> is set.
    /// </summary>
    private static byte[] ReadStart(Stream stream, out bool complete)
    {
        if (stream.CanSeek && stream.Length - stream.Position is var left and >= 0 and <= WholeReadLimit)
        {
            var content = GC.AllocateUninitializedArray<byte>((int)left);
            var read = stream.ReadAtLeast(content, content.Length, throwOnEndOfStream: false);
            complete = true;
            return read == content.Length ? content : content[..read];
        }

        var head = new byte[HeadLength];
        var length = stream.ReadAtLeast(head, head.Length, throwOnEndOfStream: false);
        complete = length < head.Length;
        return complete ? head[..length] : head;
    }

    private static byte[] ReadRest(Stream stream, byte[] head)
    {
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
    private static bool LooksLikeHtml(ReadOnlySpan<byte> text) =>
        AsciiBytes.StartsWithIgnoreCase(text, "<!doctype html"u8) || AsciiBytes.StartsWithIgnoreCase(text, "<html"u8)
        || (AsciiBytes.StartsWithIgnoreCase(text, "<?xml"u8) && AsciiBytes.ContainsIgnoreCase(text, "<html"u8))
        || (text.StartsWith("<"u8) && (AsciiBytes.ContainsIgnoreCase(text, "<table class='cable'"u8)
            || AsciiBytes.ContainsIgnoreCase(text, "<pre>"u8) || AsciiBytes.ContainsIgnoreCase(text, "<body"u8)));
}

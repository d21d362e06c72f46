using CableArchive.Domain.Cables;

namespace CableArchive.Parsing.Containers;

/// <summary>
/// Reads cable documents out of their containers. The format is detected from the content; the file
/// extension is only a hint (cable-format notes §1).
/// </summary>
public static class CableReader
{
    /// <summary>
    /// Reads every cable document in <paramref name="stream"/>: one for a raw text, HTML page or Markdown file,
    /// one per row for a cables.csv, streaming. Never throws on bad content: a record that cannot be unwrapped
    /// still yields a document, with an error diagnostic.
    /// </summary>
    /// <param name="stream">The content.</param>
    /// <param name="path">The file path, archive entry, or <c>-</c>; its extension is a hint.</param>
    public static IEnumerable<CableDocument> Read(Stream stream, string path) => throw new NotImplementedException();

    /// <summary>Detects the format of a content from its first bytes, with the path's extension as a hint.</summary>
    public static CableFormat DetectFormat(ReadOnlySpan<byte> head, string path) => throw new NotImplementedException();
}

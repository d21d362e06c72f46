using CableArchive.Domain;
using CableArchive.Domain.Cables;
using CableArchive.Parsing.Containers;

namespace CableArchive.Parsing;

/// <summary>
/// One cable as a container gives it, unwrapped but not yet parsed: the cable text (the header, a blank line, then the
/// body; LF newlines, container escapes decoded), and whatever metadata the container carries.
/// </summary>
public sealed class CableDocument
{
    /// <summary>A document of a header and a body, joined into one text.</summary>
    /// <param name="source">Where it was read from.</param>
    /// <param name="header">The routing header text (empty when the container has none).</param>
    /// <param name="body">The body text, from the classification line on.</param>
    /// <param name="metadata">What the container says about the cable, if anything.</param>
    /// <param name="diagnostics">What the container reader noticed (decoding fallbacks, broken quotes…).</param>
    public CableDocument(CableSource source, string header, string body, ContainerMetadata? metadata, IReadOnlyList<Diagnostic> diagnostics)
        : this(source, CableText.Join(header.AsSpan().TrimEnd('\n'), body, 0), metadata, diagnostics)
    {
    }

    internal CableDocument(CableSource source, CableText text, ContainerMetadata? metadata, IReadOnlyList<Diagnostic> diagnostics)
    {
        Source = source;
        Text = text.Text;
        HeaderSpan = new TextSpan(0, text.HeaderLength);
        BodySpan = TextSpan.FromBounds(text.BodyStart, text.Text.Length);
        BodyString = text.Body;
        Metadata = metadata;
        Diagnostics = diagnostics;
    }

    /// <summary>Where it was read from.</summary>
    public CableSource Source { get; }

    /// <summary>The cable text: the routing header, a blank line, then the body; the body alone when there is no header.</summary>
    public string Text { get; }

    /// <summary>Where the routing header lies in <see cref="Text"/> (empty when the container has none).</summary>
    public TextSpan HeaderSpan { get; }

    /// <summary>Where the body lies in <see cref="Text"/>: from the classification line on, to the end.</summary>
    public TextSpan BodySpan { get; }

    /// <summary>The routing header text (empty when the container has none).</summary>
    public string Header => Text[..HeaderSpan.End];

    /// <summary>The body text, from the classification line on.</summary>
    public string Body => BodyString ?? Text[BodySpan.Start..];

    /// <summary>What the container says about the cable, if anything.</summary>
    public ContainerMetadata? Metadata { get; }

    /// <summary>What the container reader noticed (decoding fallbacks, broken quotes…).</summary>
    public IReadOnlyList<Diagnostic> Diagnostics { get; }

    private string? rawRecord;

    /// <summary>The raw bytes or text of the record as read, before unwrapping, for quarantine and versioning.</summary>
    public string? RawRecord
    {
        get => rawRecord ??= RawContent is { } content ? ContainerText.Decode(content, out _) : null;
        init => rawRecord = value;
    }

    /// <summary>
    /// The content as read, decoded into <see cref="RawRecord"/> only when that is asked for: a WikiLeaks page is six times
    /// the size of its cable, and a parse that does not keep it should not pay for its text.
    /// </summary>
    internal byte[]? RawContent { get; init; }

    /// <summary>
    /// The body as a string of its own when the container had exactly that string, else null (it would be a copy of part of
    /// <see cref="Text"/>): the body parser then needs no copy of it.
    /// </summary>
    internal string? BodyString { get; }
}

/// <summary>Metadata a caller supplies for every input (the <c>--id</c> and <c>--date</c> options of <c>cablearchive parse</c>).</summary>
/// <param name="Id">The reference id to assume.</param>
/// <param name="Created">The date-time to assume, UTC.</param>
public sealed record CableHints(string? Id = null, DateTime? Created = null);

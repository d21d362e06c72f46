using CableArchive.Domain.Classification;

namespace CableArchive.Domain.Cables;

/// <summary>
/// One cable as the parser reads it, from any container. Every piece keeps its <see cref="TextSpan"/> into
/// <see cref="Text"/>, the normalised text (LF newlines, container escapes decoded) of header and body.
/// </summary>
public sealed record Cable
{
    /// <summary>Where the cable was read from.</summary>
    public required CableSource Source { get; init; }

    /// <summary>
    /// The cable text with the container unwrapped: the routing header, a blank line, then the body.
    /// Spans of every parsed piece point into it.
    /// </summary>
    public required string Text { get; init; }

    /// <summary>The routing header's part of <see cref="Text"/> (empty span when there is none).</summary>
    public TextSpan HeaderSpan { get; init; }

    /// <summary>The body's part of <see cref="Text"/>, from the classification line on.</summary>
    public TextSpan BodySpan { get; init; }

    /// <summary>The canonical reference id (<c>08TOKYO2577</c>); null when neither text nor container gives one.</summary>
    public string? Id { get; init; }

    /// <summary>Other ids the cable is known by (malformed WikiLeaks ids such as <c>09SECTION01OF03BRUSSELS1234</c>).</summary>
    public IReadOnlyList<string> Aliases { get; init; } = [];

    /// <summary>The date-time of the cable in UTC, from the DTG, else from the container.</summary>
    public DateTime? Created { get; init; }

    /// <summary>The origin's plain name as WikiLeaks labels it (<c>Embassy Tokyo</c>, <c>Secretary of State</c>).</summary>
    public string? Origin { get; init; }

    /// <summary>The routing header; null when the input has none.</summary>
    public RoutingHeader? Header { get; init; }

    /// <summary>Whether the record is a partial extract of the original cable (cable-format notes §2.1.3).</summary>
    public bool Partial { get; init; }

    /// <summary>The banner classification line (<c>S E C R E T TOKYO 002577</c>); null when none was found.</summary>
    public ClassificationLine? ClassificationLine { get; init; }

    /// <summary>
    /// The cable's classification: the banner line's level with the caveats of its captions (NOFORN, EXDIS…);
    /// the container's classification where the text has no banner; null when neither has one.
    /// </summary>
    public ClassificationLabel? Classification { get; init; }

    /// <summary>Captions between the banner and the E.O. line: SIPDIS, NOFORN, SENSITIVE, EXDIS, corrections, FOR lines.</summary>
    public IReadOnlyList<Caption> Captions { get; init; } = [];

    /// <summary>The E.O. declassification line.</summary>
    public ExecutiveOrderLine? ExecutiveOrder { get; init; }

    /// <summary>The TAGS, in order, without duplicates.</summary>
    public IReadOnlyList<Tag> Tags { get; init; } = [];

    /// <summary>The SUBJECT with its own portion mark.</summary>
    public Subject? Subject { get; init; }

    /// <summary>The REF items.</summary>
    public IReadOnlyList<Reference> References { get; init; } = [];

    /// <summary>The "Classified By" line.</summary>
    public ClassifiedBy? ClassifiedBy { get; init; }

    /// <summary>
    /// The portions of the text after the front matter, in order: numbered paragraphs, their lettered
    /// sub-paragraphs, and unnumbered blocks. Each carries its own portion mark.
    /// </summary>
    public IReadOnlyList<Paragraph> Paragraphs { get; init; } = [];

    /// <summary>The summary text (between SUMMARY: and END SUMMARY), if any.</summary>
    public TextBlock? Summary { get; init; }

    /// <summary>Comment spans (COMMENT: … END COMMENT).</summary>
    public IReadOnlyList<TextBlock> Comments { get; init; } = [];

    /// <summary>The signers' surnames, in order.</summary>
    public IReadOnlyList<Signer> Signers { get; init; } = [];

    /// <summary>Source redactions (<c>[Xx]{4,}</c>) with their places.</summary>
    public IReadOnlyList<TextSpan> Redactions { get; init; } = [];

    /// <summary>Page-break lines of both eras that were removed before fields were read.</summary>
    public IReadOnlyList<TextSpan> PageBreaks { get; init; } = [];

    /// <summary>What the container said about the cable, kept beside what the text says.</summary>
    public ContainerMetadata? Metadata { get; init; }

    /// <summary>Everything odd the parser noticed.</summary>
    public IReadOnlyList<Diagnostic> Diagnostics { get; init; } = [];

    /// <summary>Whether the input was recognised as a cable at all (no error diagnostic says otherwise).</summary>
    public bool IsCable => !Diagnostics.Any(d => d.Severity == DiagnosticSeverity.Error);

    /// <summary>The text of a span of this cable.</summary>
    public string Slice(TextSpan span) =>
        span.Start >= 0 && span.End <= Text.Length ? Text.Substring(span.Start, span.Length) : "";
}

/// <summary>The input forms a cable arrives in.</summary>
public enum CableFormat
{
    /// <summary>Raw telegram text: routing header lines then the body.</summary>
    RawText,

    /// <summary>A WikiLeaks cable page (HTML).</summary>
    WikiLeaksHtml,

    /// <summary>A Markdown rendering of a WikiLeaks cable page.</summary>
    Markdown,

    /// <summary>A row of the cables.csv dump.</summary>
    CablesCsv,
}

/// <summary>Where a cable was read from.</summary>
/// <param name="Path">The file path, archive entry path, or <c>-</c> for standard input.</param>
/// <param name="Row">The 1-based data row of a cables.csv; null for other formats.</param>
/// <param name="Format">The detected format.</param>
/// <param name="Offset">The byte offset of the record in its file, where known (cables.csv rows).</param>
public sealed record CableSource(string Path, int? Row, CableFormat Format, long? Offset = null);

/// <summary>What a container (cables.csv columns, the WikiLeaks page table) says about a cable.</summary>
public sealed record ContainerMetadata
{
    /// <summary>The reference id as the container gives it (may be malformed).</summary>
    public string? Id { get; init; }

    /// <summary>The date-time the container gives, UTC. WikiLeaks pages get the minutes wrong (cable-format notes §1.1).</summary>
    public DateTime? Created { get; init; }

    /// <summary>When the container says the cable was released (WikiLeaks pages).</summary>
    public DateTime? Released { get; init; }

    /// <summary>The classification the container gives (link text on pages, never the title attribute).</summary>
    public ClassificationLabel? Classification { get; init; }

    /// <summary>The classification as written by the container.</summary>
    public string? ClassificationText { get; init; }

    /// <summary>The origin the container gives (<c>Embassy Tokyo</c>).</summary>
    public string? Origin { get; init; }

    /// <summary>The referenced cable ids the container lists (cables.csv column 6).</summary>
    public IReadOnlyList<string> ReferencedIds { get; init; } = [];

    /// <summary>The numeric record id of a cables.csv row.</summary>
    public long? RecordNumber { get; init; }
}

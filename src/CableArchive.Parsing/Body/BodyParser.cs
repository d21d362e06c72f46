using CableArchive.Domain;
using CableArchive.Domain.Cables;

namespace CableArchive.Parsing.Body;

/// <summary>Everything the body parser found.</summary>
internal sealed record BodyParseResult
{
    public ClassificationLine? ClassificationLine { get; init; }
    public IReadOnlyList<Caption> Captions { get; init; } = [];
    public ExecutiveOrderLine? ExecutiveOrder { get; init; }
    public IReadOnlyList<Tag> Tags { get; init; } = [];
    public Subject? Subject { get; init; }
    public IReadOnlyList<Reference> References { get; init; } = [];
    public ClassifiedBy? ClassifiedBy { get; init; }
    public IReadOnlyList<Paragraph> Paragraphs { get; init; } = [];
    public TextBlock? Summary { get; init; }
    public IReadOnlyList<TextBlock> Comments { get; init; } = [];
    public IReadOnlyList<Signer> Signers { get; init; } = [];
    public IReadOnlyList<TextSpan> Redactions { get; init; } = [];
    public IReadOnlyList<TextSpan> PageBreaks { get; init; } = [];
}

/// <summary>Reads the body: banner, captions, E.O., TAGS, SUBJECT, REF, Classified By, paragraphs, signers (cable-format notes §3–§10).</summary>
internal static class BodyParser
{
    /// <param name="context">The shared text and diagnostics.</param>
    /// <param name="bodySpan">The body's part of the text.</param>
    /// <param name="year">The cable's year where known (from the DTG or the container), to canonicalise reference ids.</param>
    public static BodyParseResult Parse(ParseContext context, TextSpan bodySpan, int? year) => throw new NotImplementedException();
}

using CableArchive.Domain.Classification;

namespace CableArchive.Domain.Cables;

/// <summary>
/// The banner classification line, <c>S E C R E T SECTION 01 OF 02 TOKYO 002577</c> (cable-format notes §3.1).
/// </summary>
public sealed record ClassificationLine
{
    /// <summary>The level read from the line.</summary>
    public required ClassificationLevel Level { get; init; }

    /// <summary>Caveats written on the line itself (<c>UNCLAS EFTO</c>).</summary>
    public IReadOnlyList<Caveat> Caveats { get; init; } = [];

    /// <summary>The section number, when the line says <c>SECTION n OF m</c>.</summary>
    public int? Section { get; init; }

    /// <summary>The section count, when the line says <c>SECTION n OF m</c>.</summary>
    public int? SectionCount { get; init; }

    /// <summary>The origin words (<c>TOKYO</c>, <c>RIO DE JANEIRO</c>, <c>STATE</c>).</summary>
    public string? OriginWords { get; init; }

    /// <summary>The serial as written (<c>002577</c>).</summary>
    public string? Serial { get; init; }

    /// <summary>The line as written.</summary>
    public required string Raw { get; init; }

    /// <summary>Where the line stands.</summary>
    public TextSpan Span { get; init; }
}

/// <summary>Kinds of caption (cable-format notes §3.2).</summary>
public enum CaptionKind
{
    /// <summary>SIPDIS.</summary>
    Sipdis,

    /// <summary>NOFORN.</summary>
    NoForn,

    /// <summary>SENSITIVE, SENSITIVE BUT UNCLASSIFIED.</summary>
    Sensitive,

    /// <summary>EXDIS.</summary>
    Exdis,

    /// <summary>NODIS.</summary>
    Nodis,

    /// <summary>LIMDIS.</summary>
    Limdis,

    /// <summary>STADIS.</summary>
    Stadis,

    /// <summary>NOTAL.</summary>
    Notal,

    /// <summary>Another distribution caption (ROGER, SPECAT, OFFICIAL INFORMAL, DEA SENSITIVE).</summary>
    OtherDistribution,

    /// <summary>A correction notice (<c>C O R R E C T E D C O P Y</c>).</summary>
    Correction,

    /// <summary>An office FOR line (<c>DEPT FOR NEA/MAG AND DRL</c>).</summary>
    For,
}

/// <summary>One caption.</summary>
/// <param name="Kind">What kind of caption.</param>
/// <param name="Text">The caption as written.</param>
/// <param name="Span">Where it stands.</param>
public sealed record Caption(CaptionKind Kind, string Text, TextSpan Span);

/// <summary>The E.O. declassification line (cable-format notes §4).</summary>
public sealed record ExecutiveOrderLine
{
    /// <summary>The executive order number, <c>12958</c>.</summary>
    public string? Order { get; init; }

    /// <summary>The declassify-on date, when the line gives one.</summary>
    public DateOnly? DeclassifyOn { get; init; }

    /// <summary>A declassification code instead of a date: <c>N/A</c>, <c>OADR</c>, <c>MR</c>, <c>X1</c>, free text.</summary>
    public string? DeclassifyCode { get; init; }

    /// <summary>The downgrade instruction (<c>DNG: CO 01/26/2021</c>), if any.</summary>
    public string? Downgrade { get; init; }

    /// <summary>The line as written.</summary>
    public required string Raw { get; init; }

    /// <summary>Where it stands.</summary>
    public TextSpan Span { get; init; }
}

/// <summary>Kinds of TAGS entry (cable-format notes §5).</summary>
public enum TagKind
{
    /// <summary>Subject category (PGOV, PREL, ECON…).</summary>
    Subject,

    /// <summary>Program tag (KNNP, KPAO… starting with K).</summary>
    Program,

    /// <summary>Geographic (a country or region code: JA, US, XA).</summary>
    Geographic,

    /// <summary>An organisation (NATO, UN, EU, OAS…).</summary>
    Organization,

    /// <summary>A person's name (OVIP (CLINTON, HILLARY), or a surname tag).</summary>
    Person,

    /// <summary>Not recognised.</summary>
    Unknown,
}

/// <summary>One TAGS entry.</summary>
/// <param name="Code">The canonical tag.</param>
/// <param name="Kind">What kind of tag.</param>
/// <param name="Span">Where it stands.</param>
public sealed record Tag(string Code, TagKind Kind, TextSpan Span);

/// <summary>The SUBJECT line with its own portion mark.</summary>
/// <param name="Text">The subject without its mark, joined across lines.</param>
/// <param name="Marking">Its portion mark.</param>
/// <param name="Span">Where it stands.</param>
public sealed record Subject(string Text, PortionMarking Marking, TextSpan Span);

/// <summary>What a REF item refers to.</summary>
public enum ReferenceKind
{
    /// <summary>Another cable; <see cref="Reference.CableId"/> holds its canonical id.</summary>
    Cable,

    /// <summary>An e-mail.</summary>
    Email,

    /// <summary>A meeting, call or conversation (telcon, memcon).</summary>
    Conversation,

    /// <summary>A document, report, letter or web page.</summary>
    Document,

    /// <summary>Something else.</summary>
    Other,
}

/// <summary>One REF item (cable-format notes §6).</summary>
public sealed record Reference
{
    /// <summary>The item's label (<c>A</c>, <c>B</c>), if any.</summary>
    public string? Label { get; init; }

    /// <summary>The item as written.</summary>
    public required string Raw { get; init; }

    /// <summary>The canonical id when the item is a cable (<c>08TOKYO2500</c>).</summary>
    public string? CableId { get; init; }

    /// <summary>What the item refers to.</summary>
    public ReferenceKind Kind { get; init; }

    /// <summary>Where it stands.</summary>
    public TextSpan Span { get; init; }
}

/// <summary>The "Classified By" line (cable-format notes §7).</summary>
public sealed record ClassifiedBy
{
    /// <summary>The classifier's name.</summary>
    public string? Name { get; init; }

    /// <summary>Every classifier the line names, in order (a line can name two officers, cable-format notes §7); <see cref="Name"/> is the first.</summary>
    public IReadOnlyList<string> Names { get; init; } = [];

    /// <summary>The classifier's title.</summary>
    public string? Title { get; init; }

    /// <summary>The reasons, canonical (<c>1.4(b)</c>, <c>1.4(d)</c>).</summary>
    public IReadOnlyList<string> Reasons { get; init; } = [];

    /// <summary>The line(s) as written.</summary>
    public required string Raw { get; init; }

    /// <summary>Where it stands.</summary>
    public TextSpan Span { get; init; }
}

/// <summary>
/// One portion of the text: a numbered paragraph (<c>¶2. (S) …</c>), a lettered sub-paragraph
/// (<c>A. (C) …</c>), or an unnumbered block (cable-format notes §8).
/// </summary>
public sealed record Paragraph
{
    /// <summary>The paragraph's number as written (<c>2</c>), the sub-paragraph's letter (<c>A</c>), or null when unnumbered.</summary>
    public string? Number { get; init; }

    /// <summary>0 for a paragraph, 1 for a sub-paragraph of the paragraph before it, 2 below that.</summary>
    public int Level { get; init; }

    /// <summary>The portion mark.</summary>
    public required PortionMarking Marking { get; init; }

    /// <summary>The text, without number and mark, with page-break lines removed.</summary>
    public required string Text { get; init; }

    /// <summary>Where the whole portion stands, number and mark included.</summary>
    public TextSpan Span { get; init; }
}

/// <summary>A span of text with its content, such as a summary or a comment.</summary>
/// <param name="Text">The content.</param>
/// <param name="Span">Where it stands.</param>
public sealed record TextBlock(string Text, TextSpan Span);

/// <summary>A signer (cable-format notes §9).</summary>
/// <param name="Name">The canonical surname (<c>SCHIEFFER</c>, <c>VAN VOORST</c>).</param>
/// <param name="Span">Where it stands.</param>
public sealed record Signer(string Name, TextSpan Span);

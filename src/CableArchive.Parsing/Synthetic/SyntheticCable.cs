using CableArchive.Domain.Cables;
using CableArchive.Domain.Classification;

namespace CableArchive.Parsing.Synthetic;

/// <summary>
/// One generated cable: the values a correct parser must read back (the model), the raw header and body it was written as,
/// and renderers for the four published forms (raw text, WikiLeaks page, Markdown, cables.csv row).
/// </summary>
public sealed record SyntheticCable
{
    /// <summary>The seed this cable was generated from; <see cref="CableGenerator.Create(int, SyntheticOptions?)"/> with it gives the same cable.</summary>
    public required int Seed { get; init; }

    /// <summary>The canonical reference id, <c>08TOKYO2577</c> (cable-format notes §6.3).</summary>
    public required string Id { get; init; }

    /// <summary>The date-time group as UTC; the cable's creation time.</summary>
    public required DateTime DateTime { get; init; }

    /// <summary>The post that sent the cable.</summary>
    public required Post Post { get; init; }

    /// <summary>The origin as WikiLeaks labels it, <c>Embassy Tokyo</c>.</summary>
    public string Origin => Post.Origin;

    /// <summary>The cable's classification: the banner's level and the restrictive captions (§1.3, §3.2).</summary>
    public required ClassificationLabel Classification { get; init; }

    /// <summary>The label in the WikiLeaks vocabulary, as the page table and cables.csv give it (§1.3).</summary>
    public string ClassificationText => Classification.ToWikiLeaksLabel();

    /// <summary>Whether the cable has a routing header; without one, the text gives no date and no sender.</summary>
    public required bool HasHeader { get; init; }

    /// <summary>The FM addressee; null without a header.</summary>
    public SyntheticAddressee? From { get; init; }

    /// <summary>The action addressees (§2.7).</summary>
    public IReadOnlyList<SyntheticAddressee> To { get; init; } = [];

    /// <summary>The information addressees (§2.7).</summary>
    public IReadOnlyList<SyntheticAddressee> Info { get; init; } = [];

    /// <summary>The banner's section count; 1 for a single-section cable. Page-break lines number the pages 2..n (§3.3).</summary>
    public int SectionCount { get; init; } = 1;

    /// <summary>The captions as written (SIPDIS, NOFORN, SENSITIVE, EXDIS…).</summary>
    public IReadOnlyList<string> Captions { get; init; } = [];

    /// <summary>The declassify-on date of the E.O. line, when the line gives a date the notes say how to read (§4.2).</summary>
    public DateOnly? DeclassifyOn { get; init; }

    /// <summary>The TAGS, canonical (person tags as <c>CLINTON, HILLARY</c>), in order.</summary>
    public IReadOnlyList<string> Tags { get; init; } = [];

    /// <summary>The subject; null when the cable has none.</summary>
    public SyntheticPortion? Subject { get; init; }

    /// <summary>The REF items, in order.</summary>
    public IReadOnlyList<SyntheticReference> References { get; init; } = [];

    /// <summary>The canonical ids of the references that are cables, in order.</summary>
    public IReadOnlyList<string> ReferencedCableIds => [.. References.Where(r => r.CableId is not null).Select(r => r.CableId!)];

    /// <summary>The reasons of the Classified By line, canonical (<c>1.4(b)</c>); empty when the cable has no such line.</summary>
    public IReadOnlyList<string> ClassificationReasons { get; init; } = [];

    /// <summary>The classifier's name on the Classified By line, if any.</summary>
    public string? ClassifiedByName { get; init; }

    /// <summary>The portions after the front matter: numbered paragraphs, lettered sub-paragraphs and unnumbered blocks, in order.</summary>
    public IReadOnlyList<SyntheticPortion> Portions { get; init; } = [];

    /// <summary>The text between SUMMARY: and END SUMMARY, if the cable has a summary.</summary>
    public string? Summary { get; init; }

    /// <summary>The texts of the comment spans (COMMENT: … END COMMENT).</summary>
    public IReadOnlyList<string> Comments { get; init; } = [];

    /// <summary>The signers' surnames, upper case, in order.</summary>
    public IReadOnlyList<string> Signers { get; init; } = [];

    /// <summary>How many source redactions (runs of X) the text holds (§10).</summary>
    public int RedactionCount { get; init; }

    /// <summary>The routing header as written (empty without one), LF newlines.</summary>
    public required string HeaderText { get; init; }

    /// <summary>The body as written, from the classification line (or a media date line before it) to the end.</summary>
    public required string BodyText { get; init; }

    /// <summary>When WikiLeaks released the cable (the page's Released column).</summary>
    public DateTime Released { get; init; }

    /// <summary>The numeric record id of the cables.csv row.</summary>
    public long RecordNumber { get; init; }

    /// <summary>The canary tokens of every portion (the subject first), in canary mode; empty otherwise.</summary>
    public IEnumerable<string> Canaries =>
        new[] { Subject?.Canary }.Concat(Portions.Select(p => p.Canary)).Where(c => c is not null).Select(c => c!);

    /// <summary>Whether the WikiLeaks page links the tags: it does for a <c>TAGS:</c> line, not for a <c>TAGS A, B</c> line (§1.1).</summary>
    internal bool TagsLinked { get; init; }

    /// <summary>How the Markdown rendering writes a paragraph anchor: <c>[¶1.](#)</c> or <c>[¶](#)1.</c> (§1.1: handle both).</summary>
    internal bool MarkdownAnchorAroundNumber { get; init; } = true;

    /// <summary>The file name this cable gets in a folder of the given format: <c>08TOKYO2577.html</c>.</summary>
    public string FileName(CableFormat format) => Id + format switch
    {
        CableFormat.WikiLeaksHtml => ".html",
        CableFormat.Markdown => ".md",
        CableFormat.CablesCsv => ".csv",
        _ => ".txt",
    };

    /// <summary>The cable in one of the four published forms.</summary>
    public string Render(CableFormat format) => format switch
    {
        CableFormat.WikiLeaksHtml => SyntheticRenderer.WikiLeaksPage(this),
        CableFormat.Markdown => SyntheticRenderer.Markdown(this),
        CableFormat.CablesCsv => SyntheticRenderer.CsvRow(this),
        _ => SyntheticRenderer.RawText(this),
    };
}

/// <summary>One addressee line of the header (cable-format notes §2.7).</summary>
/// <param name="RoutingIndicator">The RI before the slash, or null.</param>
/// <param name="Name">The plain-language address, <c>SECSTATE WASHDC</c>.</param>
/// <param name="Precedence">The precedence word, or null.</param>
/// <param name="Mcn">The message continuity number, or null.</param>
public sealed record SyntheticAddressee(string? RoutingIndicator, string Name, string? Precedence, string? Mcn);

/// <summary>One REF item (cable-format notes §6.2).</summary>
/// <param name="Label">Its letter, or null when unlettered.</param>
/// <param name="Raw">The item as written after its label.</param>
/// <param name="CableId">The canonical id when it is a cable, else null.</param>
/// <param name="Kind">What it refers to.</param>
public sealed record SyntheticReference(string? Label, string Raw, string? CableId, ReferenceKind Kind)
{
    /// <summary>
    /// Whether the item writes its year (<c>08 STATE 001379</c>); without one the citing cable's year is meant (§6.2), which a
    /// reader can only know from the cable's date.
    /// </summary>
    public bool YearWritten { get; init; }
}

/// <summary>
/// One portion: the subject, a numbered paragraph, a lettered sub-paragraph or an unnumbered block, with its own mark.
/// </summary>
public sealed record SyntheticPortion
{
    /// <summary>The paragraph number (<c>2</c>), the sub-paragraph letter (<c>A</c>), or null for the subject and unnumbered blocks.</summary>
    public string? Number { get; init; }

    /// <summary>0 for a paragraph or block, 1 for a lettered sub-paragraph.</summary>
    public int Level { get; init; }

    /// <summary>The mark as written, parentheses included (<c>(S//NF)</c>); null when the portion carries none.</summary>
    public string? MarkRaw { get; init; }

    /// <summary>The label the mark means; null when unmarked or when the mark is redacted.</summary>
    public ClassificationLabel? Mark { get; init; }

    /// <summary>Whether a redaction took the place of the mark (<c>¶2. XXXXXXXXXXXX</c>, §10): the portion then has no readable mark.</summary>
    public bool MarkRedacted { get; init; }

    /// <summary>The text without number and mark, lines joined by single spaces.</summary>
    public required string Text { get; init; }

    /// <summary>The unique canary token this portion holds, in canary mode; null otherwise.</summary>
    public string? Canary { get; init; }
}

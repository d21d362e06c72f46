using CableArchive.Domain.Cables;
using CableArchive.Domain.Classification;

namespace CableArchive.Data.Search;

/// <summary>
/// What every signed-in reader may see of a cable, whatever their clearance: id, date-time, origin, addressees,
/// banner classification, captions, E.O. line, tags and references.
/// </summary>
public sealed record CableEnvelope
{
    /// <summary>The cable's surrogate key.</summary>
    public required long Id { get; init; }

    /// <summary>The canonical reference id.</summary>
    public required string ReferenceId { get; init; }

    /// <summary>The current version.</summary>
    public long? CurrentVersionId { get; init; }

    /// <summary>When it was sent (UTC).</summary>
    public DateTime? CreatedAt { get; init; }

    /// <summary>Its origin.</summary>
    public string? Origin { get; init; }

    /// <summary>The banner classification as stored.</summary>
    public string? Classification { get; init; }

    /// <summary>The banner label, when the cable has one.</summary>
    public ClassificationLabel? Banner { get; init; }

    /// <summary>The precedence.</summary>
    public string? Precedence { get; init; }

    /// <summary>The date-time group as written.</summary>
    public string? DateTimeGroup { get; init; }

    /// <summary>The originator.</summary>
    public string? From { get; init; }

    /// <summary>Action addressees.</summary>
    public IReadOnlyList<string> To { get; init; } = [];

    /// <summary>Information addressees.</summary>
    public IReadOnlyList<string> Info { get; init; } = [];

    /// <summary>Captions as written.</summary>
    public IReadOnlyList<string> Captions { get; init; } = [];

    /// <summary>The E.O. line as written.</summary>
    public string? ExecutiveOrder { get; init; }

    /// <summary>The declassify-on date.</summary>
    public DateOnly? DeclassifyOn { get; init; }

    /// <summary>Whether the record is a partial extract.</summary>
    public bool Partial { get; init; }

    /// <summary>Whether an admin has withheld the cable's release history from everyone but admins.</summary>
    public bool Sensitive { get; init; }

    /// <summary>The tags in order.</summary>
    public IReadOnlyList<string> Tags { get; init; } = [];

    /// <summary>The REF items in order.</summary>
    public IReadOnlyList<CableReferenceLink> References { get; init; } = [];

    /// <summary>Other ids of the cable.</summary>
    public IReadOnlyList<string> Aliases { get; init; } = [];
}

/// <summary>One REF item.</summary>
/// <param name="Label">Its letter.</param>
/// <param name="Raw">As written; null where withheld from the reader (<see cref="WithTextWithheld"/>).</param>
/// <param name="TargetReferenceId">The cited cable's id, when the item is a cable.</param>
/// <param name="InArchive">Whether the cited cable is in the archive (then it is a link).</param>
public sealed record CableReferenceLink(string? Label, string? Raw, string? TargetReferenceId, bool InArchive)
{
    /// <summary>
    /// The item without its text. A REF item is text of the cable without a mark of its own ("E-MAIL FROM … ON …" says
    /// what the cable rests on), so a reader who may not read the whole cable sees the cited id only.
    /// </summary>
    public CableReferenceLink WithTextWithheld() => this with { Raw = null };
}

/// <summary>A cable that cites another.</summary>
/// <param name="ReferenceId">Its id.</param>
/// <param name="CreatedAt">When it was sent.</param>
/// <param name="Origin">Its origin.</param>
/// <param name="Classification">Its banner classification.</param>
public sealed record CitingCable(string ReferenceId, DateTime? CreatedAt, string? Origin, string? Classification);

/// <summary>
/// One portion as a reader sees it: its place, number and mark, and its text when readable. A withheld portion carries
/// its label and nothing of its text.
/// </summary>
public sealed record PortionView
{
    /// <summary>0-based place; -1 for the subject.</summary>
    public required int Position { get; init; }

    /// <summary>The number or letter as written.</summary>
    public string? Number { get; init; }

    /// <summary>0 for a paragraph, 1 for a sub-paragraph.</summary>
    public short Depth { get; init; }

    /// <summary>Whether the mark was read, absent or unreadable.</summary>
    public MarkingStatus MarkStatus { get; init; }

    /// <summary>The mark as written (for a readable portion only).</summary>
    public string? Mark { get; init; }

    /// <summary>The label the read rule applies: its mark's, else the banner's.</summary>
    public required ClassificationLabel Label { get; init; }

    /// <summary>The text; null when withheld.</summary>
    public string? Text { get; init; }

    /// <summary>Whether marks written inside the text raised <see cref="Label"/> above the portion's own mark.</summary>
    public bool RaisedAboveMark { get; init; }

    /// <summary>Whether the portion is withheld from the reader.</summary>
    public bool Withheld => Text is null;
}

/// <summary>The portions of one version of a cable as a reader sees them.</summary>
/// <param name="VersionId">The version.</param>
/// <param name="Subject">The subject, if the version has one.</param>
/// <param name="Paragraphs">The paragraphs in order.</param>
public sealed record CableText(long VersionId, PortionView? Subject, IReadOnlyList<PortionView> Paragraphs)
{
    /// <summary>The subject (if any) then the paragraphs.</summary>
    public IEnumerable<PortionView> Portions => Subject is null ? Paragraphs : Paragraphs.Prepend(Subject);

    /// <summary>How many portions are withheld.</summary>
    public int WithheldCount => Portions.Count(p => p.Withheld);

    /// <summary>Whether no portion at all is readable (the withdrawal card).</summary>
    public bool NothingReadable => !Portions.Any(p => !p.Withheld);

    /// <summary>
    /// The text a reader sees, portion by portion: readable text, and a uniform placeholder for each withheld portion.
    /// What versions are compared on.
    /// </summary>
    public string SeenText() => string.Join("\n\n", Portions.Select(p => p.Withheld
        ? $"[{Place(p)} withheld: {p.Label}]"
        : (p.Position < 0 ? "SUBJECT: " : p.Number is null ? "" : p.Number + ". ") + p.Text));

    /// <summary>What a portion's badge says when pointed at.</summary>
    public static string BadgeTitle(PortionView portion) =>
        portion.Mark is null ? "Unmarked: takes the banner's label"
        : portion.RaisedAboveMark ? $"Marked {portion.Mark}, read at {portion.Label}: its text holds higher marks"
        : "Portion mark";

    /// <summary>How a portion is named on pages: <c>Subject</c>, <c>¶3</c>, <c>¶3.A</c>, <c>block 4</c>.</summary>
    public static string Place(PortionView portion) => portion.Position < 0 ? "Subject"
        : portion.Number is { } number ? "¶" + number
        : $"block {portion.Position + 1}";
}

/// <summary>
/// A version as a reader sees it. Versions whose readable text and withheld labels are the same for the reader are
/// one visible version, so the version list reveals nothing about changes to text the reader may not read.
/// </summary>
/// <param name="Number">1-based, oldest first.</param>
/// <param name="VersionId">The first stored version of the group.</param>
/// <param name="FirstSeen">
/// When that version was released: the date its container gave, else the date of the release whose run first read it,
/// else when it was imported.
/// </param>
/// <param name="Format">The container it came in.</param>
/// <param name="IsCurrent">Whether the cable's current text is in this group.</param>
/// <param name="ReleasedAt">The release date the container gave, when it gave one (then <paramref name="FirstSeen"/> is it).</param>
/// <param name="ImportRunId">The import run that first read that version.</param>
/// <param name="ReleaseName">The release that run imported, when it was a release run.</param>
public sealed record VersionView(int Number, long VersionId, DateTime FirstSeen, CableFormat Format, bool IsCurrent, DateTime? ReleasedAt, long ImportRunId, string? ReleaseName);

/// <summary>A value and how many cables carry it, for the browse pages.</summary>
/// <param name="Value">The tag, origin or classification.</param>
/// <param name="Count">Cables.</param>
public sealed record BrowseCount(string Value, long Count);

/// <summary>A release that counts, as it concerns one cable.</summary>
/// <param name="RunId">The run whose membership is the release's.</param>
/// <param name="Name">The release's name.</param>
/// <param name="ReleasedAt">When it was published.</param>
/// <param name="ContainsCable">Whether the release contains the cable.</param>
public sealed record CableRelease(long RunId, string Name, DateTime ReleasedAt, bool ContainsCable);

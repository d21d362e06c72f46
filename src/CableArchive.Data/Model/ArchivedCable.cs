using CableArchive.Domain.Classification;

namespace CableArchive.Data.Model;

/// <summary>
/// One cable of the archive, known by its canonical reference id. Holds the envelope of its current version:
/// what every signed-in reader may see (id, date-time, origin, addressees, banner classification, captions). The portions
/// (subject, paragraphs), tags and references live with each <see cref="CableVersion"/>, and the envelope shows those of
/// the current one.
/// </summary>
public sealed class ArchivedCable
{
    /// <summary>Surrogate key.</summary>
    public long Id { get; set; }

    /// <summary>The canonical reference id (<c>08TOKYO2577</c>), unique.</summary>
    public required string ReferenceId { get; set; }

    /// <summary>The version whose text is current: the one read last (see docs/decisions/archive-versions-and-current-text.md).</summary>
    public long? CurrentVersionId { get; set; }

    /// <summary>The current version.</summary>
    public CableVersion? CurrentVersion { get; set; }

    /// <summary>The date-time of the cable, UTC.</summary>
    public DateTime? CreatedAt { get; set; }

    /// <summary>The origin's plain name (<c>Embassy Tokyo</c>).</summary>
    public string? Origin { get; set; }

    /// <summary>The post the cable came from.</summary>
    public int? PostId { get; set; }

    /// <summary>The post the cable came from.</summary>
    public Post? Post { get; set; }

    /// <summary>The banner classification as text (<c>SECRET//NOFORN</c>); null when neither text nor container gives one.</summary>
    public string? Classification { get; set; }

    /// <summary>The banner's level.</summary>
    public ClassificationLevel? ClassificationLevel { get; set; }

    /// <summary>The banner's caveat codes, sorted.</summary>
    public List<string> ClassificationCaveats { get; set; } = [];

    /// <summary>The precedence of the routing header (<c>O</c>, <c>P R</c>).</summary>
    public string? Precedence { get; set; }

    /// <summary>The date-time group as written (<c>180817Z SEP 08</c>).</summary>
    public string? DateTimeGroup { get; set; }

    /// <summary>The originator (FM line).</summary>
    public string? FromAddressee { get; set; }

    /// <summary>Action addressees (TO lines).</summary>
    public List<string> ToAddressees { get; set; } = [];

    /// <summary>Information addressees (INFO lines).</summary>
    public List<string> InfoAddressees { get; set; } = [];

    /// <summary>Captions as written (SIPDIS, NOFORN, EXDIS…).</summary>
    public List<string> Captions { get; set; } = [];

    /// <summary>The E.O. line as written.</summary>
    public string? ExecutiveOrder { get; set; }

    /// <summary>The declassify-on date of the E.O. line.</summary>
    public DateOnly? DeclassifyOn { get; set; }

    /// <summary>Whether the record is a partial extract of the original cable.</summary>
    public bool Partial { get; set; }

    /// <summary>How many source redactions (<c>XXXXXXXXXXXX</c>) the current text holds.</summary>
    public int RedactionCount { get; set; }

    /// <summary>When the cable first entered the archive.</summary>
    public DateTime FirstImportedAt { get; set; }

    /// <summary>When the current version last changed.</summary>
    public DateTime UpdatedAt { get; set; }

    /// <summary>Every distinct text imported for the cable.</summary>
    public List<CableVersion> Versions { get; set; } = [];

    /// <summary>Other ids the cable is known by.</summary>
    public List<CableAlias> Aliases { get; set; } = [];
}

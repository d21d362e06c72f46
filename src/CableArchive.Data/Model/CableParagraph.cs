using CableArchive.Domain.Classification;

namespace CableArchive.Data.Model;

/// <summary>One portion of a version's text with its own portion mark and full-text vector; keyed by version and position.</summary>
public sealed class CableParagraph : IPortion
{
    /// <summary>The version.</summary>
    public long VersionId { get; set; }

    /// <summary>The cable (kept here too so that a shard key and search joins need not pass through the version).</summary>
    public long CableId { get; set; }

    /// <summary>0-based order within the version.</summary>
    public int Position { get; set; }

    /// <summary>The number or letter as written; null when unnumbered.</summary>
    public string? Number { get; set; }

    /// <summary>0 for a paragraph, 1 for a sub-paragraph, 2 below that.</summary>
    public short Depth { get; set; }

    /// <inheritdoc />
    public MarkingStatus MarkStatus { get; set; }

    /// <inheritdoc />
    public string? Mark { get; set; }

    /// <inheritdoc />
    public ClassificationLevel? MarkLevel { get; set; }

    /// <inheritdoc />
    public List<string> MarkCaveats { get; set; } = [];

    /// <inheritdoc />
    public ClassificationLevel ReadLevel { get; set; }

    /// <inheritdoc />
    public List<string> ReadCaveats { get; set; } = [];

    /// <inheritdoc />
    public int CreatedMonth { get; set; } = Search.CapMonth.Undated;

    /// <summary>The text without number and mark.</summary>
    public required string Text { get; set; }

    /// <summary>Where the portion starts in the version's text.</summary>
    public int SpanStart { get; set; }

    /// <summary>The portion's length in the version's text.</summary>
    public int SpanLength { get; set; }

    /// <summary>
    /// Whether <see cref="SearchVector"/> has been computed (set by the indexing phase after the import commits, for the
    /// versions listed in <see cref="PendingVersion"/>).
    /// </summary>
    public bool Searchable { get; set; }

    /// <summary>The generated full-text vector of <see cref="Text"/>; null until <see cref="Searchable"/>.</summary>
    public NpgsqlTypes.NpgsqlTsVector? SearchVector { get; set; }
}

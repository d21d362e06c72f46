using CableArchive.Domain.Classification;

namespace CableArchive.Data.Model;

/// <summary>The SUBJECT of a version with its own portion mark and full-text vector.</summary>
public sealed class CableSubject : IPortion
{
    /// <summary>The version (one subject per version at most).</summary>
    public long VersionId { get; set; }

    /// <summary>The cable.</summary>
    public long CableId { get; set; }

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

    /// <summary>The subject without its mark.</summary>
    public required string Text { get; set; }

    /// <summary>Where the subject starts in the version's text.</summary>
    public int SpanStart { get; set; }

    /// <summary>Its length in the version's text.</summary>
    public int SpanLength { get; set; }

    /// <summary>Whether <see cref="SearchVector"/> has been computed.</summary>
    public bool Searchable { get; set; }

    /// <summary>The generated full-text vector of <see cref="Text"/>; null until <see cref="Searchable"/>.</summary>
    public NpgsqlTypes.NpgsqlTsVector? SearchVector { get; set; }
}

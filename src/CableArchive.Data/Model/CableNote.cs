using CableArchive.Domain.Classification;

namespace CableArchive.Data.Model;

/// <summary>
/// An analyst's note on a cable, in Markdown, with the portion mark its author chose at or below their clearance. The
/// read rule applies to it as to a portion: only readers whose clearance dominates the mark see it or find it.
/// </summary>
/// <remarks>
/// Notes are the analysts' work, not versioned text of the cable: they are keyed by the cable's reference id, without
/// a foreign key, so that a reparse, which empties and rebuilds the cables, leaves them in place.
/// </remarks>
public sealed class CableNote
{
    /// <summary>Surrogate key, in writing order.</summary>
    public long Id { get; set; }

    /// <summary>The reference id of the cable the note is on.</summary>
    public required string CableReferenceId { get; set; }

    /// <summary>The author's user id.</summary>
    public long AuthorId { get; set; }

    /// <summary>The author's name as it was when writing.</summary>
    public required string AuthorName { get; set; }

    /// <summary>When it was written.</summary>
    public DateTime CreatedAt { get; set; }

    /// <summary>The level of the mark the author chose.</summary>
    public ClassificationLevel MarkLevel { get; set; }

    /// <summary>The caveat codes of the mark the author chose (all of them held by the author).</summary>
    public List<string> MarkCaveats { get; set; } = [];

    /// <summary>The level a reader must hold: the mark's.</summary>
    public ClassificationLevel ReadLevel { get; set; }

    /// <summary>The restrictive caveats a reader must hold every one of: the mark's.</summary>
    public List<string> ReadCaveats { get; set; } = [];

    /// <summary>The note, in Markdown (rendered with raw HTML disabled).</summary>
    public required string Text { get; set; }

    /// <summary>The generated full-text vector of <see cref="Text"/>.</summary>
    public NpgsqlTypes.NpgsqlTsVector? SearchVector { get; set; }

    /// <summary>The mark as a label.</summary>
    public ClassificationLabel Mark => new(MarkLevel, MarkCaveats.Select(Caveat.FromCode));
}

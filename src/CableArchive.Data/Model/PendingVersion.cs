namespace CableArchive.Data.Model;

/// <summary>
/// A version whose portions (paragraphs and subject) were committed without their full-text vectors: the indexing
/// phase computes them and deletes the row in the same transaction (docs/decisions/archive-two-phase-import.md).
/// </summary>
public sealed class PendingVersion
{
    /// <summary>The version.</summary>
    public long VersionId { get; set; }
}

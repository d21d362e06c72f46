namespace CableArchive.Data.Model;

/// <summary>
/// A version whose paragraphs have their vectors but not yet their phrase pairs. The indexing phase adds the row in the
/// transaction that makes the version searchable, and the pairs phase deletes it in the transaction that writes the
/// pairs; while any row is left, searches match phrases without the pairs (docs/decisions/search-phrase-pairs.md).
/// </summary>
public sealed class PendingPhrasePairs
{
    /// <summary>The version.</summary>
    public long VersionId { get; set; }
}

using NpgsqlTypes;

namespace CableArchive.Data.Model;

/// <summary>
/// The adjacent lexeme pairs of one searchable paragraph, which let a phrase fetch only the paragraphs holding its words
/// side by side (<see cref="Search.PhrasePairs"/>, docs/decisions/search-phrase-pairs.md). Written by the last phase of
/// an import from the paragraph's own vector.
/// </summary>
public sealed class ParagraphPairs
{
    /// <summary>The paragraph's version.</summary>
    public long VersionId { get; set; }

    /// <summary>The paragraph's position in its version.</summary>
    public int Position { get; set; }

    /// <summary>The paragraph's month (<see cref="Search.CapMonth"/>), indexed beside the pairs as the vector's is.</summary>
    public int CreatedMonth { get; set; }

    /// <summary>Every pair <c>'a b'</c> of lexemes at positions p and p + 1 of the paragraph's vector.</summary>
    public NpgsqlTsVector Pairs { get; set; } = null!;
}

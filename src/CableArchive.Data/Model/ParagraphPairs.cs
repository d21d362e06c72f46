using CableArchive.Domain.Classification;
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

    /// <summary>
    /// The paragraph's read level (<see cref="CableParagraph.ReadLevel"/>), indexed beside the pairs so that a reader who
    /// may read few portions fetches only those of the levels they may read. The paragraph's own label stays the rule.
    /// </summary>
    public ClassificationLevel ReadLevel { get; set; }

    /// <summary>Every pair <c>'a b'</c> of lexemes at positions p and p + 1 of the paragraph's vector.</summary>
    public NpgsqlTsVector Pairs { get; set; } = null!;
}

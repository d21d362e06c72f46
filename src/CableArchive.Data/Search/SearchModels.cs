using CableArchive.Domain.Classification;

namespace CableArchive.Data.Search;

/// <summary>How a search statement finds its matches; every plan gives the same answer.</summary>
public enum SearchPlan
{
    /// <summary>Chosen from the planner's estimates and a probe of the first cables in cap order.</summary>
    Automatic,

    /// <summary>Collect every readable matching portion through the full-text index, then keep the first matches.</summary>
    Index,

    /// <summary>Walk the cables in cap order and stop at the cap (fast for terms that are everywhere).</summary>
    WalkCables,

    /// <summary>
    /// The index plan over the first month in cap order only, then over a window sized from what that found, then over
    /// everything, each only when the one before did not fill the cap: the smallest windows the automatic choice can
    /// take, for tests.
    /// </summary>
    IndexFirstMonth,
}

/// <summary>How search results are ordered.</summary>
public enum SearchSort
{
    /// <summary>Best match first (then newest); without search terms, newest first.</summary>
    Relevance,

    /// <summary>Newest first.</summary>
    Newest,

    /// <summary>Oldest first.</summary>
    Oldest,
}

/// <summary>
/// One search: the terms in web search syntax (<c>"a phrase"</c>, <c>-word</c>, <c>OR</c>) and the filters on the
/// envelope. Everything here comes from the URL, so a search is a permalink.
/// </summary>
public sealed record SearchQuery
{
    /// <summary>The largest page a reader may ask for.</summary>
    public const int MaxPageSize = 100;

    /// <summary>How deep paging may go: no further than the cables a search gathers (<see cref="ArchiveSearch.MaxMatches"/>).</summary>
    public const int MaxOffset = ArchiveSearch.MaxMatches;

    /// <summary>The terms; empty to list cables by their envelope alone.</summary>
    public string? Text { get; init; }

    /// <summary>Cables sent on or after this day (UTC).</summary>
    public DateOnly? From { get; init; }

    /// <summary>Cables sent on or before this day (UTC).</summary>
    public DateOnly? To { get; init; }

    /// <summary>Any of these origins (<c>Embassy Tokyo</c>); none for all.</summary>
    public IReadOnlyList<string> Origins { get; init; } = [];

    /// <summary>Any of these banner classifications as stored (<c>SECRET//NOFORN</c>); none for all.</summary>
    public IReadOnlyList<string> Classifications { get; init; } = [];

    /// <summary>Every one of these tags; none for all.</summary>
    public IReadOnlyList<string> Tags { get; init; } = [];

    /// <summary>Only cables whose readable portions hold a source redaction (<c>XXXXXXXXXXXX</c>).</summary>
    public bool RedactedOnly { get; init; }

    /// <summary>The order.</summary>
    public SearchSort Sort { get; init; }

    /// <summary>The 1-based page.</summary>
    public int Page { get; init; } = 1;

    /// <summary>Results per page.</summary>
    public int PageSize { get; init; } = 20;

    /// <summary>Whether the query has search terms.</summary>
    public bool HasText => !string.IsNullOrWhiteSpace(Text);

    /// <summary>Whether any filter on the envelope narrows the search.</summary>
    public bool HasEnvelopeFilters =>
        From is not null || To is not null || Origins.Count > 0 || Classifications.Count > 0 || Tags.Count > 0 || RedactedOnly;
}

/// <summary>A value of a facet and how many results carry it.</summary>
/// <param name="Value">The value.</param>
/// <param name="Count">Results with it.</param>
public sealed record FacetCount(string Value, long Count);

/// <summary>One bar of the year/month histogram.</summary>
/// <param name="Year">The year.</param>
/// <param name="Month">The month, 1-12.</param>
/// <param name="Count">Results sent that month.</param>
public sealed record MonthCount(int Year, int Month, long Count);

/// <summary>The facets of a result set, computed over the whole set (not just the page).</summary>
/// <param name="Origins">The most frequent origins.</param>
/// <param name="Classifications">Banner classifications.</param>
/// <param name="Tags">The most frequent tags.</param>
/// <param name="Months">Results per month, oldest first.</param>
public sealed record SearchFacets(IReadOnlyList<FacetCount> Origins, IReadOnlyList<FacetCount> Classifications, IReadOnlyList<FacetCount> Tags, IReadOnlyList<MonthCount> Months);

/// <summary>
/// One result: the envelope, the subject when the reader may read it (else its label), and a snippet of the best
/// matching readable paragraph with the matched words between <see cref="SearchResults.HighlightStart"/> and
/// <see cref="SearchResults.HighlightEnd"/>.
/// </summary>
public sealed record SearchHit
{
    /// <summary>The cable's id.</summary>
    public required string ReferenceId { get; init; }

    /// <summary>When it was sent.</summary>
    public DateTime? CreatedAt { get; init; }

    /// <summary>Its origin.</summary>
    public string? Origin { get; init; }

    /// <summary>Its banner classification.</summary>
    public string? Classification { get; init; }

    /// <summary>The subject, when the cable has one and the reader may read it.</summary>
    public string? Subject { get; init; }

    /// <summary>The label of the subject when it is withheld from the reader; null otherwise.</summary>
    public ClassificationLabel? SubjectWithheld { get; init; }

    /// <summary>The snippet, with highlight markers; null without search terms or when only the subject matched.</summary>
    public string? Snippet { get; init; }

    /// <summary>The number of the paragraph the snippet comes from, if numbered.</summary>
    public string? SnippetParagraph { get; init; }
}

/// <summary>A page of results with the total and the facets of the whole result set.</summary>
/// <param name="Total">Cables matching.</param>
/// <param name="Hits">The page.</param>
/// <param name="Facets">The facets.</param>
public sealed record SearchResults(long Total, IReadOnlyList<SearchHit> Hits, SearchFacets Facets)
{
    /// <summary>
    /// Whether more cables match than a search gathers (<see cref="ArchiveSearch.MaxMatches"/>): then <see cref="Total"/>,
    /// the facets and the ranking cover the first that many in date order, and the total means "at least".
    /// </summary>
    public bool TotalIsLowerBound { get; init; }

    /// <summary>Marks the start of a matched word in <see cref="SearchHit.Snippet"/> (a private-use character, removed from the text beforehand).</summary>
    public const char HighlightStart = '\uE000';

    /// <summary>Marks the end of a matched word.</summary>
    public const char HighlightEnd = '\uE001';
}

/// <summary>Helpers for labels stored as a level and caveat codes.</summary>
public static class StoredLabel
{
    /// <summary>The label of stored columns: <c>read_level</c> and <c>read_caveats</c>.</summary>
    public static ClassificationLabel From(short level, IEnumerable<string> caveats) =>
        new(Enum.IsDefined((ClassificationLevel)level) ? (ClassificationLevel)level : ClassificationLevel.TopSecret, caveats.Select(Caveat.FromCode));
}

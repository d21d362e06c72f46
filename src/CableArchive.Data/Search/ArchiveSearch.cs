using System.Text;
using System.Text.Json;
using Npgsql;
using NpgsqlTypes;

namespace CableArchive.Data.Search;

/// <summary>
/// Full-text search that never leaks: it runs per portion (subject and paragraphs of each cable's current version, and
/// the analysts' notes on the cable, which carry their own marks), and the reader's clearance filters the candidate
/// portions and notes inside the SQL before anything is matched, ranked, counted, faceted or quoted. A word that occurs
/// only in portions or notes the reader may not read therefore behaves exactly like a word that occurs nowhere.
/// </summary>
/// <remarks>
/// One statement answers a search: the matching cables are materialised once, and the total, the facets, the
/// histogram and the page (with subjects and <c>ts_headline</c> snippets over readable text only) are read from them.
/// A cable ranks by its best readable matching portion, then by how many readable portions match, then by date and id,
/// so that the order depends on nothing the reader cannot read and is the same on every run.
/// </remarks>
public static class ArchiveSearch
{
    // ts_headline marks matches with private-use characters that the text is cleaned of first, so the web page can
    // encode the whole snippet and then turn only these markers into <mark> elements.
    private const string HeadlineOptions = "StartSel=\"\uE000\", StopSel=\"\uE001\", MaxWords=30, MinWords=12, ShortWord=3, MaxFragments=2, FragmentDelimiter=\" … \"";

    // A source redaction is a run of four or more X (cable-format notes §10).
    private const string RedactionPattern = "'[Xx]{4,}'";

    private const string TsQuery = "websearch_to_tsquery('english', @text)";

    /// <summary>
    /// The most cables a search gathers: the first this many matches in the cap order (newest first; oldest first when
    /// sorted so) are ranked, counted and faceted, and a larger total is reported as "at least".
    /// </summary>
    public const int MaxMatches = 1000;

    /// <summary>
    /// How much cheaper a portion the walk reads is than one the index plan fetches: the walk reads each visited cable's
    /// portions side by side through the key, the index plan fetches every matching portion from its own heap page.
    /// Fitted to both plans timed one by one on 250,000 cables and 2.9 million portions (docs/scaling.md).
    /// </summary>
    private const double WalkPortionCost = 0.5;

    /// <summary>
    /// What the index plan pays for each entry it steps through to intersect the terms with the months of a window
    /// (about the shorter of the two lists), against a portion it fetches. Fitted to both plans timed on frequent words
    /// and phrases (docs/scaling.md).
    /// </summary>
    private const double WindowEntryCost = 0.05;

    /// <summary>
    /// How much wider than the density of its matches says a second window is made when the first fell short: the
    /// density of a window's months is a better guide to the next months than the probe of the newest cables was.
    /// </summary>
    private const double WiderWindowMargin = 1.5;

    /// <summary>
    /// The largest share of the paragraphs a reader's levels may hold for the index plan to fetch by level: an UNCLASSIFIED
    /// reader of the generated archive reads 20% of them, and fetched the other four in five only to drop them.
    /// </summary>
    private const double MaxLevelShareInIndex = 0.5;

    /// <summary>How many of the walk's first cables are probed to estimate how many cables the terms match.</summary>
    private const int ProbeCables = 400;

    private const string CleanText = "replace(replace({0}.text, E'\\uE000', ''), E'\\uE001', '')";

    /// <summary>Runs <paramref name="query"/> for a reader with <paramref name="reader"/> clearance.</summary>
    /// <param name="dataSource">The archive.</param>
    /// <param name="reader">The reader's clearance.</param>
    /// <param name="query">The search.</param>
    /// <param name="plan">Which shape of statement to run; both answer the same (tests compare them), only their speed differs.</param>
    /// <param name="cancellationToken">Cancels the search.</param>
    public static async Task<SearchResults> SearchAsync(
        NpgsqlDataSource dataSource, ReaderClearance reader, SearchQuery query, SearchPlan plan = SearchPlan.Automatic, CancellationToken cancellationToken = default)
    {
        var pairs = await PhrasePairsQueryAsync(dataSource, query, cancellationToken).ConfigureAwait(false);
        // The explicit index plans (for tests) fetch by level whenever some level is above the reader's.
        var indexOverAll = PlanChoice.IndexOverAll with { LevelsInIndex = reader.ReadsBelowTop };
        var choice = !query.HasText ? PlanChoice.IndexOverAll : plan switch
        {
            SearchPlan.WalkCables => PlanChoice.Walk,
            SearchPlan.Index => indexOverAll,
            SearchPlan.IndexFirstMonth => (await CapMonth.WindowAsync(dataSource, 1, query.Sort == SearchSort.Oldest, cancellationToken).ConfigureAwait(false)) is { } first
                ? indexOverAll with { WindowEnd = first.End, WindowCables = first.Cables, ArchiveCables = double.PositiveInfinity }
                : indexOverAll,
            _ => await ChoosePlanAsync(dataSource, reader, query, pairs, cancellationToken).ConfigureAwait(false),
        };

        // A window that did not fill the cap says nothing about the cables outside it, but how dense the matches are in
        // it: one window sized from that density follows, unless it would reach half the archive; then the search runs
        // over all months.
        if (choice.WindowEnd is { } windowEnd)
        {
            var (gathered, windowResults) = await RunWindowAsync(dataSource, reader, query, pairs, windowEnd, choice.LevelsInIndex, cancellationToken).ConfigureAwait(false);
            if (gathered > MaxMatches)
                return windowResults;
            if (gathered > 0
                && await CapMonth.WindowAsync(dataSource, WiderWindowMargin * choice.WindowCables * (MaxMatches + 1) / gathered, query.Sort == SearchSort.Oldest, cancellationToken).ConfigureAwait(false) is { } wider
                && wider.End != windowEnd && wider.Cables < choice.ArchiveCables / 2)
            {
                (gathered, windowResults) = await RunWindowAsync(dataSource, reader, query, pairs, wider.End, choice.LevelsInIndex, cancellationToken).ConfigureAwait(false);
                if (gathered > MaxMatches)
                    return windowResults;
            }
        }

        var (_, results) = await RunAsync(dataSource, reader, query, pairs, BuildSql(query, choice.WalkCables, pairs is not null, levels: choice.LevelsInIndex), null, cancellationToken).ConfigureAwait(false);
        return results;
    }

    /// <summary>
    /// The phrase pairs any matching portion holds (<see cref="PhrasePairs"/>), read from PostgreSQL's own text of the
    /// query; null when the query asks for none or has no terms.
    /// </summary>
    private static async Task<string?> PhrasePairsQueryAsync(NpgsqlDataSource dataSource, SearchQuery query, CancellationToken cancellationToken)
    {
        // Words of letters and digits alone make no phrase: no need to ask. Were that ever wrong, the search would only
        // match through the words, as without pairs.
        if (query.Text is not { } text || text.All(c => char.IsLetterOrDigit(c) || char.IsWhiteSpace(c)))
            return null;
        await using var command = dataSource.CreateCommand($"SELECT {TsQuery}::text");
        command.Parameters.Add(new NpgsqlParameter("text", NpgsqlDbType.Text) { Value = text.Replace('\0', ' ') });
        return await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false) is string tsquery ? PhrasePairs.QueryFor(tsquery) : null;
    }

    /// <summary>
    /// The index plan over the months from <paramref name="windowEnd"/> on in cap order only (see <see cref="BuildSql"/>);
    /// its results are the search's whenever it gathered more than the cap.
    /// </summary>
    internal static async Task<(long Gathered, SearchResults Results)> SearchWindowAsync(
        NpgsqlDataSource dataSource, ReaderClearance reader, SearchQuery query, int windowEnd, CancellationToken cancellationToken) =>
        await RunWindowAsync(dataSource, reader, query, await PhrasePairsQueryAsync(dataSource, query, cancellationToken).ConfigureAwait(false), windowEnd, reader.ReadsBelowTop, cancellationToken).ConfigureAwait(false);

    private static Task<(long Gathered, SearchResults Results)> RunWindowAsync(
        NpgsqlDataSource dataSource, ReaderClearance reader, SearchQuery query, string? pairs, int windowEnd, bool levels, CancellationToken cancellationToken) =>
        RunAsync(dataSource, reader, query, pairs, BuildSql(query, pairs: pairs is not null, windowed: true, levels: levels), windowEnd, cancellationToken);

    /// <summary>Runs one search statement and returns how many cables it gathered (at most the cap and one) with the results.</summary>
    private static async Task<(long Gathered, SearchResults Results)> RunAsync(
        NpgsqlDataSource dataSource, ReaderClearance reader, SearchQuery query, string? pairs, string sql, int? windowEnd, CancellationToken cancellationToken)
    {
        var pageSize = Math.Clamp(query.PageSize, 1, SearchQuery.MaxPageSize);
        var offset = (long)(Math.Max(1, query.Page) - 1) * pageSize;
        if (offset > SearchQuery.MaxOffset)
            offset = SearchQuery.MaxOffset;

        await using var command = dataSource.CreateCommand(sql);
        AddQueryParameters(command.Parameters, reader, query);
        command.Parameters.Add(new NpgsqlParameter("limit", NpgsqlDbType.Integer) { Value = pageSize });
        command.Parameters.Add(new NpgsqlParameter("offset", NpgsqlDbType.Bigint) { Value = offset });
        command.Parameters.Add(new NpgsqlParameter("headline_options", NpgsqlDbType.Text) { Value = HeadlineOptions });
        command.Parameters.Add(new NpgsqlParameter("cap", NpgsqlDbType.Integer) { Value = MaxMatches + 1 });
        if (windowEnd is { } end)
            command.Parameters.Add(new NpgsqlParameter("window_end", NpgsqlDbType.Integer) { Value = end });
        if (pairs is not null)
            command.Parameters.Add(new NpgsqlParameter("pairs", NpgsqlDbType.Text) { Value = pairs });

        await using var row = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        await row.ReadAsync(cancellationToken).ConfigureAwait(false);
        var total = row.GetInt64(0);
        var facets = new SearchFacets(
            ReadFacets(row.GetString(1)),
            ReadFacets(row.GetString(2)),
            ReadFacets(row.GetString(3)),
            ReadMonths(row.GetString(4)));
        return (total, new SearchResults(Math.Min(total, MaxMatches), ReadHits(row.GetString(5)), facets) { TotalIsLowerBound = total > MaxMatches });
    }

    /// <summary>The reader's clearance, the terms and the envelope filters, as every statement of a search takes them.</summary>
    private static void AddQueryParameters(NpgsqlParameterCollection parameters, ReaderClearance reader, SearchQuery query)
    {
        reader.AddParameters(parameters);
        parameters.Add(new NpgsqlParameter("text", NpgsqlDbType.Text) { Value = (query.Text ?? "").Replace('\0', ' ') });
        parameters.Add(new NpgsqlParameter("from", NpgsqlDbType.TimestampTz) { Value = query.From is { } from ? from.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc) : DBNull.Value });
        parameters.Add(new NpgsqlParameter("to", NpgsqlDbType.TimestampTz) { Value = query.To is { } to ? to.AddDays(1).ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc) : DBNull.Value });
        parameters.Add(new NpgsqlParameter("origins", NpgsqlDbType.Array | NpgsqlDbType.Text) { Value = query.Origins.ToArray() });
        parameters.Add(new NpgsqlParameter("classifications", NpgsqlDbType.Array | NpgsqlDbType.Text) { Value = query.Classifications.ToArray() });
        var tags = query.Tags.Select(t => t.Trim().ToUpperInvariant()).Where(t => t.Length > 0).Distinct().ToArray();
        parameters.Add(new NpgsqlParameter("tags", NpgsqlDbType.Array | NpgsqlDbType.Text) { Value = tags });
        parameters.Add(new NpgsqlParameter("tag_count", NpgsqlDbType.Integer) { Value = tags.Length });
    }

    /// <summary>
    /// Chooses between walking the cables and the index plan, and for the index plan how many of the first cables in cap
    /// order to match first. The index plan fetches every portion the terms match in the months it covers, whatever its
    /// level (the clearance is checked on the row). The walk reads all portions of each cable it visits until the cap is
    /// full. Only which plan runs depends on the estimates, never what it answers, so the statistics' view of withheld
    /// text cannot change an answer.
    /// </summary>
    /// <remarks>
    /// How many cables hold a readable match is not something the planner knows: it counts portions, and the words of
    /// one topic come together in few cables ("turkey": 20,285 portions in 5,355 cables), several words it takes as
    /// independent, and a phrase as its words anywhere in a portion. So when the terms are frequent enough for the
    /// choice to matter, the walk's first <see cref="ProbeCables"/> cables are probed, and the share of them that match
    /// gives both the walk's visits and the window: twice the cables the walk is expected to visit, so that the window
    /// fills the cap unless the probe was unlucky (then the search runs again over all months).
    /// </remarks>
    private static async Task<PlanChoice> ChoosePlanAsync(NpgsqlDataSource dataSource, ReaderClearance reader, SearchQuery query, string? pairs, CancellationToken cancellationToken)
    {
        // EXPLAIN takes no parameters: the terms go in as a literal, quoted by the rule of standard_conforming_strings.
        // With phrase pairs the index plan fetches the paragraphs holding the pairs, not those holding the words.
        var match = pairs is null
            ? $"SELECT 1 FROM paragraphs p WHERE p.search_vector @@ websearch_to_tsquery('english', {Literal(query.Text!.Replace('\0', ' '))})"
            : $"SELECT 1 FROM paragraph_pairs pp WHERE pp.pairs @@ {Literal(pairs)}::tsquery";
        double matching, portions, cables, readableLevels;
        await using (var batch = dataSource.CreateBatch())
        {
            batch.BatchCommands.Add(new NpgsqlBatchCommand($"EXPLAIN (FORMAT JSON) {match}"));
            batch.BatchCommands.Add(new NpgsqlBatchCommand("EXPLAIN (FORMAT JSON) SELECT 1 FROM paragraphs p"));
            batch.BatchCommands.Add(new NpgsqlBatchCommand("EXPLAIN (FORMAT JSON) SELECT 1 FROM cables c"));

            // Only a reader some level is above can fetch by level; a TOP SECRET reader's share would always be all.
            if (reader.ReadsBelowTop)
                batch.BatchCommands.Add(new NpgsqlBatchCommand($"EXPLAIN (FORMAT JSON) SELECT 1 FROM paragraphs p WHERE p.read_level <= {reader.Level}"));
            await using var plans = await batch.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
            matching = await ReadPlanRowsAsync(plans, cancellationToken).ConfigureAwait(false);
            portions = await ReadPlanRowsAsync(plans, cancellationToken).ConfigureAwait(false);
            cables = await ReadPlanRowsAsync(plans, cancellationToken).ConfigureAwait(false);
            readableLevels = reader.ReadsBelowTop ? await ReadPlanRowsAsync(plans, cancellationToken).ConfigureAwait(false) : portions;
        }

        // A reader of few levels fetches only the rows of those levels (the planner takes the level as independent of
        // the terms); for the others the levels would only add index steps.
        var levelShare = Math.Min(1, readableLevels / Math.Max(portions, 1));
        var levels = reader.ReadsBelowTop && levelShare <= MaxLevelShareInIndex;
        if (levels)
            matching *= levelShare;
        var indexOverAll = PlanChoice.IndexOverAll with { LevelsInIndex = levels };

        // Even if every cable matched, the walk would read this many portions: below it, the index plan is cheap anyway.
        var portionsPerCable = portions / Math.Max(cables, 1);
        if (matching <= WalkPortionCost * (MaxMatches + 1) * portionsPerCable)
            return indexOverAll;

        var matched = await ProbeAsync(dataSource, reader, query, ProbeCables, cancellationToken).ConfigureAwait(false);
        if (matched == 0)
            return indexOverAll;
        var visits = (MaxMatches + 1) * (double)ProbeCables / matched;
        var walkCost = WalkPortionCost * visits * portionsPerCable;

        // Each matching cable holds at least one matching portion: a floor under the planner's estimate, which takes the
        // words of "human rights" as independent and can be ten times too low.
        matching = Math.Max(matching, cables * matched / ProbeCables);

        // The window is sized on all cables, so envelope filters, which the probe applies, would shrink what it holds.
        // It is made of whole months (the undated cables are one), so it may hold many more cables than asked; and the
        // index steps through the months' entries beside the terms', skipping ahead in the longer list (WindowEntryCost).
        // Over half the archive, the months' lists are as long as the terms' and a window saves nothing.
        if (!query.HasEnvelopeFilters
            && await CapMonth.WindowAsync(dataSource, 2 * visits, query.Sort == SearchSort.Oldest, cancellationToken).ConfigureAwait(false) is { } window)
        {
            var windowCost = matching * window.Cables / cables + WindowEntryCost * Math.Min(matching, window.Cables * portionsPerCable);
            if (window.Cables < cables / 2 && windowCost < matching)
                return walkCost < windowCost ? PlanChoice.Walk : new PlanChoice(false, window.End, window.Cables, cables, levels);
        }

        return walkCost < matching ? PlanChoice.Walk : indexOverAll;
    }

    /// <summary>
    /// How many of the first <paramref name="cables"/> cables in cap order (envelope filters applied) hold a portion or note
    /// the reader may read that matches the terms: the first steps of the walk, counted instead of kept.
    /// </summary>
    internal static async Task<long> ProbeAsync(NpgsqlDataSource dataSource, ReaderClearance reader, SearchQuery query, int cables, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand($"""
            SELECT count(*) FROM (
                SELECT c.id, c.reference_id, c.current_version_id FROM cables c WHERE {EnvelopeFilters(query)}
                ORDER BY {string.Format(CapOrder(query), "c.")} LIMIT @probe) c
            WHERE EXISTS (SELECT 1 FROM paragraphs p WHERE p.version_id = c.current_version_id AND {ReaderClearance.Readable("p")} AND {MatchOneByOne("p")})
               OR EXISTS (SELECT 1 FROM subjects s WHERE s.version_id = c.current_version_id AND {ReaderClearance.Readable("s")} AND {MatchOneByOne("s")})
               OR EXISTS (SELECT 1 FROM cable_notes n WHERE n.cable_reference_id = c.reference_id AND {ReaderClearance.Readable("n")} AND {MatchOneByOne("n")})
            """);
        AddQueryParameters(command.Parameters, reader, query);
        command.Parameters.Add(new NpgsqlParameter("probe", NpgsqlDbType.Integer) { Value = cables });
        return (long)(await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false))!;
    }

    private static string Literal(string text) => "'" + text.Replace("'", "''", StringComparison.Ordinal) + "'";

    /// <summary>Reads the estimated rows of the current EXPLAIN result and moves to the next result.</summary>
    private static async Task<double> ReadPlanRowsAsync(NpgsqlDataReader reader, CancellationToken cancellationToken)
    {
        await reader.ReadAsync(cancellationToken).ConfigureAwait(false);
        using var json = JsonDocument.Parse(reader.GetString(0));
        var rows = json.RootElement[0].GetProperty("Plan").GetProperty("Plan Rows").GetDouble();
        await reader.NextResultAsync(cancellationToken).ConfigureAwait(false);
        return rows;
    }

    /// <summary>
    /// The SQL of a query; every value is a parameter, only the shape depends on the query. With
    /// <paramref name="broad"/>, matching walks the cables in cap order and stops at the cap, instead of collecting every
    /// matching portion first; both shapes answer the same. With <paramref name="windowed"/>, the index plan matches
    /// portions of the months from <c>@window_end</c> to the newest (with the undated), or from the oldest to
    /// <c>@window_end</c>, only: the same answer whenever that gathers more than the cap, since every cable of those
    /// months comes before every other in cap order. With <paramref name="levels"/>, the index plan fetches only paragraphs
    /// of the levels the reader may read (<see cref="ReaderClearance.ReadableLevelsInIndex"/>).
    /// </summary>
    internal static string BuildSql(SearchQuery query, bool broad = false, bool pairs = false, bool windowed = false, bool levels = false)
    {
        var capOrder = CapOrder(query);
        var readableP = ReaderClearance.Readable("p");
        var readableS = ReaderClearance.Readable("s");
        var readableN = ReaderClearance.Readable("n");
        var sql = new StringBuilder("WITH");
        if (query.HasText && broad)
        {
            // A term in a large share of the archive: walk the cables in cap order (an index scan) and look at each one's
            // readable portions, until the cap is reached.
            sql.Append($"""

                matched AS MATERIALIZED (
                    SELECT c.id, c.reference_id, c.created_at, c.origin, c.classification, c.current_version_id, r.rank, r.portions
                    FROM cables c
                    CROSS JOIN LATERAL (
                        SELECT max(h.rank) AS rank, count(*) AS portions FROM (
                            SELECT ts_rank(p.search_vector, {TsQuery}) AS rank FROM paragraphs p
                            WHERE p.version_id = c.current_version_id AND {readableP} AND {MatchOneByOne("p")}
                            UNION ALL
                            SELECT ts_rank(s.search_vector, {TsQuery}) FROM subjects s
                            WHERE s.version_id = c.current_version_id AND {readableS} AND {MatchOneByOne("s")}
                            UNION ALL
                            SELECT ts_rank(n.search_vector, {TsQuery}) FROM cable_notes n
                            WHERE n.cable_reference_id = c.reference_id AND {readableN} AND {MatchOneByOne("n")}) h
                    ) r
                    WHERE r.portions > 0 AND {EnvelopeFilters(query)}
                    ORDER BY {string.Format(capOrder, "c.")}
                    LIMIT @cap
                )
                """);
        }
        else if (query.HasText)
        {
            var inWindow = "";
            var inWindowIndexed = "";
            if (windowed)
            {
                // The months are listed, not given as a range: the GIN index skips through a list of equal keys beside the
                // terms' posting lists, but reads every entry of a range in full (docs/decisions/search-newest-months-first.md).
                // Paragraphs and their pairs hold the month in the index as a one-element array, and the window is one
                // overlap with it: one pass over the terms' posting lists for all months, where = ANY(months) makes one
                // pass per month ("deal without" for an UNCLASSIFIED reader over 25 months: 22 against 64 ms in the index;
                // docs/decisions/search-levels-in-the-index.md).
                var months = query.Sort == SearchSort.Oldest
                    ? $"SELECT generate_series((SELECT {CapMonth.SqlOrNull("min(created_at)")} FROM cables), @window_end)"
                    : $"SELECT generate_series(@window_end, (SELECT {CapMonth.SqlOrNull("max(created_at)")} FROM cables)) UNION ALL SELECT {CapMonth.Undated}";
                sql.Append($"""

                    window_months AS MATERIALIZED (SELECT ARRAY({months}) AS months),
                    """);
                // {0} is the row's month. A note takes its cable's: a note outside the window would count towards the cap
                // while the cables of the months between were never looked at. For subjects the month is a filter, not an
                // index condition (+ 0): GIN scans the index once per listed month, each time through the terms' posting
                // lists, and subjects are so few a month that fetching every matching one costs less ("unit" 23 against
                // 58 ms, the phrase "governor postpon" 5 against 100 ms, over 20 months of 250,000 cables).
                inWindow = " AND {0} = ANY((SELECT months FROM window_months)::int[])";
                inWindowIndexed = " AND ARRAY[{0}] && (SELECT months FROM window_months)::int[]";
            }

            // A reader who may read few of the paragraphs fetches only those of the levels they may read, through the index
            // (ReaderClearance.ReadableLevelsInIndex); the read rule still decides.
            var inLevels = levels ? " AND " + ReaderClearance.ReadableLevelsInIndex("{0}") : "";

            // Per portion: the clearance filter sits beside the match, so withheld text is never a candidate. The query
            // is written out where it is used (not in a CTE) so that the planner folds it and estimates each term.
            // Portions are grouped by cable and version before they meet `cables`, so that the current-version check
            // costs one lookup per matching cable, not one per matching portion (docs/scaling.md). The lookup is kept
            // one by key (OFFSET 0): from an estimate of a few thousand cables the planner hashed all of `cables`
            // instead, 140 ms against 30 ms for 7,632 lookups. A note belongs to its cable whatever the version, so it
            // takes the cable's current version (NULL when there is none).
            var paragraphHits = $"""
                    SELECT p.cable_id, p.version_id, ts_rank(p.search_vector, {TsQuery}) AS rank
                    FROM paragraphs p
                    WHERE p.search_vector @@ {TsQuery} AND {readableP}{string.Format(inWindowIndexed, "p.created_month")}{string.Format(inLevels, "p")}
                """;
            if (pairs)
            {
                // A phrase fetches the paragraphs holding its pairs (PhrasePairs) and matches each on its own vector, once
                // every searchable paragraph has its pairs; while a version waits for them, through its words as above.
                // Both branches read the list in the statement's snapshot, so exactly one runs. OFFSET 0 keeps the
                // paragraph a lookup by key per candidate: joined freely, the planner may hash the whole table instead.
                paragraphHits = $"""
                    SELECT p.cable_id, p.version_id, ts_rank(p.search_vector, {TsQuery}) AS rank
                    FROM paragraph_pairs pp
                    CROSS JOIN LATERAL (
                        SELECT * FROM paragraphs p WHERE p.version_id = pp.version_id AND p.position = pp.position OFFSET 0) p
                    WHERE pp.pairs @@ (@pairs::tsquery || {PhrasePairs.AnyPairSql}) AND {readableP} AND {MatchOneByOne("p")}{string.Format(inWindowIndexed, "pp.created_month")}{string.Format(inLevels, "pp")}
                      AND NOT (SELECT EXISTS (SELECT 1 FROM pending_phrase_pairs))
                    UNION ALL
                    {paragraphHits}
                      AND (SELECT EXISTS (SELECT 1 FROM pending_phrase_pairs))
                """;
            }

            sql.Append($"""

                hits AS (
                    {paragraphHits}
                    UNION ALL
                    SELECT s.cable_id, s.version_id, ts_rank(s.search_vector, {TsQuery})
                    FROM subjects s
                    WHERE s.search_vector @@ {TsQuery} AND {readableS}{string.Format(inWindow, "(s.created_month + 0)")}
                    UNION ALL
                    SELECT c.id, c.current_version_id, ts_rank(n.search_vector, {TsQuery})
                    FROM cable_notes n JOIN cables c ON c.reference_id = n.cable_reference_id
                    WHERE n.search_vector @@ {TsQuery} AND {readableN}{string.Format(inWindow, CapMonth.Sql("c.created_at"))}
                ),
                ranked AS (SELECT cable_id, version_id, max(rank) AS rank, count(*) AS portions FROM hits GROUP BY cable_id, version_id),
                matched AS MATERIALIZED (
                    SELECT c.id, c.reference_id, c.created_at, c.origin, c.classification, c.current_version_id, r.rank, r.portions
                    FROM ranked r
                    CROSS JOIN LATERAL (
                        SELECT * FROM cables c WHERE c.id = r.cable_id AND c.current_version_id IS NOT DISTINCT FROM r.version_id OFFSET 0) c
                    WHERE {EnvelopeFilters(query)}
                    ORDER BY {string.Format(capOrder, "c.")}
                    LIMIT @cap
                )
                """);
        }
        else
        {
            sql.Append($"""

                matched AS MATERIALIZED (
                    SELECT c.id, c.reference_id, c.created_at, c.origin, c.classification, c.current_version_id, 0::real AS rank, 0::bigint AS portions
                    FROM cables c
                    WHERE {EnvelopeFilters(query)}
                    ORDER BY {string.Format(capOrder, "c.")}
                    LIMIT @cap
                )
                """);
        }

        // The cap itself: one row more than kept says whether there were more.
        sql.Append($"""
            ,
            kept AS MATERIALIZED (SELECT * FROM matched ORDER BY {string.Format(capOrder, "")} LIMIT {MaxMatches})
            """);

        var order = query.Sort switch
        {
            SearchSort.Oldest => "{0}created_at ASC NULLS LAST, {0}reference_id",
            SearchSort.Newest => "{0}created_at DESC NULLS LAST, {0}reference_id",
            _ when query.HasText => "{0}rank DESC, {0}portions DESC, {0}created_at DESC NULLS LAST, {0}reference_id",
            _ => "{0}created_at DESC NULLS LAST, {0}reference_id",
        };
        // The snippet quotes the best readable matching paragraph or note (paragraphs first on a tie); a note has no number.
        var snippet = query.HasText
            ? $"""
              LEFT JOIN LATERAL (
                  SELECT ts_headline('english', {string.Format(CleanText, "best")}, {TsQuery}, @headline_options) AS headline, best.number
                  FROM (
                      SELECT p.text, p.number, ts_rank(p.search_vector, {TsQuery}) AS rank, 0 AS source, p.position::bigint AS place
                      FROM paragraphs p
                      WHERE p.version_id = m.current_version_id AND {readableP} AND {MatchOneByOne("p")}
                      UNION ALL
                      SELECT n.text, NULL, ts_rank(n.search_vector, {TsQuery}), 1, n.id
                      FROM cable_notes n
                      WHERE n.cable_reference_id = m.reference_id AND {readableN} AND {MatchOneByOne("n")}) best
                  ORDER BY best.rank DESC, best.source, best.place
                  LIMIT 1) snip ON true
              """
            : "LEFT JOIN LATERAL (SELECT NULL::text AS headline, NULL::text AS number) snip ON true";

        sql.Append($"""

            SELECT
                (SELECT count(*) FROM matched),
                (SELECT coalesce(json_agg(f), '[]') FROM (
                    SELECT origin AS v, count(*) AS n FROM kept WHERE origin IS NOT NULL GROUP BY origin ORDER BY n DESC, v LIMIT 15) f)::text,
                (SELECT coalesce(json_agg(f), '[]') FROM (
                    SELECT classification AS v, count(*) AS n FROM kept WHERE classification IS NOT NULL GROUP BY classification ORDER BY n DESC, v) f)::text,
                (SELECT coalesce(json_agg(f), '[]') FROM (
                    SELECT t.code AS v, count(DISTINCT t.version_id) AS n FROM cable_tags t WHERE t.version_id IN (SELECT current_version_id FROM kept)
                    GROUP BY t.code ORDER BY n DESC, v LIMIT 25) f)::text,
                (SELECT coalesce(json_agg(f ORDER BY f.y, f.m), '[]') FROM (
                    SELECT extract(year FROM created_at AT TIME ZONE 'UTC')::int AS y, extract(month FROM created_at AT TIME ZONE 'UTC')::int AS m, count(*) AS n
                    FROM kept WHERE created_at IS NOT NULL GROUP BY 1, 2) f)::text,
                (SELECT coalesce(json_agg(pg ORDER BY {string.Format(order, "pg.")}), '[]') FROM (
                    SELECT m.reference_id, m.created_at, m.origin, m.classification, m.rank, m.portions,
                           subj.readable AS subject_readable, subj.text AS subject, subj.read_level AS subject_level, subj.read_caveats AS subject_caveats,
                           snip.headline AS snippet, snip.number AS snippet_paragraph
                    FROM (SELECT * FROM kept ORDER BY {string.Format(order, "")} LIMIT @limit OFFSET @offset) m
                    LEFT JOIN LATERAL (
                        SELECT {readableS} AS readable, CASE WHEN {readableS} THEN s.text END AS text, s.read_level, s.read_caveats
                        FROM subjects s WHERE s.version_id = m.current_version_id) subj ON true
                    {snippet}
                ) pg)::text
            """);
        return sql.ToString();
    }

    /// <summary>
    /// The match for rows reached by their key (the portions of one cable), for the table aliased <paramref name="alias"/>:
    /// <c>ts_match_vq</c> is the function behind <c>@@</c>, and no index matches a function call. With <c>@@</c> the
    /// planner may AND the terms' whole posting list from the full-text index into each cable's lookup, or hash every
    /// matching portion of the archive to test a few hundred cables: 1.2 s instead of 10 ms to probe 400 cables for a
    /// frequent phrase, and 85 s instead of 40 ms to walk for it (docs/scaling.md, session 8). It is written after the read
    /// rule: PostgreSQL keeps the written order of conditions it deems equally cheap, and the rule is far cheaper than a
    /// match, so a portion the reader may not read is never matched (walking for "staff" as an UNCLASSIFIED reader: 159
    /// against 133 ms).
    /// </summary>
    private static string MatchOneByOne(string alias) => $"ts_match_vq({alias}.search_vector, {TsQuery})";

    /// <summary>
    /// The cap keeps the first matches in a public order (the envelope's date, then the cable's key), so which cables are
    /// kept depends on nothing withheld. A format string: <c>{0}</c> is the alias and its dot.
    /// </summary>
    private static string CapOrder(SearchQuery query) => query.Sort == SearchSort.Oldest
        ? "{0}created_at ASC NULLS LAST, {0}id ASC"
        : "{0}created_at DESC NULLS FIRST, {0}id DESC";

    private static string EnvelopeFilters(SearchQuery query)
    {
        var filters = new List<string> { "true" };
        if (query.From is not null)
            filters.Add("c.created_at >= @from");
        if (query.To is not null)
            filters.Add("c.created_at < @to");
        if (query.Origins.Count > 0)
            filters.Add("c.origin = ANY(@origins)");
        if (query.Classifications.Count > 0)
            filters.Add("c.classification = ANY(@classifications)");
        if (query.Tags.Count > 0)
            filters.Add("(SELECT count(DISTINCT t.code) FROM cable_tags t WHERE t.version_id = c.current_version_id AND t.code = ANY(@tags)) = @tag_count");
        if (query.RedactedOnly)
        {
            // Redactions are looked for in the readable portions only: the stored count covers withheld text too.
            filters.Add($"""
                (EXISTS (SELECT 1 FROM paragraphs p WHERE p.version_id = c.current_version_id AND {ReaderClearance.Readable("p")} AND p.text ~ {RedactionPattern})
                 OR EXISTS (SELECT 1 FROM subjects s WHERE s.version_id = c.current_version_id AND {ReaderClearance.Readable("s")} AND s.text ~ {RedactionPattern}))
                """);
        }

        return string.Join(" AND ", filters);
    }

    /// <summary>
    /// Which plan runs: the walk, or the index plan over the months up to <paramref name="WindowEnd"/> in cap order first
    /// (null: over all), a window of <paramref name="WindowCables"/> cables of the archive's <paramref name="ArchiveCables"/>,
    /// fetching only the levels the reader may read with <paramref name="LevelsInIndex"/>.
    /// </summary>
    private readonly record struct PlanChoice(bool WalkCables, int? WindowEnd, long WindowCables = 0, double ArchiveCables = 0, bool LevelsInIndex = false)
    {
        public static PlanChoice Walk => new(true, null);

        public static PlanChoice IndexOverAll => new(false, null);
    }

    private static List<FacetCount> ReadFacets(string json)
    {
        using var document = JsonDocument.Parse(json);
        return document.RootElement.EnumerateArray().Select(e => new FacetCount(e.GetProperty("v").GetString() ?? "", e.GetProperty("n").GetInt64())).ToList();
    }

    private static List<MonthCount> ReadMonths(string json)
    {
        using var document = JsonDocument.Parse(json);
        return document.RootElement.EnumerateArray().Select(e => new MonthCount(e.GetProperty("y").GetInt32(), e.GetProperty("m").GetInt32(), e.GetProperty("n").GetInt64())).ToList();
    }

    private static List<SearchHit> ReadHits(string json)
    {
        using var document = JsonDocument.Parse(json);
        var hits = new List<SearchHit>();
        foreach (var e in document.RootElement.EnumerateArray())
        {
            var readable = e.GetProperty("subject_readable");
            var hasSubject = readable.ValueKind is JsonValueKind.True or JsonValueKind.False;
            hits.Add(new SearchHit
            {
                ReferenceId = e.GetProperty("reference_id").GetString()!,
                CreatedAt = e.GetProperty("created_at").ValueKind == JsonValueKind.Null ? null : e.GetProperty("created_at").GetDateTimeOffset().UtcDateTime,
                Origin = e.GetProperty("origin").GetString(),
                Classification = e.GetProperty("classification").GetString(),
                Subject = hasSubject && readable.GetBoolean() ? e.GetProperty("subject").GetString() : null,
                SubjectWithheld = hasSubject && !readable.GetBoolean()
                    ? StoredLabel.From(e.GetProperty("subject_level").GetInt16(), e.GetProperty("subject_caveats").EnumerateArray().Select(c => c.GetString()!))
                    : null,
                Snippet = e.GetProperty("snippet").GetString(),
                SnippetParagraph = e.GetProperty("snippet_paragraph").GetString(),
            });
        }

        return hits;
    }
}

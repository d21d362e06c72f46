using Npgsql;

namespace CableArchive.Data.Import;

/// <summary>
/// The second phase of an import: computes the full-text vectors of every portion committed unsearchable, by flipping
/// <c>searchable</c> (which makes PostgreSQL compute the generated <c>search_vector</c> column and index it), for the
/// versions listed in <c>pending_versions</c>, a few hundred versions a transaction, spread over one connection per
/// core. Each transaction also takes its versions off the list, so a killed indexer loses at most the transactions in
/// flight, which the next import (or <c>reparse</c>) picks up: any pending version is indexed, whichever run wrote it.
/// </summary>
/// <remarks>
/// A transaction covers the version ids from the first to the last of its pending versions. That range holds no
/// version committed after the list was read: ids are reserved under the merge lock and committed before it is let
/// go, so a later version has a larger id. Ranges, rather than lists of ids, keep the plan an index scan on a table
/// the import has just filled and PostgreSQL has not analysed yet (a list then reads as half the table).
/// </remarks>
public static class SearchIndexer
{
    /// <summary>
    /// Versions per transaction: about 4,000 portions (12 a version on average), small enough to commit often, large
    /// enough to keep the per-statement cost negligible.
    /// </summary>
    private const int VersionsPerRange = 300;

    private const string PendingRows = """
        SELECT (SELECT count(*) FROM paragraphs p JOIN pending_versions v USING (version_id))
             + (SELECT count(*) FROM subjects s JOIN pending_versions v USING (version_id))
        """;

    /// <summary>Rows still waiting for their vectors.</summary>
    public static async Task<long> CountPendingAsync(NpgsqlDataSource dataSource, CancellationToken cancellationToken = default)
    {
        await using var command = dataSource.CreateCommand(PendingRows);
        return (long)(await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false))!;
    }

    /// <summary>Computes every pending vector; returns the rows indexed. <paramref name="onRows"/> is told of each range done.</summary>
    public static async Task<long> IndexPendingAsync(NpgsqlDataSource dataSource, int parallelism, Action<long>? onRows = null, CancellationToken cancellationToken = default)
    {
        // One implicit transaction a range: the vectors and the versions' move to the pairs' list commit together.
        long done = 0;
        await ForEachRangeAsync(
            dataSource,
            "SELECT version_id FROM pending_versions ORDER BY version_id",
            parallelism,
            [
                "UPDATE paragraphs SET searchable = true WHERE version_id BETWEEN $1 AND $2 AND NOT searchable",
                "UPDATE subjects SET searchable = true WHERE version_id BETWEEN $1 AND $2 AND NOT searchable",
                """
                WITH indexed AS (DELETE FROM pending_versions WHERE version_id BETWEEN $1 AND $2 RETURNING version_id)
                INSERT INTO pending_phrase_pairs (version_id) SELECT version_id FROM indexed ON CONFLICT DO NOTHING
                """,
            ],
            batch =>
            {
                var rows = batch.BatchCommands[0].RecordsAffected + batch.BatchCommands[1].RecordsAffected;
                Interlocked.Add(ref done, rows);
                onRows?.Invoke(rows);
            },
            cancellationToken).ConfigureAwait(false);
        return done;
    }

    /// <summary>
    /// The last phase: writes the phrase pairs (<see cref="Search.PhrasePairs"/>) of every paragraph of the versions in
    /// <c>pending_phrase_pairs</c> from its vector, over one connection per core; returns the paragraphs done. Until it is
    /// done searches match phrases without the pairs, so the archive is searchable before it starts.
    /// </summary>
    /// <remarks>
    /// A transaction takes its versions off the list and writes their pairs in one statement, so both see the same
    /// snapshot: a version the indexing phase lists while the statement runs stays listed for the next run, and every
    /// version it takes off has its vectors (they commit with its listing). A version is listed once in its life (when
    /// its vectors are made), so its pairs are never written twice.
    /// </remarks>
    public static async Task<long> IndexPendingPhrasePairsAsync(NpgsqlDataSource dataSource, int parallelism, CancellationToken cancellationToken = default)
    {
        long done = 0;
        await ForEachRangeAsync(
            dataSource,
            "SELECT version_id FROM pending_phrase_pairs ORDER BY version_id",
            parallelism,
            [
                """
                WITH taken AS (DELETE FROM pending_phrase_pairs WHERE version_id BETWEEN $1 AND $2 RETURNING version_id)
                INSERT INTO paragraph_pairs (version_id, position, created_month, read_level, pairs)
                SELECT p.version_id, p.position, p.created_month, p.read_level, phrase_pairs(p.search_vector)
                FROM paragraphs p
                WHERE p.version_id BETWEEN $1 AND $2 AND p.version_id IN (SELECT version_id FROM taken) AND p.searchable
                """,
            ],
            batch => Interlocked.Add(ref done, batch.BatchCommands[0].RecordsAffected),
            cancellationToken).ConfigureAwait(false);
        return done;
    }

    /// <summary>
    /// Measures PostgreSQL's own floor for the same work: <c>to_tsvector</c> over the same texts, split over ranges of
    /// as many versions and over as many connections, without storing anything. Returns the seconds it took.
    /// </summary>
    public static async Task<double> MeasureTsVectorFloorAsync(NpgsqlDataSource dataSource, int parallelism, CancellationToken cancellationToken = default)
    {
        var clock = System.Diagnostics.Stopwatch.StartNew();
        await ForEachRangeAsync(
            dataSource,
            "SELECT id FROM cable_versions ORDER BY id",
            parallelism,
            [
                """
                SELECT (SELECT sum(length(to_tsvector('english'::regconfig, text))) FROM paragraphs WHERE version_id BETWEEN $1 AND $2),
                       (SELECT sum(length(to_tsvector('english'::regconfig, text))) FROM subjects WHERE version_id BETWEEN $1 AND $2)
                """,
            ],
            _ => { },
            cancellationToken).ConfigureAwait(false);
        return clock.Elapsed.TotalSeconds;
    }

    /// <summary>
    /// Runs <paramref name="statements"/> as one batch (one implicit transaction) for each range of
    /// <see cref="VersionsPerRange"/> of the version ids <paramref name="ids"/> lists, over <paramref name="parallelism"/>
    /// connections; each statement takes the range's first and last id as <c>$1</c> and <c>$2</c>.
    /// <paramref name="onRange"/> is given each batch once it has run.
    /// </summary>
    private static async Task ForEachRangeAsync(
        NpgsqlDataSource dataSource, string ids, int parallelism, string[] statements, Action<NpgsqlBatch> onRange, CancellationToken cancellationToken)
    {
        var ranges = await RangesAsync(dataSource, ids, cancellationToken).ConfigureAwait(false);
        await Parallel.ForEachAsync(
            ranges,
            new ParallelOptions { MaxDegreeOfParallelism = Math.Max(1, parallelism), CancellationToken = cancellationToken },
            async (range, token) =>
            {
                await using var batch = dataSource.CreateBatch();
                foreach (var sql in statements)
                    batch.BatchCommands.Add(new NpgsqlBatchCommand(sql) { Parameters = { new() { Value = range.First }, new() { Value = range.Last } } });
                await batch.ExecuteNonQueryAsync(token).ConfigureAwait(false);
                onRange(batch);
            }).ConfigureAwait(false);
    }

    /// <summary>The first and last of every <see cref="VersionsPerRange"/> version ids <paramref name="sql"/> lists in order.</summary>
    private static async Task<List<(long First, long Last)>> RangesAsync(NpgsqlDataSource dataSource, string sql, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand(sql);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        var ids = new List<long>();
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
            ids.Add(reader.GetInt64(0));
        return ids.Chunk(VersionsPerRange).Select(chunk => (chunk[0], chunk[^1])).ToList();
    }
}

using Npgsql;

namespace CableArchive.Data.Import;

/// <summary>
/// The second phase of an import: computes the full-text vectors of every portion committed unsearchable, by flipping
/// <c>searchable</c> (which makes PostgreSQL compute the generated <c>search_vector</c> column and index it), in small
/// id ranges spread over one connection per core. Each range commits on its own, so a killed indexer loses at most a
/// few ranges, which the next import (or <c>reparse</c>) picks up: any pending row is indexed, whichever run wrote it.
/// </summary>
public static class SearchIndexer
{
    /// <summary>Ids per range: small enough to commit often, large enough to keep the per-statement cost negligible.</summary>
    private const long RangeSize = 4000;

    private static readonly (string Table, string Key)[] Tables = [("paragraphs", "id"), ("subjects", "version_id")];

    /// <summary>Rows still waiting for their vectors.</summary>
    public static async Task<long> CountPendingAsync(NpgsqlDataSource dataSource, CancellationToken cancellationToken = default)
    {
        long pending = 0;
        foreach (var (table, _) in Tables)
        {
            await using var command = dataSource.CreateCommand($"SELECT count(*) FROM {table} WHERE NOT searchable");
            pending += (long)(await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false))!;
        }

        return pending;
    }

    /// <summary>Computes every pending vector; returns the rows indexed. <paramref name="onRows"/> is told of each range done.</summary>
    public static async Task<long> IndexPendingAsync(NpgsqlDataSource dataSource, int parallelism, Action<long>? onRows = null, CancellationToken cancellationToken = default)
    {
        long done = 0;
        foreach (var (table, key) in Tables)
        {
            var ranges = await PendingRangesAsync(dataSource, table, key, cancellationToken).ConfigureAwait(false);
            await Parallel.ForEachAsync(
                ranges,
                new ParallelOptions { MaxDegreeOfParallelism = Math.Max(1, parallelism), CancellationToken = cancellationToken },
                async (range, token) =>
                {
                    await using var command = dataSource.CreateCommand(
                        $"UPDATE {table} SET searchable = true WHERE {key} >= $1 AND {key} < $2 AND NOT searchable");
                    command.Parameters.Add(new NpgsqlParameter { Value = range.From });
                    command.Parameters.Add(new NpgsqlParameter { Value = range.To });
                    var rows = await command.ExecuteNonQueryAsync(token).ConfigureAwait(false);
                    Interlocked.Add(ref done, rows);
                    onRows?.Invoke(rows);
                }).ConfigureAwait(false);
        }

        return done;
    }

    /// <summary>
    /// Measures PostgreSQL's own floor for the same work: <c>to_tsvector</c> over the same texts, split over the same
    /// ranges and connections, without storing anything. Returns the seconds it took.
    /// </summary>
    public static async Task<double> MeasureTsVectorFloorAsync(NpgsqlDataSource dataSource, int parallelism, CancellationToken cancellationToken = default)
    {
        var clock = System.Diagnostics.Stopwatch.StartNew();
        foreach (var (table, key) in Tables)
        {
            var ranges = await AllRangesAsync(dataSource, table, key, cancellationToken).ConfigureAwait(false);
            await Parallel.ForEachAsync(
                ranges,
                new ParallelOptions { MaxDegreeOfParallelism = Math.Max(1, parallelism), CancellationToken = cancellationToken },
                async (range, token) =>
                {
                    await using var command = dataSource.CreateCommand(
                        $"SELECT sum(length(to_tsvector('english'::regconfig, text))) FROM {table} WHERE {key} >= $1 AND {key} < $2");
                    command.Parameters.Add(new NpgsqlParameter { Value = range.From });
                    command.Parameters.Add(new NpgsqlParameter { Value = range.To });
                    await command.ExecuteScalarAsync(token).ConfigureAwait(false);
                }).ConfigureAwait(false);
        }

        return clock.Elapsed.TotalSeconds;
    }

    private static Task<List<(long From, long To)>> PendingRangesAsync(NpgsqlDataSource dataSource, string table, string key, CancellationToken cancellationToken) =>
        RangesAsync(dataSource, $"SELECT min({key}), max({key}) FROM {table} WHERE NOT searchable", cancellationToken);

    private static Task<List<(long From, long To)>> AllRangesAsync(NpgsqlDataSource dataSource, string table, string key, CancellationToken cancellationToken) =>
        RangesAsync(dataSource, $"SELECT min({key}), max({key}) FROM {table}", cancellationToken);

    private static async Task<List<(long From, long To)>> RangesAsync(NpgsqlDataSource dataSource, string sql, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand(sql);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        var ranges = new List<(long From, long To)>();
        if (await reader.ReadAsync(cancellationToken).ConfigureAwait(false) && !reader.IsDBNull(0))
        {
            var (min, max) = (reader.GetInt64(0), reader.GetInt64(1));
            for (var from = min; from <= max; from += RangeSize)
                ranges.Add((from, Math.Min(from + RangeSize, max + 1)));
        }

        return ranges;
    }
}

using Npgsql;
using NpgsqlTypes;

namespace CableArchive.Data.Search;

/// <summary>
/// The site statistics (see docs/decisions/web-history-and-statistics.md for what each count may be computed over).
/// Counts of cable envelopes cover every cable, as the browse pages do; counts of versions are what the reader's version
/// lists add up to, so they pass through the read rule.
/// </summary>
public static partial class CableQueries
{
    /// <summary>Cables per year of their date-time (<c>2008</c>), oldest first; cables without a date are left out.</summary>
    public static Task<IReadOnlyList<BrowseCount>> CountYearsAsync(NpgsqlDataSource dataSource, CancellationToken cancellationToken = default) =>
        CountAsync(dataSource, "SELECT to_char(created_at AT TIME ZONE 'UTC', 'YYYY') AS y, count(*) FROM cables WHERE created_at IS NOT NULL GROUP BY y ORDER BY y", cancellationToken);

    /// <summary>The <paramref name="limit"/> origins with the most cables, most first.</summary>
    public static async Task<IReadOnlyList<BrowseCount>> CountTopOriginsAsync(NpgsqlDataSource dataSource, int limit, CancellationToken cancellationToken = default)
    {
        await using var command = dataSource.CreateCommand("SELECT origin, count(*) AS n FROM cables WHERE origin IS NOT NULL GROUP BY origin ORDER BY n DESC, origin LIMIT $1");
        command.Parameters.Add(new NpgsqlParameter { Value = limit });
        return await ReadCountsAsync(command, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Versions per release as <paramref name="reader"/> sees them: the sum of the version lists of every cable the
    /// reader is not shown the withdrawal card for (some portion of its current text is readable), leaving out cables
    /// whose history is withheld unless <paramref name="sensitiveHistoryVisible"/>. A release is the release date the
    /// container gave (<c>released 2010-11-28</c>) or else the import run that first read the version (<c>import run 3</c>),
    /// in order of time.
    /// </summary>
    public static async Task<IReadOnlyList<BrowseCount>> CountVersionsPerReleaseAsync(
        NpgsqlDataSource dataSource, ReaderClearance reader, bool sensitiveHistoryVisible, CancellationToken cancellationToken = default)
    {
        // A cable with one stored version shows one version: only cables with several need their digests compared, which
        // keeps the reading of portion text to the few cables that changed.
        await using var command = dataSource.CreateCommand(
            $"""
            WITH shown AS (
                SELECT c.id FROM cables c
                WHERE (@sensitive_visible OR NOT EXISTS (SELECT 1 FROM sensitive_cables f WHERE f.reference_id = c.reference_id))
                  AND (EXISTS (SELECT 1 FROM subjects s WHERE s.version_id = c.current_version_id AND {ReaderClearance.Readable("s")})
                       OR EXISTS (SELECT 1 FROM paragraphs p WHERE p.version_id = c.current_version_id AND {ReaderClearance.Readable("p")}))
            ), seen AS (
                SELECT v.cable_id, v.id, v.released_at, v.imported_at, v.import_run_id,
                       CASE WHEN EXISTS (SELECT 1 FROM cable_versions o WHERE o.cable_id = v.cable_id AND o.id <> v.id) THEN {SeenDigest("v")} END AS digest
                FROM cable_versions v JOIN shown ON shown.id = v.cable_id
            ), listed AS (
                SELECT *, lag(digest) OVER (PARTITION BY cable_id ORDER BY coalesce(released_at, imported_at), id) AS previous,
                       row_number() OVER (PARTITION BY cable_id ORDER BY coalesce(released_at, imported_at), id) AS position
                FROM seen
            )
            SELECT CASE WHEN released_at IS NOT NULL THEN 'released ' || to_char(released_at AT TIME ZONE 'UTC', 'YYYY-MM-DD')
                        ELSE 'import run ' || import_run_id END AS release,
                   count(*)
            FROM listed
            WHERE position = 1 OR digest IS DISTINCT FROM previous
            GROUP BY release
            ORDER BY min(coalesce(released_at, imported_at)), release
            """);
        reader.AddParameters(command.Parameters);
        command.Parameters.Add(new NpgsqlParameter("sensitive_visible", NpgsqlDbType.Boolean) { Value = sensitiveHistoryVisible });
        return await ReadCountsAsync(command, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Quarantined records by review status (<c>Open</c>, <c>Imported</c>, <c>Discarded</c>), for archivists and admins.</summary>
    public static async Task<IReadOnlyList<BrowseCount>> CountQuarantinedAsync(NpgsqlDataSource dataSource, CancellationToken cancellationToken = default)
    {
        await using var command = dataSource.CreateCommand("SELECT status, count(*) FROM quarantined_records GROUP BY status ORDER BY status");
        var counts = new List<BrowseCount>();
        await using var rows = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await rows.ReadAsync(cancellationToken).ConfigureAwait(false))
            counts.Add(new BrowseCount(((Model.QuarantineStatus)rows.GetInt16(0)).ToString(), rows.GetInt64(1)));
        return counts;
    }
}

using Npgsql;

namespace CableArchive.Data.Import;

/// <summary>
/// Records which cables a release run read, in <c>release_cables</c>, keyed by reference id. Each batch's membership is
/// written in the batch's own transaction, so that it is exactly as complete as the records committed; whether the
/// release counts at all is decided by the run's status (the view <c>releases</c>), so a killed run's partial membership
/// never passes for a complete snapshot (docs/decisions/archive-releases.md).
/// </summary>
internal static class ReleaseMembership
{
    /// <summary>
    /// The statement that adds the reference ids <c>$2</c> of a batch to run <c>$1</c>'s membership when that run is a
    /// release; for an ordinary run its one-time filter is false and nothing is read. The merge sends it in the batch
    /// that starts its transaction.
    /// </summary>
    public const string AddBatchSql = """
        INSERT INTO release_cables (run_id, reference_id)
        SELECT DISTINCT $1::bigint, unnest($2::text[])
        WHERE EXISTS (SELECT 1 FROM import_runs WHERE id = $1 AND release_name IS NOT NULL)
        ON CONFLICT DO NOTHING
        """;

    /// <summary>
    /// Adds cable <paramref name="referenceId"/> to the membership of run <paramref name="runId"/> if that run is a release:
    /// a record the release run quarantined, once an archivist fixes it, was part of that release all along.
    /// </summary>
    public static async Task AddFixedRecordAsync(NpgsqlDataSource dataSource, long runId, string referenceId, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand(
            """
            INSERT INTO release_cables (run_id, reference_id)
            SELECT id, $2 FROM import_runs WHERE id = $1 AND release_name IS NOT NULL
            ON CONFLICT DO NOTHING
            """);
        command.Parameters.Add(new NpgsqlParameter { Value = runId });
        command.Parameters.Add(new NpgsqlParameter { Value = referenceId });
        await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// After a reparse: every version a release run first read is in that release, under the reference id the parser
    /// gives it now (a record that used to be quarantined, or whose id the parser now reads differently). Membership the
    /// rebuild did not touch stays as it was.
    /// </summary>
    public static async Task AddRebuiltVersionsAsync(NpgsqlDataSource dataSource, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand(
            """
            INSERT INTO release_cables (run_id, reference_id)
            SELECT DISTINCT v.import_run_id, c.reference_id
            FROM cable_versions v JOIN cables c ON c.id = v.cable_id JOIN import_runs r ON r.id = v.import_run_id
            WHERE r.release_name IS NOT NULL
            ON CONFLICT DO NOTHING
            """);
        await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }
}

using Npgsql;

namespace CableArchive.Data.Search;

public static partial class CableQueries
{
    /// <summary>
    /// Every release that counts (the view <c>releases</c>), oldest first, each with whether it contains cable
    /// <paramref name="referenceId"/>. Presence is an envelope-level fact: it says nothing about the cable's text.
    /// </summary>
    public static async Task<IReadOnlyList<CableRelease>> GetReleasesAsync(NpgsqlDataSource dataSource, string referenceId, CancellationToken cancellationToken = default)
    {
        // One primary-key probe per release: releases are few, their members many.
        await using var command = dataSource.CreateCommand(
            """
            SELECT r.run_id, r.name, r.released_at,
                   EXISTS (SELECT 1 FROM release_cables m WHERE m.run_id = r.run_id AND m.reference_id = $1)
            FROM releases r
            ORDER BY r.released_at, r.run_id
            """);
        command.Parameters.Add(new NpgsqlParameter { Value = referenceId });
        var releases = new List<CableRelease>();
        await using var rows = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await rows.ReadAsync(cancellationToken).ConfigureAwait(false))
            releases.Add(new CableRelease(rows.GetInt64(0), rows.GetString(1), rows.GetDateTime(2), rows.GetBoolean(3)));
        return releases;
    }
}

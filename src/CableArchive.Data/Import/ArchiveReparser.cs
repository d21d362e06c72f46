using Npgsql;

namespace CableArchive.Data.Import;

/// <summary>
/// <c>cablearchive reparse</c>: rebuilds everything derived from the raw records (cables, versions, portions, tags,
/// references, quarantine) with the parser as it is now, through the same merge as an import.
/// </summary>
/// <remarks>
/// Every stored record is first copied, with its place and run of origin, into a work table <c>reparse_source</c>, and
/// the archive's tables are emptied, in one transaction: the archive holds either the old build or the work table. The
/// records are then replayed in an order that keeps each cable's current text current: quarantined records, then the
/// versions that are not current, then the current ones, each in id (import) order. A killed reparse leaves the work
/// table behind; the next <c>reparse</c> empties the archive again and replays it whole, and only a finished replay drops it.
/// Quarantined records an archivist has reviewed (imported or discarded) stay as they are, with their review: only open
/// ones are replayed (a fixed record's cable is replayed from its version, like any other). The admins' "sensitive"
/// flags (<c>sensitive_cables</c>) and release membership (<c>release_cables</c>) are keyed by reference id and are not
/// emptied: a rebuilt cable is withheld and in its releases from the moment it is back, with no window in between.
/// </remarks>
public sealed class ArchiveReparser(ArchiveDatabase database, ImportOptions? options = null)
{
    private const string WorkTable = "reparse_source";

    private readonly ArchiveImporter importer = new(database, (options ?? new ImportOptions()) with { RunKind = "reparse" });

    /// <summary>The live counters of the replay.</summary>
    public ImportProgress Progress => importer.Progress;

    /// <summary>Re-parses every record of the archive; the summary counts the records replayed.</summary>
    public async Task<ImportSummary> ReparseAsync(CancellationToken cancellationToken = default)
    {
        await SnapshotAsync(cancellationToken).ConfigureAwait(false);
        Progress.TotalBytes = await ScalarAsync($"SELECT coalesce(sum(length(raw)), 0) FROM {WorkTable}", cancellationToken).ConfigureAwait(false);

        var summary = await importer.RunAsync(["(archive)"], Replay, cancellationToken).ConfigureAwait(false);
        if (summary.Fatal is null)
        {
            // Release membership is keyed by reference id and was never emptied; only the rebuilt cables are added.
            await ReleaseMembership.AddRebuiltVersionsAsync(database.DataSource, cancellationToken).ConfigureAwait(false);
            await using var drop = database.DataSource.CreateCommand($"DROP TABLE {WorkTable}");
            await drop.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }

        return summary;
    }

    /// <summary>
    /// The reparse's first step: every record copied into the work table, and the archive's tables emptied, in one
    /// transaction (tests stop a reparse here to look at the archive as the replay finds it).
    /// </summary>
    internal async Task SnapshotAsync(CancellationToken cancellationToken)
    {
        await using var connection = await database.DataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        await using (var exists = new NpgsqlCommand($"SELECT to_regclass('{WorkTable}') IS NOT NULL", connection))
        {
            if (!(bool)(await exists.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false))!)
            {
                // Order of replay: see the remarks above.
                await using var snapshot = new NpgsqlCommand(
                    $"""
                    CREATE TABLE {WorkTable} AS
                    SELECT row_number() OVER (ORDER BY phase, id) AS seq, raw, source_path, source_row, source_offset, import_run_id, imported_at
                    FROM (
                        SELECT 0 AS phase, q.id, q.raw, q.source_path, q.source_row, q.source_offset, q.import_run_id, q.quarantined_at AS imported_at
                        FROM quarantined_records q WHERE q.status = 0
                        UNION ALL
                        SELECT CASE WHEN c.current_version_id = v.id THEN 2 ELSE 1 END, v.id, coalesce(v.raw_record, convert_to(v.text, 'UTF8')),
                            v.source_path, v.source_row, v.source_offset, v.import_run_id, v.imported_at
                        FROM cable_versions v JOIN cables c ON c.id = v.cable_id
                    ) records
                    """,
                    connection);
                await snapshot.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
            }
        }

        await using (var empty = new NpgsqlCommand(
            "TRUNCATE paragraphs, paragraph_pairs, subjects, pending_versions, pending_phrase_pairs, cable_tags, cable_references, cable_aliases, cable_versions, cables; DELETE FROM quarantined_records WHERE status = 0",
            connection))
        {
            await empty.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }

        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Streams the work table in order on the producer thread.</summary>
    private void Replay(Action<WorkItem> emit, Action<string> error, CancellationToken cancellationToken)
    {
        using var connection = database.DataSource.OpenConnection();
        using var command = new NpgsqlCommand(
            $"SELECT raw, source_path, source_row, source_offset, import_run_id, imported_at FROM {WorkTable} ORDER BY seq", connection);
        using var reader = command.ExecuteReader();
        while (reader.Read())
        {
            cancellationToken.ThrowIfCancellationRequested();
            var raw = reader.GetFieldValue<byte[]>(0);
            var origin = new RecordOrigin(reader.GetString(1), reader.IsDBNull(2) ? null : reader.GetInt32(2), reader.IsDBNull(3) ? null : reader.GetInt64(3));
            importer.Progress.AddBytes(raw.Length);

            // The stored path keeps its extension, the container reader's hint (a cables.csv row is read as one).
            emit(new WorkItem(origin.ReaderHint, raw, null, new Provenance(origin, reader.GetInt64(4), reader.GetDateTime(5))));
        }
    }

    private async Task<long> ScalarAsync(string sql, CancellationToken cancellationToken)
    {
        await using var command = database.DataSource.CreateCommand(sql);
        return Convert.ToInt64(await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false));
    }
}

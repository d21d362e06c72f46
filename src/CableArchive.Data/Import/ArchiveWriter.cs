using CableArchive.Data.Search;
using System.Runtime.InteropServices;
using Npgsql;
using NpgsqlTypes;

namespace CableArchive.Data.Import;

/// <summary>What one committed batch changed: <c>Read = NewVersions + Unchanged + Quarantined</c>, always.</summary>
/// <param name="Read">Records in the batch.</param>
/// <param name="NewCables">Cables new to the archive.</param>
/// <param name="NewVersions">Texts new to their cable.</param>
/// <param name="Unchanged">Records whose text the archive already held.</param>
/// <param name="Quarantined">Records set aside.</param>
internal readonly record struct BatchResult(long Read, long NewCables, long NewVersions, long Unchanged, long Quarantined);

/// <summary>
/// Writes batches of parsed records into the archive, each batch in one merge transaction: binary COPY straight into
/// the final tables for the bulk (versions, paragraphs, subjects, tags, references) and set-based SQL for the merge
/// (which records are new, which cables change their current text), so that a batch is either wholly in the archive or
/// not at all (docs/decisions/archive-two-phase-import.md). What belongs to a new version alone (its portions on a
/// second connection, its tags and references on a third) is copied while the first connection writes everything else,
/// and commits just before it (docs/decisions/archive-version-rows-beside-the-merge.md).
/// </summary>
/// <remarks>
/// Rules of the merge: a version is new when its cable holds no version with the same text hash; a record whose text
/// the archive already holds, or that repeats an earlier record of the batch, is unchanged. For each cable the record
/// read last decides the current version (and so the envelope, tags and references), so that importing dumps in release
/// order leaves the newest text current and importing the same dump again changes nothing. Merges of concurrent imports
/// are serialised by an advisory lock.
/// <para>
/// Rows of a version committed before the version itself are safe to read around: every reader reaches portions, tags
/// and references through a version (a cable's current version, a version of its history, or a search joined with the
/// current version), and the indexing phase only through <c>pending_versions</c>, which the merge transaction writes.
/// If that transaction then fails, its rows are left under version ids no version will ever have (ids are reserved
/// from a sequence), above every committed version; the next merge, under the same lock, deletes them before it
/// reserves any id.
/// </para>
/// </remarks>
internal sealed class ArchiveWriter : IAsyncDisposable
{
    /// <summary>Advisory-lock class of the merge lock (one per archive database).</summary>
    internal const int MergeLockClass = 0x43_41_4D_47;

    /// <summary>Advisory-lock class of the per-run liveness lock.</summary>
    internal const int RunLockClass = 0x43_41_52_4E;

    private const string StagingTables = """
        CREATE TEMP TABLE IF NOT EXISTS stage_envelopes (
            cable_id bigint NOT NULL, version_id bigint NOT NULL, created_at timestamptz, origin text, post_id integer, classification text,
            classification_level smallint, classification_caveats text[] NOT NULL, precedence text, date_time_group text,
            from_addressee text, to_addressees text[] NOT NULL, info_addressees text[] NOT NULL, captions text[] NOT NULL,
            executive_order text, declassify_on date, partial boolean NOT NULL, redaction_count integer NOT NULL) ON COMMIT DELETE ROWS;
        CREATE TEMP TABLE IF NOT EXISTS stage_aliases (reference_id text NOT NULL, alias text NOT NULL) ON COMMIT DELETE ROWS;
        CREATE TEMP TABLE IF NOT EXISTS stage_quarantine (
            source_path text NOT NULL, source_row integer, source_offset bigint, source_format smallint, reason text NOT NULL,
            raw bytea NOT NULL, raw_sha256 bytea NOT NULL) ON COMMIT DELETE ROWS;
        """;

    /// <summary>The merge transaction: everything that makes a cable, a version or a run's counters visible.</summary>
    private readonly NpgsqlConnection connection;

    /// <summary>The paragraphs and subjects of the batch's new versions, in a transaction of their own.</summary>
    private readonly NpgsqlConnection portionConnection;

    /// <summary>The tags and references of the batch's new versions, in a transaction of their own.</summary>
    private readonly NpgsqlConnection envelopeConnection;

    private readonly long runId;

    private ArchiveWriter(NpgsqlConnection connection, NpgsqlConnection portionConnection, NpgsqlConnection envelopeConnection, long runId)
    {
        this.connection = connection;
        this.portionConnection = portionConnection;
        this.envelopeConnection = envelopeConnection;
        this.runId = runId;
    }

    /// <summary>The tables of rows that belong to one version and are written beside the merge, keyed by <c>version_id</c>.</summary>
    private static readonly string[] VersionRowTables = ["paragraphs", "subjects", "cable_tags", "cable_references"];

    /// <summary>Opens a writer for <paramref name="runId"/> and takes the run's liveness lock, held until disposal.</summary>
    public static async Task<ArchiveWriter> OpenAsync(NpgsqlDataSource dataSource, long runId, CancellationToken cancellationToken)
    {
        NpgsqlConnection? connection = null;
        NpgsqlConnection? portionConnection = null;
        NpgsqlConnection? envelopeConnection = null;
        try
        {
            connection = await dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
            portionConnection = await dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
            envelopeConnection = await dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
            await using (var staging = new NpgsqlCommand(StagingTables, connection))
                await staging.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
            await using (var runLock = new NpgsqlCommand("SELECT pg_advisory_lock($1, $2)", connection) { Parameters = { new() { Value = RunLockClass }, new() { Value = (int)runId } } })
                await runLock.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
            return new ArchiveWriter(connection, portionConnection, envelopeConnection, runId);
        }
        catch
        {
            foreach (var opened in (NpgsqlConnection?[])[connection, portionConnection, envelopeConnection])
            {
                if (opened is not null)
                    await opened.DisposeAsync().ConfigureAwait(false);
            }

            throw;
        }
    }

    /// <summary>Writes one batch in one transaction and returns what it changed.</summary>
    public async Task<BatchResult> WriteAsync(IReadOnlyList<ProcessedRecord> batch, long inputBytesRead, CancellationToken cancellationToken)
    {
        var cables = batch.OfType<StagedCable>().ToList();
        var quarantined = batch.OfType<StagedQuarantine>().ToList();
        var now = DateTime.UtcNow;

        await using var transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        BatchPlan? plan = null;
        try
        {
            plan = await StartMergeAsync(cables, cancellationToken).ConfigureAwait(false);
            if (plan is not null)
            {
                // The three connections work at once; the versions' own rows commit (or fail) before the merge goes on to commit.
                await Task.WhenAll(
                    CopyPortionsAsync(plan, cancellationToken),
                    CopyTagsAndReferencesAsync(plan, cancellationToken),
                    MergeVersionsAsync(cables, plan, now, cancellationToken)).ConfigureAwait(false);
            }

            if (quarantined.Count > 0)
                await MergeQuarantineAsync(quarantined, now, cancellationToken).ConfigureAwait(false);

            var newVersionIds = plan?.NewVersions.Select(v => v.VersionId).ToArray() ?? [];
            var result = new BatchResult(batch.Count, plan?.NewCables ?? 0, newVersionIds.Length, cables.Count - newVersionIds.Length, quarantined.Count);

            // The new versions wait for their vectors, computed after the batch commits (SearchIndexer); listed here, in
            // one round trip with the run's counters, once the versions are in.
            await using var finish = new NpgsqlBatch(connection);
            finish.BatchCommands.Add(BatchCommand("INSERT INTO pending_versions (version_id) SELECT unnest($1::bigint[])", newVersionIds));
            finish.BatchCommands.Add(BatchCommand(
                """
                UPDATE import_runs SET records_read = records_read + $2, new_cables = new_cables + $3, new_versions = new_versions + $4,
                    unchanged = unchanged + $5, quarantined = quarantined + $6, bytes_read = greatest(bytes_read, $7)
                WHERE id = $1
                """,
                runId, result.Read, result.NewCables, result.NewVersions, result.Unchanged, result.Quarantined, inputBytesRead));
            await finish.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);

            await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
            return result;
        }
        catch when (plan is { NewVersions.Count: > 0 })
        {
            await DeleteVersionRowsOfAsync(plan).ConfigureAwait(false);
            throw;
        }
    }

    /// <summary>
    /// Takes out the rows of a batch's versions whose merge failed, if they committed; where even that fails (the
    /// database went away), the next merge deletes them (see the remarks on the class).
    /// </summary>
    private async Task DeleteVersionRowsOfAsync(BatchPlan plan)
    {
        var versionIds = plan.NewVersions.Select(v => v.VersionId).ToArray();
        try
        {
            await using var delete = new NpgsqlBatch(portionConnection);
            foreach (var table in VersionRowTables)
                delete.BatchCommands.Add(BatchCommand($"DELETE FROM {table} WHERE version_id = ANY($1)", versionIds));
            await delete.ExecuteNonQueryAsync(CancellationToken.None).ConfigureAwait(false);
        }
        catch (Exception e) when (e is NpgsqlException or InvalidOperationException)
        {
            // Left for the next merge.
        }
    }

    /// <summary>
    /// Starts the merge transaction in one round trip: takes the merge lock, deletes the rows a failed merge left behind
    /// (see the remarks on the class), adds the batch to its release, and plans the batch (<see cref="Plan"/>) with the ids
    /// its new cables and versions take. Returns null for a batch without cables.
    /// </summary>
    /// <remarks>
    /// These were nine round trips, and nothing else of the batch can go on until the plan is made: on a machine busy
    /// parsing, each cost milliseconds of waiting for a core, and together a third of the merge's time
    /// (docs/scaling.md, session 17). PostgreSQL runs a batch's statements in order, each with a snapshot taken when it
    /// starts, so every one after the first sees the archive as the lock leaves it.
    /// </remarks>
    private async Task<BatchPlan?> StartMergeAsync(List<StagedCable> cables, CancellationToken cancellationToken)
    {
        await using var batch = new NpgsqlBatch(connection);
        batch.BatchCommands.Add(BatchCommand("SELECT pg_advisory_xact_lock($1, 0)", MergeLockClass));

        // The last committed version's id is the lower end of a closed range: on a table an import is filling and
        // nobody has analysed yet, PostgreSQL prices an open range (> x) at a third of the rows and a closed one at 0.5%,
        // so only the closed one is a scan of the key. The open form scanned all of cable_tags on every batch (6.7 ms a
        // batch at 40,000 cables).
        foreach (var table in VersionRowTables)
            batch.BatchCommands.Add(BatchCommand($"DELETE FROM {table} WHERE version_id BETWEEN (SELECT coalesce(max(id), 0) FROM cable_versions) + 1 AND 9223372036854775807"));
        if (cables.Count == 0)
        {
            await batch.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
            return null;
        }

        var referenceIds = cables.Select(c => c.ReferenceId).ToArray();
        var textHashes = cables.Select(c => c.TextSha256).ToArray();
        batch.BatchCommands.Add(BatchCommand(ReleaseMembership.AddBatchSql, runId, referenceIds));

        // What the archive holds of each record (kind 0, one row for each record of a cable it holds), and one id for
        // each reference id it does not hold (kind 1) and for each text new to its cable (kind 2), in one pass over the
        // keys; the plan checks that it finds as many new ones. The sequences are looked up once, in subqueries: as
        // nextval's argument, the lookup in the catalog cost 11 µs an id.
        batch.BatchCommands.Add(BatchCommand(
            """
            WITH k AS MATERIALIZED (
                SELECT k.seq, k.reference_id, k.text_sha256, c.id AS cable_id, c.current_version_id, v.id AS version_id
                FROM unnest($1::text[], $2::bytea[]) WITH ORDINALITY AS k(reference_id, text_sha256, seq)
                LEFT JOIN cables c ON c.reference_id = k.reference_id
                LEFT JOIN cable_versions v ON v.cable_id = c.id AND v.text_sha256 = k.text_sha256),
            new_cables AS (
                SELECT nextval((SELECT pg_get_serial_sequence('cables', 'id'))::regclass) AS id
                FROM generate_series(1, (SELECT count(DISTINCT reference_id) FROM k WHERE cable_id IS NULL))),
            new_versions AS (
                SELECT nextval((SELECT pg_get_serial_sequence('cable_versions', 'id'))::regclass) AS id
                FROM generate_series(1, (SELECT count(*) FROM (SELECT DISTINCT reference_id, text_sha256 FROM k WHERE version_id IS NULL) AS texts)))
            SELECT 0, seq, cable_id, current_version_id, version_id FROM k WHERE cable_id IS NOT NULL
            UNION ALL SELECT 1, NULL, id, NULL, NULL FROM new_cables
            UNION ALL SELECT 2, NULL, id, NULL, NULL FROM new_versions
            """,
            referenceIds, textHashes));

        // Statements that return no rows have no result set: the lock's comes first, then the plan's.
        var known = new (long CableId, long? CurrentVersionId, long? ExistingVersionId)?[cables.Count];
        var newCableIds = new List<long>();
        var newVersionIds = new List<long>();
        await using var reader = await batch.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        await reader.NextResultAsync(cancellationToken).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            var id = reader.GetInt64(2);
            switch (reader.GetInt32(0))
            {
                case 0:
                    known[(int)reader.GetInt64(1) - 1] = (id, reader.IsDBNull(3) ? null : reader.GetInt64(3), reader.IsDBNull(4) ? null : reader.GetInt64(4));
                    break;
                case 1:
                    newCableIds.Add(id);
                    break;
                default:
                    newVersionIds.Add(id);
                    break;
            }
        }

        newCableIds.Sort();
        newVersionIds.Sort();
        return Plan(cables, known, newCableIds, newVersionIds);
    }

    /// <summary>Everything of a batch but its portions, tags and references, on the merge connection.</summary>
    /// <remarks>
    /// A new cable is copied whole, envelope and current version included, before its versions: inserting it bare and
    /// updating it afterwards wrote each cable row, and an entry in each of its six indexes, twice. Its current version
    /// is copied just after it, in the same transaction; the foreign key from the cable to that version is checked at
    /// commit (migration NewCablesInsertedWhole).
    /// </remarks>
    private async Task MergeVersionsAsync(List<StagedCable> cables, BatchPlan plan, DateTime now, CancellationToken cancellationToken)
    {
        var postIds = await PostIdsAsync(plan, cancellationToken).ConfigureAwait(false);
        await CopyNewCablesAsync(plan, postIds, now, cancellationToken).ConfigureAwait(false);
        await CopyVersionsAsync(plan, now, cancellationToken).ConfigureAwait(false);
        await UpdateChangedCablesAsync(plan, postIds, now, cancellationToken).ConfigureAwait(false);
        await MergeAliasesAsync(cables, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The ids of the posts the batch's changed cables come from, adding the posts the archive does not hold yet.</summary>
    private async Task<Dictionary<string, int>> PostIdsAsync(BatchPlan plan, CancellationToken cancellationToken)
    {
        var names = plan.Changed.Select(c => c.Cable.Post).OfType<string>().Distinct(StringComparer.Ordinal).ToArray();
        var ids = new Dictionary<string, int>(names.Length, StringComparer.Ordinal);
        if (names.Length == 0)
            return ids;
        await using var batch = new NpgsqlBatch(connection)
        {
            BatchCommands =
            {
                BatchCommand("INSERT INTO posts (name) SELECT unnest($1::text[]) ON CONFLICT (name) DO NOTHING", [names]),
                BatchCommand("SELECT name, id FROM posts WHERE name = ANY($1)", [names]),
            },
        };
        await using var reader = await batch.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
            ids[reader.GetString(0)] = reader.GetInt32(1);
        return ids;
    }

    /// <summary>Copies the batch's new cables, each with the envelope of the version it ends on.</summary>
    private async Task CopyNewCablesAsync(BatchPlan plan, Dictionary<string, int> postIds, DateTime now, CancellationToken cancellationToken)
    {
        if (plan.NewCables == 0)
            return;
        await using var copy = await BinaryCopyWriter.BeginAsync(connection,
            $"COPY cables (id, reference_id, first_imported_at, updated_at, current_version_id, {EnvelopeColumns}) FROM STDIN (FORMAT BINARY)",
            cancellationToken).ConfigureAwait(false);
        foreach (var (cable, cableId, versionId, isNew) in plan.Changed)
        {
            if (!isNew)
                continue;
            copy.StartRow();
            copy.Bigint(cableId);
            copy.Text(cable.ReferenceId);
            copy.TimestampTz(now);
            copy.TimestampTz(now);
            copy.Bigint(versionId);
            WriteEnvelope(copy, cable, postIds);
        }

        await copy.CompleteAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The columns of a cable's envelope, in the order <see cref="WriteEnvelope"/> writes them.</summary>
    private const string EnvelopeColumns = """
        created_at, origin, post_id, classification, classification_level, classification_caveats, precedence, date_time_group,
        from_addressee, to_addressees, info_addressees, captions, executive_order, declassify_on, partial, redaction_count
        """;

    private static void WriteEnvelope(BinaryCopyWriter copy, StagedCable cable, Dictionary<string, int> postIds)
    {
        copy.TimestampTz(cable.CreatedAt);
        copy.Text(cable.Post);
        copy.Integer(cable.Post is { } post ? postIds[post] : null);
        copy.Text(cable.Classification);
        copy.Smallint(cable.ClassificationLevel);
        copy.TextArray(cable.ClassificationCaveats);
        copy.Text(cable.Precedence);
        copy.Text(cable.DateTimeGroup);
        copy.Text(cable.FromAddressee);
        copy.TextArray(cable.ToAddressees);
        copy.TextArray(cable.InfoAddressees);
        copy.TextArray(cable.Captions);
        copy.Text(cable.ExecutiveOrder);
        copy.Date(cable.DeclassifyOn);
        copy.Boolean(cable.Partial);
        copy.Integer(cable.RedactionCount);
    }

    /// <summary>
    /// Decides, record by record in read order, which are new versions and which version each cable ends on, from what
    /// the archive knows of each record (<paramref name="known"/>: null for a reference id it does not hold) and the ids
    /// reserved for the new cables and versions.
    /// </summary>
    private static BatchPlan Plan(
        List<StagedCable> cables, (long CableId, long? CurrentVersionId, long? ExistingVersionId)?[] known, List<long> newCableIds, List<long> newVersionIds)
    {
        var rows = new (long CableId, long? CurrentVersionId, long? ExistingVersionId)[cables.Count];
        var newSeqsOfCable = new Dictionary<string, List<int>>(StringComparer.Ordinal);
        for (var seq = 0; seq < cables.Count; seq++)
        {
            if (known[seq] is { } row)
                rows[seq] = row;
            else
                (CollectionsMarshal.GetValueRefOrAddDefault(newSeqsOfCable, cables[seq].ReferenceId, out _) ??= []).Add(seq);
        }

        // Cables new to the archive take their ids in the order their first record was read.
        CheckReserved(newCableIds, newSeqsOfCable.Count, "cables");
        var newCableSeqs = newSeqsOfCable.Values.OrderBy(seqs => seqs.Min()).ToList();
        for (var i = 0; i < newCableSeqs.Count; i++)
        {
            foreach (var seq in newCableSeqs[i])
                rows[seq] = (newCableIds[i], null, null);
        }

        // Version ids are handed out in read order, so that id order is import order.
        var firstSeen = new Dictionary<(long CableId, string Sha), int>();
        var newSeqs = new List<int>();
        for (var seq = 0; seq < cables.Count; seq++)
        {
            var (cableId, _, existing) = rows[seq];
            if (existing is null && firstSeen.TryAdd((cableId, Convert.ToHexString(cables[seq].TextSha256)), seq))
                newSeqs.Add(seq);
        }

        CheckReserved(newVersionIds, newSeqs.Count, "versions");
        var versionOfSeq = new long[cables.Count];
        var newVersions = new List<PlannedVersion>(newSeqs.Count);
        for (var i = 0; i < newSeqs.Count; i++)
        {
            var seq = newSeqs[i];
            versionOfSeq[seq] = newVersionIds[i];
            newVersions.Add(new PlannedVersion(cables[seq], rows[seq].CableId, newVersionIds[i]));
        }

        var lastOfCable = new Dictionary<long, int>();
        for (var seq = 0; seq < cables.Count; seq++)
        {
            var (cableId, _, existing) = rows[seq];
            if (existing is { } id)
                versionOfSeq[seq] = id;
            else if (versionOfSeq[seq] == 0)
                versionOfSeq[seq] = versionOfSeq[firstSeen[(cableId, Convert.ToHexString(cables[seq].TextSha256))]];
            lastOfCable[cableId] = seq;
        }

        var newCableIdSet = newCableIds.ToHashSet();
        var changed = new List<ChangedCable>();
        foreach (var (cableId, seq) in lastOfCable)
        {
            if (rows[seq].CurrentVersionId != versionOfSeq[seq])
                changed.Add(new ChangedCable(cables[seq], cableId, versionOfSeq[seq], newCableIdSet.Contains(cableId)));
        }

        return new BatchPlan(newVersions, changed);
    }

    /// <summary>The database counted what is new by the same rule as <see cref="Plan"/>; a difference is a defect, not bad input.</summary>
    private static void CheckReserved(List<long> reserved, int needed, string what)
    {
        if (reserved.Count != needed)
            throw new InvalidOperationException($"The merge reserved {reserved.Count} ids for new {what} but planned {needed}.");
    }

    private async Task CopyVersionsAsync(BatchPlan plan, DateTime now, CancellationToken cancellationToken)
    {
        if (plan.NewVersions.Count == 0)
            return;
        await using var copy = await BinaryCopyWriter.BeginAsync(connection,
            """
            COPY cable_versions (id, cable_id, text_sha256, text, raw_record, source_path, source_row, source_offset, source_format,
                released_at, import_run_id, imported_at, diagnostics) FROM STDIN (FORMAT BINARY)
            """,
            cancellationToken).ConfigureAwait(false);
        foreach (var (cable, cableId, versionId) in plan.NewVersions)
        {
            copy.StartRow();
            copy.Bigint(versionId);
            copy.Bigint(cableId);
            copy.Bytes(cable.TextSha256);
            copy.Bytes(cable.Utf8Text);
            copy.Bytes(cable.RawRecord);
            copy.Text(cable.Origin.Path);
            copy.Integer(cable.Origin.Row);
            copy.Bigint(cable.Origin.Offset);
            copy.Smallint((short)cable.Format);
            copy.TimestampTz(cable.ReleasedAt);
            copy.Bigint(cable.ImportRunId ?? runId);
            copy.TimestampTz(cable.ImportedAt ?? now);
            copy.Jsonb(cable.DiagnosticsJson);
        }

        await copy.CompleteAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Copies the new versions' portions, unsearchable, on the portion connection, and commits them.</summary>
    private async Task CopyPortionsAsync(BatchPlan plan, CancellationToken cancellationToken)
    {
        if (plan.NewVersions.Count == 0)
            return;

        await using var transaction = await portionConnection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        await using (var copy = await BinaryCopyWriter.BeginAsync(portionConnection,
            """
            COPY paragraphs (version_id, cable_id, position, number, depth, mark_status, mark, mark_level, mark_caveats, read_level,
                read_caveats, created_month, text, span_start, span_length, searchable) FROM STDIN (FORMAT BINARY)
            """,
            cancellationToken).ConfigureAwait(false))
        {
            foreach (var (cable, cableId, versionId) in plan.NewVersions)
            {
                var month = CapMonth.Of(cable.CreatedAt);
                for (var position = 0; position < cable.Paragraphs.Length; position++)
                {
                    var paragraph = cable.Paragraphs[position];
                    copy.StartRow();
                    copy.Bigint(versionId);
                    copy.Bigint(cableId);
                    copy.Integer(position);
                    copy.Text(paragraph.Number);
                    copy.Smallint(paragraph.Depth);
                    WritePortionLabel(copy, paragraph);
                    copy.Integer(month);
                    copy.Bytes(paragraph.Utf8Text);
                    copy.Integer(paragraph.SpanStart);
                    copy.Integer(paragraph.SpanLength);
                    copy.Boolean(false);
                }
            }

            await copy.CompleteAsync(cancellationToken).ConfigureAwait(false);
        }

        await using (var copy = await BinaryCopyWriter.BeginAsync(portionConnection,
            """
            COPY subjects (version_id, cable_id, mark_status, mark, mark_level, mark_caveats, read_level, read_caveats, created_month,
                text, span_start, span_length, searchable) FROM STDIN (FORMAT BINARY)
            """,
            cancellationToken).ConfigureAwait(false))
        {
            foreach (var (cable, cableId, versionId) in plan.NewVersions)
            {
                if (cable.Subject is not { } subject)
                    continue;
                copy.StartRow();
                copy.Bigint(versionId);
                copy.Bigint(cableId);
                WritePortionLabel(copy, subject);
                copy.Integer(CapMonth.Of(cable.CreatedAt));
                copy.Bytes(subject.Utf8Text);
                copy.Integer(subject.SpanStart);
                copy.Integer(subject.SpanLength);
                copy.Boolean(false);
            }

            await copy.CompleteAsync(cancellationToken).ConfigureAwait(false);
        }

        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
    }

    private static void WritePortionLabel(BinaryCopyWriter copy, StagedPortion portion)
    {
        copy.Smallint(portion.MarkStatus);
        copy.Text(portion.Mark);
        copy.Smallint(portion.MarkLevel);
        copy.TextArray(portion.MarkCaveats);
        copy.Smallint(portion.ReadLevel);
        copy.TextArray(portion.ReadCaveats);
    }

    /// <summary>Copies the new versions' tags and references on the envelope connection, and commits them.</summary>
    private async Task CopyTagsAndReferencesAsync(BatchPlan plan, CancellationToken cancellationToken)
    {
        if (plan.NewVersions.Count == 0)
            return;

        await using var transaction = await envelopeConnection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        await using (var copy = await BinaryCopyWriter.BeginAsync(envelopeConnection, "COPY cable_tags (version_id, cable_id, position, code, kind) FROM STDIN (FORMAT BINARY)", cancellationToken).ConfigureAwait(false))
        {
            foreach (var (cable, cableId, versionId) in plan.NewVersions)
            {
                for (var position = 0; position < cable.Tags.Length; position++)
                {
                    copy.StartRow();
                    copy.Bigint(versionId);
                    copy.Bigint(cableId);
                    copy.Integer(position);
                    copy.Text(cable.Tags[position].Code);
                    copy.Smallint(cable.Tags[position].Kind);
                }
            }

            await copy.CompleteAsync(cancellationToken).ConfigureAwait(false);
        }

        await using (var copy = await BinaryCopyWriter.BeginAsync(envelopeConnection,
            "COPY cable_references (version_id, cable_id, position, label, raw, kind, target_reference_id, from_container) FROM STDIN (FORMAT BINARY)",
            cancellationToken).ConfigureAwait(false))
        {
            foreach (var (cable, cableId, versionId) in plan.NewVersions)
            {
                for (var position = 0; position < cable.References.Length; position++)
                {
                    var reference = cable.References[position];
                    copy.StartRow();
                    copy.Bigint(versionId);
                    copy.Bigint(cableId);
                    copy.Integer(position);
                    copy.Text(reference.Label);
                    copy.Text(reference.Raw);
                    copy.Smallint(reference.Kind);
                    copy.Text(reference.TargetReferenceId);
                    copy.Boolean(reference.FromContainer);
                }
            }

            await copy.CompleteAsync(cancellationToken).ConfigureAwait(false);
        }

        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Points each changed cable the archive held before the batch at its new current version and rewrites its envelope.</summary>
    private async Task UpdateChangedCablesAsync(BatchPlan plan, Dictionary<string, int> postIds, DateTime now, CancellationToken cancellationToken)
    {
        if (plan.Changed.Count == plan.NewCables)
            return;
        await using (var copy = await BinaryCopyWriter.BeginAsync(connection,
            $"COPY stage_envelopes (cable_id, version_id, {EnvelopeColumns}) FROM STDIN (FORMAT BINARY)", cancellationToken).ConfigureAwait(false))
        {
            foreach (var (cable, cableId, versionId, isNew) in plan.Changed)
            {
                if (isNew)
                    continue;
                copy.StartRow();
                copy.Bigint(cableId);
                copy.Bigint(versionId);
                WriteEnvelope(copy, cable, postIds);
            }

            await copy.CompleteAsync(cancellationToken).ConfigureAwait(false);
        }

        await ExecuteAsync(
            """
            UPDATE cables c SET current_version_id = e.version_id, created_at = e.created_at, origin = e.origin, post_id = e.post_id,
                classification = e.classification, classification_level = e.classification_level, classification_caveats = e.classification_caveats,
                precedence = e.precedence, date_time_group = e.date_time_group, from_addressee = e.from_addressee,
                to_addressees = e.to_addressees, info_addressees = e.info_addressees, captions = e.captions,
                executive_order = e.executive_order, declassify_on = e.declassify_on, partial = e.partial,
                redaction_count = e.redaction_count, updated_at = $1
            FROM stage_envelopes e
            WHERE c.id = e.cable_id
            """,
            cancellationToken,
            now).ConfigureAwait(false);

        // A version already held that becomes current again takes the month of the envelope just written, so that its
        // portions and its cable agree on their month (see CapMonth), whatever parser wrote them first.
        var newVersionIds = plan.NewVersions.Select(n => n.VersionId).ToHashSet();
        var returning = plan.Changed.Where(c => !newVersionIds.Contains(c.VersionId)).ToList();
        if (returning.Count > 0)
        {
            var versionIds = returning.Select(c => c.VersionId).ToArray();
            var months = returning.Select(c => CapMonth.Of(c.Cable.CreatedAt)).ToArray();
            foreach (var table in (string[])["paragraphs", "subjects"])
            {
                await ExecuteAsync(
                    $"""
                    UPDATE {table} t SET created_month = m.month
                    FROM unnest($1::bigint[], $2::int[]) AS m(version_id, month)
                    WHERE t.version_id = m.version_id AND t.created_month <> m.month
                    """,
                    cancellationToken,
                    versionIds, months).ConfigureAwait(false);
            }
        }
    }

    private async Task MergeAliasesAsync(List<StagedCable> cables, CancellationToken cancellationToken)
    {
        if (!cables.Any(c => c.Aliases.Length > 0))
            return;
        await using (var copy = await BinaryCopyWriter.BeginAsync(connection, "COPY stage_aliases (reference_id, alias) FROM STDIN (FORMAT BINARY)", cancellationToken).ConfigureAwait(false))
        {
            foreach (var cable in cables)
            {
                foreach (var alias in cable.Aliases)
                {
                    copy.StartRow();
                    copy.Text(cable.ReferenceId);
                    copy.Text(alias);
                }
            }

            await copy.CompleteAsync(cancellationToken).ConfigureAwait(false);
        }

        await ExecuteAsync(
            "INSERT INTO cable_aliases (cable_id, alias) SELECT DISTINCT c.id, a.alias FROM stage_aliases a JOIN cables c ON c.reference_id = a.reference_id ON CONFLICT DO NOTHING",
            cancellationToken).ConfigureAwait(false);
    }

    private async Task MergeQuarantineAsync(List<StagedQuarantine> records, DateTime now, CancellationToken cancellationToken)
    {
        await using (var copy = await BinaryCopyWriter.BeginAsync(connection,
            "COPY stage_quarantine (source_path, source_row, source_offset, source_format, reason, raw, raw_sha256) FROM STDIN (FORMAT BINARY)",
            cancellationToken).ConfigureAwait(false))
        {
            foreach (var record in records)
            {
                copy.StartRow();
                copy.Text(record.Origin.Path);
                copy.Integer(record.Origin.Row);
                copy.Bigint(record.Origin.Offset);
                copy.Smallint(record.Format is { } format ? (short?)format : null);
                copy.Text(record.Reason);
                copy.Bytes(record.Raw);
                copy.Bytes(record.RawSha256);
            }

            await copy.CompleteAsync(cancellationToken).ConfigureAwait(false);
        }

        // The same bytes are kept once, with the reason and place they were first seen.
        await ExecuteAsync(
            """
            INSERT INTO quarantined_records (import_run_id, source_path, source_row, source_offset, source_format, reason, raw, raw_sha256, quarantined_at)
            SELECT DISTINCT ON (raw_sha256) $1, source_path, source_row, source_offset, source_format, reason, raw, raw_sha256, $2::timestamptz
            FROM stage_quarantine
            ON CONFLICT (raw_sha256) DO NOTHING
            """,
            cancellationToken,
            runId, now).ConfigureAwait(false);
    }

    private async Task ExecuteAsync(string sql, CancellationToken cancellationToken, params object[] parameters)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        command.Parameters.AddRange(parameters.Select(Parameter).ToArray());
        await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <remarks>A string[] passed alone would be taken for the parameter list itself: pass it as <c>[names]</c>.</remarks>
    private static NpgsqlBatchCommand BatchCommand(string sql, params object[] parameters)
    {
        var command = new NpgsqlBatchCommand(sql);
        command.Parameters.AddRange(parameters.Select(Parameter).ToArray());
        return command;
    }

    private static NpgsqlParameter Parameter(object value) =>
        value is DateTime time ? new NpgsqlParameter { Value = time, NpgsqlDbType = NpgsqlDbType.TimestampTz } : new NpgsqlParameter { Value = value };

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        await envelopeConnection.DisposeAsync().ConfigureAwait(false);
        await portionConnection.DisposeAsync().ConfigureAwait(false);
        await connection.DisposeAsync().ConfigureAwait(false);
    }

    private sealed record PlannedVersion(StagedCable Cable, long CableId, long VersionId);

    /// <summary>A cable whose current version the batch sets: a new cable (<paramref name="IsNew"/>) or one whose text changed.</summary>
    private sealed record ChangedCable(StagedCable Cable, long CableId, long VersionId, bool IsNew);

    private sealed record BatchPlan(List<PlannedVersion> NewVersions, List<ChangedCable> Changed)
    {
        /// <summary>Cables new to the archive: each is changed, to the version its last record brings.</summary>
        public int NewCables { get; } = Changed.Count(c => c.IsNew);
    }
}

using CableArchive.Domain.Cables;
using CableArchive.Domain.Classification;
using Npgsql;
using NpgsqlTypes;

namespace CableArchive.Data.Search;

/// <summary>
/// Reads one cable for a reader: its envelope (for everyone), its portions (text only where the read rule in SQL lets
/// the reader read it: withheld text never leaves the database), its versions, and the cables citing it.
/// </summary>
public static partial class CableQueries
{
    /// <summary>Finds a cable by its reference id or one of its aliases, case-insensitively; null when there is none.</summary>
    public static async Task<long?> FindAsync(NpgsqlDataSource dataSource, string referenceId, CancellationToken cancellationToken = default)
    {
        var id = referenceId.Trim().ToUpperInvariant();
        if (id.Length == 0 || id.Length > 64)
            return null;
        await using var command = dataSource.CreateCommand(
            "SELECT id FROM cables WHERE reference_id = $1 UNION ALL SELECT cable_id FROM cable_aliases WHERE alias = $1 LIMIT 1");
        command.Parameters.Add(new NpgsqlParameter { Value = id });
        return await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false) is long found ? found : null;
    }

    /// <summary>The envelope of a cable.</summary>
    public static async Task<CableEnvelope?> GetEnvelopeAsync(NpgsqlDataSource dataSource, long cableId, CancellationToken cancellationToken = default)
    {
        await using var batch = dataSource.CreateBatch();
        batch.BatchCommands.Add(Command(
            """
            SELECT reference_id, current_version_id, created_at, origin, classification, classification_level, classification_caveats,
                   precedence, date_time_group, from_addressee, to_addressees, info_addressees, captions, executive_order, declassify_on, partial,
                   EXISTS (SELECT 1 FROM sensitive_cables s WHERE s.reference_id = c.reference_id)
            FROM cables c WHERE c.id = $1
            """,
            cableId));
        // Tags and references are the current version's; a cited id resolves to the cable of that id when the archive holds it.
        batch.BatchCommands.Add(Command(
            "SELECT t.code FROM cables c JOIN cable_tags t ON t.version_id = c.current_version_id WHERE c.id = $1 ORDER BY t.position", cableId));
        batch.BatchCommands.Add(Command(
            """
            SELECT r.label, r.raw, r.target_reference_id, t.id IS NOT NULL
            FROM cables c JOIN cable_references r ON r.version_id = c.current_version_id LEFT JOIN cables t ON t.reference_id = r.target_reference_id
            WHERE c.id = $1 ORDER BY r.position
            """,
            cableId));
        batch.BatchCommands.Add(Command("SELECT alias FROM cable_aliases WHERE cable_id = $1 ORDER BY alias", cableId));

        await using var reader = await batch.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        if (!await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
            return null;
        var level = reader.IsDBNull(5) ? (short?)null : reader.GetInt16(5);
        var bannerCaveats = reader.GetFieldValue<string[]>(6);
        var envelope = new CableEnvelope
        {
            Id = cableId,
            ReferenceId = reader.GetString(0),
            CurrentVersionId = reader.IsDBNull(1) ? null : reader.GetInt64(1),
            CreatedAt = reader.IsDBNull(2) ? null : reader.GetDateTime(2),
            Origin = NullableString(reader, 3),
            Classification = NullableString(reader, 4),
            Banner = level is { } l ? StoredLabel.From(l, bannerCaveats) : null,
            Precedence = NullableString(reader, 7),
            DateTimeGroup = NullableString(reader, 8),
            From = NullableString(reader, 9),
            To = reader.GetFieldValue<string[]>(10),
            Info = reader.GetFieldValue<string[]>(11),
            Captions = reader.GetFieldValue<string[]>(12),
            ExecutiveOrder = NullableString(reader, 13),
            DeclassifyOn = reader.IsDBNull(14) ? null : reader.GetFieldValue<DateOnly>(14),
            Partial = reader.GetBoolean(15),
            Sensitive = reader.GetBoolean(16),
        };

        await reader.NextResultAsync(cancellationToken).ConfigureAwait(false);
        var tags = new List<string>();
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
            tags.Add(reader.GetString(0));

        await reader.NextResultAsync(cancellationToken).ConfigureAwait(false);
        var references = new List<CableReferenceLink>();
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
            references.Add(new CableReferenceLink(NullableString(reader, 0), reader.GetString(1), NullableString(reader, 2), reader.GetBoolean(3)));

        await reader.NextResultAsync(cancellationToken).ConfigureAwait(false);
        var aliases = new List<string>();
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
            aliases.Add(reader.GetString(0));

        return envelope with { Tags = tags, References = references, Aliases = aliases };
    }

    /// <summary>
    /// The portions of <paramref name="versionId"/> as <paramref name="reader"/> sees them. The text of a portion the
    /// reader may not read is replaced by NULL in the SQL itself.
    /// </summary>
    public static async Task<CableText> GetTextAsync(NpgsqlDataSource dataSource, ReaderClearance reader, long versionId, CancellationToken cancellationToken = default)
    {
        await using var command = dataSource.CreateCommand(
            $"""
            SELECT -1, NULL::text, 0::smallint, s.mark_status, CASE WHEN {ReaderClearance.Readable("s")} THEN s.mark END, s.read_level, s.read_caveats,
                   CASE WHEN {ReaderClearance.Readable("s")} THEN s.text END, {RaisedAboveMark("s")}
            FROM subjects s WHERE s.version_id = @version
            UNION ALL
            SELECT p.position, p.number, p.depth, p.mark_status, CASE WHEN {ReaderClearance.Readable("p")} THEN p.mark END, p.read_level, p.read_caveats,
                   CASE WHEN {ReaderClearance.Readable("p")} THEN p.text END, {RaisedAboveMark("p")}
            FROM paragraphs p WHERE p.version_id = @version
            ORDER BY 1
            """);
        reader.AddParameters(command.Parameters);
        command.Parameters.Add(new NpgsqlParameter("version", NpgsqlDbType.Bigint) { Value = versionId });

        PortionView? subject = null;
        var paragraphs = new List<PortionView>();
        await using var rows = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await rows.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            var portion = new PortionView
            {
                Position = rows.GetInt32(0),
                Number = NullableString(rows, 1),
                Depth = rows.GetInt16(2),
                MarkStatus = (MarkingStatus)rows.GetInt16(3),
                Mark = NullableString(rows, 4),
                Label = StoredLabel.From(rows.GetInt16(5), rows.GetFieldValue<string[]>(6)),
                Text = NullableString(rows, 7),
                RaisedAboveMark = rows.GetBoolean(8),
            };
            if (portion.Position < 0)
                subject = portion;
            else
                paragraphs.Add(portion);
        }

        return new CableText(versionId, subject, paragraphs);
    }

    // A marked portion whose label the read rule raised above its written mark (marks inside its text: PortionMarking.Inner).
    private static string RaisedAboveMark(string alias) =>
        $"({alias}.mark_status = 1 AND ({alias}.read_level > {alias}.mark_level OR NOT {alias}.read_caveats <@ {alias}.mark_caveats))";

    /// <summary>
    /// The versions of a cable as <paramref name="reader"/> sees them, oldest first: stored versions whose readable text
    /// and withheld labels are identical for this reader collapse into one (compared by a hash computed in SQL, so that
    /// no withheld text leaves the database).
    /// </summary>
    public static async Task<IReadOnlyList<VersionView>> GetVersionsAsync(NpgsqlDataSource dataSource, ReaderClearance reader, long cableId, CancellationToken cancellationToken = default)
    {
        await using var command = dataSource.CreateCommand(
            $"""
            SELECT v.id, coalesce(v.released_at, r.released_at, v.imported_at), v.source_format, v.id = c.current_version_id, {SeenDigest("v")},
                   v.released_at, v.import_run_id, r.release_name
            FROM cable_versions v JOIN cables c ON c.id = v.cable_id JOIN import_runs r ON r.id = v.import_run_id
            WHERE v.cable_id = @cable
            ORDER BY coalesce(v.released_at, r.released_at, v.imported_at), v.id
            """);
        reader.AddParameters(command.Parameters);
        command.Parameters.Add(new NpgsqlParameter("cable", NpgsqlDbType.Bigint) { Value = cableId });

        var versions = new List<VersionView>();
        string? previous = null;
        await using var rows = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await rows.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            var seen = rows.GetString(4);
            var current = rows.GetBoolean(3);
            if (seen == previous)
            {
                if (current)
                    versions[^1] = versions[^1] with { IsCurrent = true };
                continue;
            }

            previous = seen;
            versions.Add(new VersionView(
                versions.Count + 1, rows.GetInt64(0), rows.GetDateTime(1), (CableFormat)rows.GetInt16(2), current,
                rows.IsDBNull(5) ? null : rows.GetDateTime(5), rows.GetInt64(6), NullableString(rows, 7)));
        }

        return versions;
    }

    /// <summary>
    /// SQL for the digest of version <paramref name="version"/> (an alias of <c>cable_versions</c>) as the reader sees
    /// it: readable text, and the label of each withheld portion. Two versions with the same digest look the same to the
    /// reader. Uses the parameters of <see cref="ReaderClearance.AddParameters"/>.
    /// </summary>
    private static string SeenDigest(string version) =>
        $"""
        md5(coalesce((SELECT CASE WHEN {ReaderClearance.Readable("s")} THEN 'T' || s.text ELSE 'W' || s.read_level || array_to_string(s.read_caveats, '/') END
                      FROM subjects s WHERE s.version_id = {version}.id), '')
            || E'\n' ||
            coalesce((SELECT string_agg(coalesce(p.number, '') || CASE WHEN {ReaderClearance.Readable("p")} THEN 'T' || p.text ELSE 'W' || p.read_level || array_to_string(p.read_caveats, '/') END,
                                        E'\n' ORDER BY p.position)
                      FROM paragraphs p WHERE p.version_id = {version}.id), ''))
        """;

    /// <summary>
    /// The raw text of the current version, only when <paramref name="reader"/> may read every portion of it and the
    /// banner too (text outside the portions takes the banner's label); null otherwise.
    /// </summary>
    public static async Task<string?> GetRawTextAsync(NpgsqlDataSource dataSource, ReaderClearance reader, Clearance clearance, CableEnvelope envelope, CancellationToken cancellationToken = default)
    {
        if (envelope.Banner is null || !clearance.Dominates(envelope.Banner) || envelope.CurrentVersionId is not { } versionId)
            return null;
        await using var command = dataSource.CreateCommand(
            $"""
            SELECT v.text FROM cable_versions v
            WHERE v.id = @version
              AND NOT EXISTS (SELECT 1 FROM paragraphs p WHERE p.version_id = v.id AND NOT {ReaderClearance.Readable("p")})
              AND NOT EXISTS (SELECT 1 FROM subjects s WHERE s.version_id = v.id AND NOT {ReaderClearance.Readable("s")})
            """);
        reader.AddParameters(command.Parameters);
        command.Parameters.Add(new NpgsqlParameter("version", NpgsqlDbType.Bigint) { Value = versionId });
        return await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false) as string;
    }

    /// <summary>The cables whose current version cites <paramref name="cableId"/>, newest first.</summary>
    public static async Task<IReadOnlyList<CitingCable>> GetCitedByAsync(NpgsqlDataSource dataSource, long cableId, int limit = 200, CancellationToken cancellationToken = default)
    {
        await using var command = dataSource.CreateCommand(
            """
            SELECT DISTINCT c.reference_id, c.created_at, c.origin, c.classification
            FROM cable_references r JOIN cables c ON c.current_version_id = r.version_id
            WHERE r.target_reference_id = (SELECT reference_id FROM cables WHERE id = $1)
            ORDER BY c.created_at DESC NULLS LAST, c.reference_id LIMIT $2
            """);
        command.Parameters.Add(new NpgsqlParameter { Value = cableId });
        command.Parameters.Add(new NpgsqlParameter { Value = limit });
        var citing = new List<CitingCable>();
        await using var rows = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await rows.ReadAsync(cancellationToken).ConfigureAwait(false))
            citing.Add(new CitingCable(rows.GetString(0), rows.IsDBNull(1) ? null : rows.GetDateTime(1), NullableString(rows, 2), NullableString(rows, 3)));
        return citing;
    }

    /// <summary>Tags with the number of cables carrying each, most used first.</summary>
    public static Task<IReadOnlyList<BrowseCount>> CountTagsAsync(NpgsqlDataSource dataSource, CancellationToken cancellationToken = default) =>
        CountAsync(
            dataSource,
            "SELECT t.code, count(DISTINCT c.id) AS n FROM cable_tags t JOIN cables c ON c.current_version_id = t.version_id GROUP BY t.code ORDER BY n DESC, t.code",
            cancellationToken);

    /// <summary>Origins (posts) with their number of cables, by name.</summary>
    public static Task<IReadOnlyList<BrowseCount>> CountOriginsAsync(NpgsqlDataSource dataSource, CancellationToken cancellationToken = default) =>
        CountAsync(dataSource, "SELECT origin, count(*) FROM cables WHERE origin IS NOT NULL GROUP BY origin ORDER BY origin", cancellationToken);

    /// <summary>Banner classifications with their number of cables, most used first.</summary>
    public static Task<IReadOnlyList<BrowseCount>> CountClassificationsAsync(NpgsqlDataSource dataSource, CancellationToken cancellationToken = default) =>
        CountAsync(dataSource, "SELECT coalesce(classification, '(none)'), count(*) AS n FROM cables GROUP BY 1 ORDER BY n DESC, 1", cancellationToken);

    /// <summary>Cables per month (<c>2008-09</c>), oldest first.</summary>
    public static Task<IReadOnlyList<BrowseCount>> CountMonthsAsync(NpgsqlDataSource dataSource, CancellationToken cancellationToken = default) =>
        CountAsync(dataSource, "SELECT to_char(created_at AT TIME ZONE 'UTC', 'YYYY-MM') AS m, count(*) FROM cables WHERE created_at IS NOT NULL GROUP BY m ORDER BY m", cancellationToken);

    private static async Task<IReadOnlyList<BrowseCount>> CountAsync(NpgsqlDataSource dataSource, string sql, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand(sql);
        return await ReadCountsAsync(command, cancellationToken).ConfigureAwait(false);
    }

    private static async Task<IReadOnlyList<BrowseCount>> ReadCountsAsync(NpgsqlCommand command, CancellationToken cancellationToken)
    {
        var counts = new List<BrowseCount>();
        await using var rows = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await rows.ReadAsync(cancellationToken).ConfigureAwait(false))
            counts.Add(new BrowseCount(rows.GetString(0), rows.GetInt64(1)));
        return counts;
    }

    private static NpgsqlBatchCommand Command(string sql, long id) => new(sql) { Parameters = { new NpgsqlParameter { Value = id } } };

    private static string? NullableString(NpgsqlDataReader reader, int ordinal) => reader.IsDBNull(ordinal) ? null : reader.GetString(ordinal);
}

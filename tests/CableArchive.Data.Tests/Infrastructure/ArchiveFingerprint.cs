using Npgsql;

namespace CableArchive.Tests.Data.Infrastructure;

/// <summary>
/// A digest of everything the archive holds, table by table, without surrogate ids, run ids or times: two archives with
/// equal fingerprints hold the same cables, versions, portions, labels, vectors, tags, references and quarantine.
/// </summary>
internal static class ArchiveFingerprint
{
    private static readonly (string Table, string Rows)[] Queries =
    [
        ("cables", """
            SELECT concat_ws('|', c.reference_id, encode(v.text_sha256, 'hex'), c.created_at, c.origin, p.name, c.classification, c.classification_level,
                c.classification_caveats::text, c.precedence, c.date_time_group, c.from_addressee, c.to_addressees::text, c.info_addressees::text,
                c.captions::text, c.executive_order, c.declassify_on, c.partial, c.redaction_count)
            FROM cables c LEFT JOIN cable_versions v ON v.id = c.current_version_id LEFT JOIN posts p ON p.id = c.post_id
            """),
        ("cable_versions", """
            SELECT concat_ws('|', c.reference_id, encode(v.text_sha256, 'hex'), md5(v.text), md5(v.raw_record), v.source_path, v.source_row, v.source_offset,
                v.source_format, v.released_at, v.diagnostics::text)
            FROM cable_versions v JOIN cables c ON c.id = v.cable_id
            """),
        ("paragraphs", """
            SELECT concat_ws('|', c.reference_id, encode(v.text_sha256, 'hex'), p.position, p.number, p.depth, p.mark_status, p.mark, p.mark_level,
                p.mark_caveats::text, p.read_level, p.read_caveats::text, p.created_month, md5(p.text), p.span_start, p.span_length, p.searchable, md5(p.search_vector::text))
            FROM paragraphs p JOIN cable_versions v ON v.id = p.version_id JOIN cables c ON c.id = p.cable_id
            """),
        ("paragraph_pairs", """
            SELECT concat_ws('|', c.reference_id, encode(v.text_sha256, 'hex'), pp.position, pp.created_month, pp.read_level, md5(pp.pairs::text))
            FROM paragraph_pairs pp JOIN cable_versions v ON v.id = pp.version_id JOIN cables c ON c.id = v.cable_id
            """),
        ("subjects", """
            SELECT concat_ws('|', c.reference_id, encode(v.text_sha256, 'hex'), s.mark_status, s.mark, s.mark_level, s.mark_caveats::text, s.read_level,
                s.read_caveats::text, s.created_month, s.text, s.span_start, s.span_length, s.searchable, md5(s.search_vector::text))
            FROM subjects s JOIN cable_versions v ON v.id = s.version_id JOIN cables c ON c.id = s.cable_id
            """),
        ("cable_tags", """
            SELECT concat_ws('|', c.reference_id, encode(v.text_sha256, 'hex'), t.position, t.code, t.kind)
            FROM cable_tags t JOIN cable_versions v ON v.id = t.version_id JOIN cables c ON c.id = v.cable_id
            """),
        ("cable_references", """
            SELECT concat_ws('|', c.reference_id, encode(v.text_sha256, 'hex'), r.position, r.label, r.raw, r.kind, r.target_reference_id, r.from_container)
            FROM cable_references r JOIN cable_versions v ON v.id = r.version_id JOIN cables c ON c.id = v.cable_id
            """),
        ("cable_aliases", "SELECT concat_ws('|', c.reference_id, a.alias) FROM cable_aliases a JOIN cables c ON c.id = a.cable_id"),
        ("quarantined_records", "SELECT concat_ws('|', encode(raw_sha256, 'hex'), reason, source_path, source_row, source_offset, source_format, md5(raw)) FROM quarantined_records"),
    ];

    /// <summary>Row count and digest of each table.</summary>
    public static async Task<Dictionary<string, string>> TakeAsync(string connectionString)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        var result = new Dictionary<string, string>();
        foreach (var (table, rows) in Queries)
        {
            await using var command = new NpgsqlCommand($"SELECT count(*) || ' rows, ' || md5(coalesce(string_agg(x, E'\\n' ORDER BY x), '')) FROM ({rows}) AS t(x)", connection);
            result[table] = (string)(await command.ExecuteScalarAsync())!;
        }

        return result;
    }
}

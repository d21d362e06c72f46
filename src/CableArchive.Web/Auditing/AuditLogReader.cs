using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text;
using CableArchive.Data.Search;
using CableArchive.Domain.Classification;
using Npgsql;
using NpgsqlTypes;

namespace CableArchive.Web.Auditing;

/// <summary>What the audit log viewer filters by; every part is optional.</summary>
/// <param name="User">Who acted (the user name, any case).</param>
/// <param name="Target">What it was done to, exactly: a cable id, a user name, a path.</param>
/// <param name="Action">The action (<see cref="CableArchive.Data.Audit.AuditActions"/>).</param>
/// <param name="Outcome">The outcome (<see cref="CableArchive.Data.Audit.AuditOutcomes"/>).</param>
/// <param name="From">The earliest time, UTC, inclusive.</param>
/// <param name="Until">The latest time, UTC, exclusive.</param>
public sealed record AuditFilter(string? User, string? Target, string? Action, string? Outcome, DateTime? From, DateTime? Until)
{
    /// <summary>The filter as the viewer's own audit record keeps it (<c>user=reader-c target=08TOKYO1001</c>).</summary>
    public string Describe()
    {
        var parts = new List<string>();
        Add("user", User);
        Add("target", Target);
        Add("action", Action);
        Add("outcome", Outcome);
        Add("from", From?.ToString("s", CultureInfo.InvariantCulture));
        Add("until", Until?.ToString("s", CultureInfo.InvariantCulture));
        return string.Join(' ', parts);

        void Add(string name, string? value)
        {
            if (!string.IsNullOrEmpty(value))
                parts.Add(name + "=" + value);
        }
    }
}

/// <summary>
/// One audit record as a viewer may see it. The envelope (who, when, action, outcome, and the record's label) is always
/// there; the rest is null when the record is labelled above the viewer's clearance (<see cref="Withheld"/>).
/// </summary>
/// <param name="Id">The record's id.</param>
/// <param name="At">When, UTC.</param>
/// <param name="UserName">Who.</param>
/// <param name="Action">What was done.</param>
/// <param name="Outcome">How it ended.</param>
/// <param name="Label">The record's label (<c>SECRET//NOFORN</c>), when it has one.</param>
/// <param name="Withheld">Whether the record is above the viewer's clearance, so that only its envelope is shown.</param>
/// <param name="Target">What it was done to.</param>
/// <param name="Query">What was typed.</param>
/// <param name="Detail">Before and after values, as JSON.</param>
/// <param name="PortionsWithheld">Portions withheld from the user.</param>
/// <param name="ResultCount">Results returned.</param>
/// <param name="CorrelationId">The request's correlation id.</param>
public sealed record AuditEntry(
    long Id, DateTime At, string? UserName, string Action, string Outcome, string? Label, bool Withheld,
    string? Target, string? Query, string? Detail, int? PortionsWithheld, long? ResultCount, string? CorrelationId);

/// <summary>Where a page of the audit log starts: the newest records, or those older or newer than a record id.</summary>
/// <param name="Before">Records older than this id, newest first.</param>
/// <param name="After">Records newer than this id, oldest first (a page back towards the newest).</param>
public readonly record struct AuditPosition(long? Before, long? After);

/// <summary>
/// Reads the audit table for the admins' viewer. A record is labelled when what it keeps says what its user knows (a
/// search is labelled at the searcher's clearance, see <see cref="AuditTrail"/>): a viewer whose clearance does not
/// dominate that label gets the envelope only, withheld inside the SQL like cable text is, and a filter on the target
/// never matches such a record (the match would tell the target).
/// </summary>
public static class AuditLogReader
{
    /// <summary>The most records one CSV export holds.</summary>
    public const int MaxExportRows = 100_000;

    /// <summary>
    /// The records matching <paramref name="filter"/>, from <paramref name="position"/>, at most <paramref name="limit"/>,
    /// newest first (oldest first when <see cref="AuditPosition.After"/> is set).
    /// </summary>
    public static async IAsyncEnumerable<AuditEntry> ReadAsync(
        NpgsqlDataSource dataSource, ReaderClearance viewer, AuditFilter filter, AuditPosition position, int limit,
        [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        await using var command = dataSource.CreateCommand();
        var where = new StringBuilder("TRUE");
        AddCondition("lower(e.user_name) = lower(@user)", "user", NpgsqlDbType.Text, NullIfBlank(filter.User));
        AddCondition("e.target = @target AND e.readable", "target", NpgsqlDbType.Text, NullIfBlank(filter.Target));
        AddCondition("e.action = @action", "action", NpgsqlDbType.Text, NullIfBlank(filter.Action));
        AddCondition("e.outcome = @outcome", "outcome", NpgsqlDbType.Text, NullIfBlank(filter.Outcome));
        AddCondition("e.at >= @from", "from", NpgsqlDbType.TimestampTz, filter.From);
        AddCondition("e.at < @until", "until", NpgsqlDbType.TimestampTz, filter.Until);
        AddCondition("e.id < @before", "before", NpgsqlDbType.Bigint, position.Before);
        AddCondition("e.id > @after", "after", NpgsqlDbType.Bigint, position.After);
        viewer.AddParameters(command.Parameters);
        command.Parameters.Add(new NpgsqlParameter("limit", NpgsqlDbType.Integer) { Value = limit });

        // A record without a label is readable by every viewer; a labelled one needs the label dominated, exactly as
        // the read rule compares a portion's label (ReaderClearance.Readable). Caveats without a level fail closed.
        command.CommandText = $"""
            SELECT e.id, e.at, e.user_name, e.action, e.outcome, e.label_level, e.label_caveats, NOT e.readable,
                   CASE WHEN e.readable THEN e.target END, CASE WHEN e.readable THEN e.query END,
                   CASE WHEN e.readable THEN e.detail::text END, CASE WHEN e.readable THEN e.portions_withheld END,
                   CASE WHEN e.readable THEN e.result_count END, CASE WHEN e.readable THEN e.correlation_id END
            FROM (SELECT a.*, (coalesce(a.label_level <= @reader_level, TRUE) AND a.label_caveats <@ @reader_grants) AS readable
                  FROM audit_events a) e
            WHERE {where}
            ORDER BY e.id {(position.After is null ? "DESC" : "ASC")}
            LIMIT @limit
            """;
        await using var row = await command.ExecuteReaderAsync(cancellationToken);
        while (await row.ReadAsync(cancellationToken))
        {
            yield return new AuditEntry(
                row.GetInt64(0), row.GetDateTime(1), Text(2), row.GetString(3), row.GetString(4),
                row.IsDBNull(5) ? null : Label(row.GetInt16(5), row.GetFieldValue<string[]>(6)), row.GetBoolean(7),
                Text(8), Text(9), Text(10), row.IsDBNull(11) ? null : row.GetInt32(11), row.IsDBNull(12) ? null : row.GetInt64(12), Text(13));
        }

        string? Text(int column) => row.IsDBNull(column) ? null : row.GetString(column);

        void AddCondition(string condition, string name, NpgsqlDbType type, object? value)
        {
            if (value is null)
                return;
            where.Append(" AND ").Append(condition);
            command.Parameters.Add(new NpgsqlParameter(name, type) { Value = value });
        }
    }

    private static string Label(short level, string[] caveats) => Enum.IsDefined((ClassificationLevel)level)
        ? new ClassificationLabel((ClassificationLevel)level, caveats.Select(Caveat.FromCode)).ToString()
        : ClassificationLabel.Unknown.ToString();

    private static string? NullIfBlank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}

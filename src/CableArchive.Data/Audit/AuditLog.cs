using Npgsql;
using NpgsqlTypes;

namespace CableArchive.Data.Audit;

/// <summary>
/// Appends to the audit table with a plain INSERT (no RETURNING, no read-back), which is all the web application's
/// database role is allowed to do there.
/// </summary>
public static class AuditLog
{
    /// <summary>The database role the web application's connections run as (see the WebAccountsAndAudit migration).</summary>
    public const string WebRole = "cablearchive_web";

    /// <summary>Appends <paramref name="entry"/>; its <see cref="AuditEvent.Id"/> and <see cref="AuditEvent.At"/> are set by the database.</summary>
    public static async Task WriteAsync(NpgsqlDataSource dataSource, AuditEvent entry, CancellationToken cancellationToken = default)
    {
        await using var command = dataSource.CreateCommand(
            """
            INSERT INTO audit_events (user_id, user_name, action, target, query, outcome, portions_withheld, result_count,
                                      label_level, label_caveats, correlation_id, detail)
            VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12::jsonb)
            """);
        command.Parameters.Add(new NpgsqlParameter { Value = (object?)entry.UserId ?? DBNull.Value, NpgsqlDbType = NpgsqlDbType.Bigint });
        command.Parameters.Add(Text(entry.UserName));
        command.Parameters.Add(Text(entry.Action));
        command.Parameters.Add(Text(entry.Target));
        command.Parameters.Add(Text(entry.Query));
        command.Parameters.Add(Text(entry.Outcome));
        command.Parameters.Add(new NpgsqlParameter { Value = (object?)entry.PortionsWithheld ?? DBNull.Value, NpgsqlDbType = NpgsqlDbType.Integer });
        command.Parameters.Add(new NpgsqlParameter { Value = (object?)entry.ResultCount ?? DBNull.Value, NpgsqlDbType = NpgsqlDbType.Bigint });
        command.Parameters.Add(new NpgsqlParameter { Value = (object?)entry.LabelLevel ?? DBNull.Value, NpgsqlDbType = NpgsqlDbType.Smallint });
        command.Parameters.Add(new NpgsqlParameter { Value = entry.LabelCaveats.ToArray(), NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Text });
        command.Parameters.Add(Text(entry.CorrelationId));
        command.Parameters.Add(Text(entry.Detail));
        await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }

    private static NpgsqlParameter Text(string? value) =>
        new() { Value = value is null ? DBNull.Value : Sanitize(value), NpgsqlDbType = NpgsqlDbType.Text };

    // A NUL typed into a search box must not make the audit insert fail: PostgreSQL text cannot hold it.
    private static string Sanitize(string value) => value.Contains('\0', StringComparison.Ordinal) ? value.Replace('\0', '\uFFFD') : value;
}

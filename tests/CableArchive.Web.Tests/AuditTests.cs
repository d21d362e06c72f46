using CableArchive.Tests.Web.Infrastructure;
using CableArchive.Web.Hosting;
using Npgsql;

namespace CableArchive.Tests.Web;

/// <summary>The audit table: every reading, search, export, API call and refusal is recorded; nobody can change a record.</summary>
public sealed class AuditTests(ReadingFixture fixture) : IClassFixture<ReadingFixture>
{
    [Fact]
    public async Task A_cable_view_is_recorded_with_who_what_outcome_and_the_portions_withheld()
    {
        var marker = await LastIdAsync();
        await fixture.App.As(fixture.Confidential).GetStringAsync("/cables/08TOKYO1001");
        var rows = await RowsAfterAsync(marker);
        Assert.Contains(rows, r => r is { Action: "cable.view", Target: "08TOKYO1001", Outcome: "partial", Withheld: 2, User: "reader-c" });
    }

    [Fact]
    public async Task Searches_exports_api_calls_and_refusals_are_recorded()
    {
        var marker = await LastIdAsync();
        var client = fixture.App.As(fixture.Confidential);
        await client.GetStringAsync("/search?q=cabinet");
        await client.GetStringAsync("/search/export.csv?q=cabinet");
        await client.GetStringAsync("/cables/08TOKYO1001/export.txt");
        await client.GetStringAsync("/api/cables/08TOKYO1003");
        await client.GetAsync("/cables/08TOKYO1001/raw");
        await fixture.App.Anonymous().GetAsync("/api/search?q=cabinet");
        var rows = await RowsAfterAsync(marker);

        Assert.Contains(rows, r => r is { Action: "search", Query: "cabinet", User: "reader-c" } && r.Results > 0);
        Assert.Contains(rows, r => r is { Action: "search.export", User: "reader-c" });
        Assert.Contains(rows, r => r is { Action: "cable.export", Target: "08TOKYO1001" });
        Assert.Contains(rows, r => r is { Action: "api", Target: "08TOKYO1003", Outcome: "withheld" });
        Assert.Contains(rows, r => r is { Action: "cable.raw", Outcome: "denied" });
        Assert.Contains(rows, r => r is { Action: "denied", Target: "/api/search", User: null });
    }

    [Fact]
    public async Task Search_terms_are_labelled_at_the_searchers_clearance()
    {
        var marker = await LastIdAsync();
        await fixture.App.As(fixture.SecretNoForn).GetStringAsync("/search?q=cabinet");
        await using var command = fixture.App.Archive.Database.DataSource.CreateCommand(
            "SELECT label_level, label_caveats FROM audit_events WHERE id > $1 AND action = 'search'");
        command.Parameters.Add(new NpgsqlParameter { Value = marker });
        await using var reader = await command.ExecuteReaderAsync();
        Assert.True(await reader.ReadAsync());
        Assert.Equal(3, reader.GetInt16(0));
        Assert.Equal(["NOFORN"], reader.GetFieldValue<string[]>(1));
    }

    [Fact]
    public async Task The_web_role_may_insert_audit_records_but_neither_update_nor_delete_them()
    {
        await using var web = WebArchive.CreateWebDataSource(fixture.App.ConnectionString);
        await using (var insert = web.CreateCommand("INSERT INTO audit_events (action, outcome, label_caveats) VALUES ('test', 'ok', '{}')"))
            Assert.Equal(1, await insert.ExecuteNonQueryAsync());
        await using (var role = web.CreateCommand("SELECT current_user"))
            Assert.Equal("cablearchive_web", await role.ExecuteScalarAsync());

        foreach (var sql in new[] { "UPDATE audit_events SET outcome = 'changed'", "DELETE FROM audit_events", "TRUNCATE audit_events" })
        {
            await using var command = web.CreateCommand(sql);
            var refused = await Assert.ThrowsAsync<PostgresException>(() => command.ExecuteNonQueryAsync());
            Assert.Equal(PostgresErrorCodes.InsufficientPrivilege, refused.SqlState);
        }
    }

    [Fact]
    public async Task Not_even_the_owner_can_change_or_delete_an_audit_record()
    {
        foreach (var sql in new[] { "UPDATE audit_events SET outcome = 'changed'", "DELETE FROM audit_events" })
        {
            await using var command = fixture.App.Archive.Database.DataSource.CreateCommand(sql);
            var refused = await Assert.ThrowsAsync<PostgresException>(() => command.ExecuteNonQueryAsync());
            Assert.Contains("append-only", refused.MessageText);
        }
    }

    private async Task<long> LastIdAsync()
    {
        await using var command = fixture.App.Archive.Database.DataSource.CreateCommand("SELECT coalesce(max(id), 0) FROM audit_events");
        return (long)(await command.ExecuteScalarAsync())!;
    }

    private async Task<List<AuditRow>> RowsAfterAsync(long id)
    {
        await using var command = fixture.App.Archive.Database.DataSource.CreateCommand(
            "SELECT action, target, outcome, portions_withheld, user_name, query, result_count FROM audit_events WHERE id > $1 ORDER BY id");
        command.Parameters.Add(new NpgsqlParameter { Value = id });
        await using var reader = await command.ExecuteReaderAsync();
        var rows = new List<AuditRow>();
        while (await reader.ReadAsync())
        {
            rows.Add(new AuditRow(
                reader.GetString(0), reader.IsDBNull(1) ? null : reader.GetString(1), reader.GetString(2), reader.IsDBNull(3) ? null : reader.GetInt32(3),
                reader.IsDBNull(4) ? null : reader.GetString(4), reader.IsDBNull(5) ? null : reader.GetString(5), reader.IsDBNull(6) ? null : reader.GetInt64(6)));
        }

        return rows;
    }

    private sealed record AuditRow(string Action, string? Target, string Outcome, int? Withheld, string? User, string? Query, long? Results);
}

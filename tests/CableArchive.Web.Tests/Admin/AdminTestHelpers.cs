using System.Text.Json;
using System.Text.RegularExpressions;
using CableArchive.Data.Accounts;
using CableArchive.Domain.Classification;
using CableArchive.Tests.Web.Infrastructure;
using Npgsql;

namespace CableArchive.Tests.Web.Admin;

/// <summary>An audit record as the admin tests check it.</summary>
/// <param name="Id">The record's id.</param>
/// <param name="UserName">Who acted.</param>
/// <param name="UserId">Who acted, by id.</param>
/// <param name="Action">What was done.</param>
/// <param name="Target">To what.</param>
/// <param name="Outcome">How it ended.</param>
/// <param name="Query">What was typed.</param>
/// <param name="Detail">The detail, JSON.</param>
public sealed record AuditRecord(long Id, string? UserName, long? UserId, string Action, string? Target, string Outcome, string? Query, string? Detail)
{
    /// <summary>The <c>before</c> or <c>after</c> state of an admin change's detail.</summary>
    public JsonElement State(string which) => JsonDocument.Parse(Detail!).RootElement.GetProperty(which);
}

/// <summary>Admin users, forms posted with their antiforgery token, and the audit table read back as its owner.</summary>
internal static partial class AdminTestHelpers
{
    /// <summary>Creates an admin (who is not also an analyst) with a unique name and the given clearance.</summary>
    public static Task<TestUser> CreateAdminAsync(this ArchiveApp app, ClassificationLevel level, params string[] grants) =>
        app.CreateUserAsync("admin-" + Guid.NewGuid().ToString("N")[..8], level, grants, [ArchiveRoles.Admin]);

    /// <summary>Creates an analyst with a unique name.</summary>
    public static Task<TestUser> CreateAnalystAsync(this ArchiveApp app, ClassificationLevel level, params string[] grants) =>
        app.CreateUserAsync("analyst-" + Guid.NewGuid().ToString("N")[..8], level, grants);

    /// <summary>The id of the user named <paramref name="name"/>.</summary>
    public static async Task<long> UserIdAsync(this ArchiveApp app, string name)
    {
        await using var command = app.Archive.Database.DataSource.CreateCommand("SELECT id FROM users WHERE user_name = $1");
        command.Parameters.Add(new NpgsqlParameter { Value = name });
        return (long)(await command.ExecuteScalarAsync())!;
    }

    /// <summary>Opens <paramref name="formPage"/> and posts <paramref name="fields"/> to <paramref name="action"/> with the page's antiforgery token.</summary>
    public static async Task<HttpResponseMessage> PostFormAsync(this HttpClient client, string formPage, string action, IEnumerable<KeyValuePair<string, string>> fields)
    {
        var token = ArchiveApp.AntiforgeryToken(await client.GetStringAsync(formPage));
        return await client.PostAsync(action, new FormUrlEncodedContent(fields.Append(new("__RequestVerificationToken", token))));
    }

    /// <summary>Posts one of the account page's forms (<c>Save</c>, <c>Deactivate</c>…) for user <paramref name="id"/>.</summary>
    public static Task<HttpResponseMessage> PostAccountAsync(this HttpClient admin, long id, string handler, params (string Name, string Value)[] fields) =>
        admin.PostFormAsync($"/admin/users/{id}", $"/admin/users/{id}?handler={handler}", fields.Select(f => new KeyValuePair<string, string>(f.Name, f.Value)));

    /// <summary>The text of the first <c>one-time-password</c> element of a page.</summary>
    public static string OneTimePassword(string html) =>
        OneTimePasswordElement().Match(html) is { Success: true } match ? match.Groups[1].Value : throw new InvalidOperationException("No one-time password in the page.");

    /// <summary>The id of the newest audit record.</summary>
    public static async Task<long> LastAuditIdAsync(this ArchiveApp app)
    {
        await using var command = app.Archive.Database.DataSource.CreateCommand("SELECT coalesce(max(id), 0) FROM audit_events");
        return (long)(await command.ExecuteScalarAsync())!;
    }

    /// <summary>The audit records written after <paramref name="marker"/>, oldest first.</summary>
    public static async Task<List<AuditRecord>> AuditAfterAsync(this ArchiveApp app, long marker)
    {
        await using var command = app.Archive.Database.DataSource.CreateCommand(
            "SELECT id, user_name, user_id, action, target, outcome, query, detail::text FROM audit_events WHERE id > $1 ORDER BY id");
        command.Parameters.Add(new NpgsqlParameter { Value = marker });
        await using var row = await command.ExecuteReaderAsync();
        var records = new List<AuditRecord>();
        while (await row.ReadAsync())
        {
            records.Add(new AuditRecord(
                row.GetInt64(0), row.IsDBNull(1) ? null : row.GetString(1), row.IsDBNull(2) ? null : row.GetInt64(2), row.GetString(3),
                row.IsDBNull(4) ? null : row.GetString(4), row.GetString(5), row.IsDBNull(6) ? null : row.GetString(6), row.IsDBNull(7) ? null : row.GetString(7)));
        }

        return records;
    }

    [GeneratedRegex("<code class=\"one-time-password\">([^<]+)</code>")]
    private static partial Regex OneTimePasswordElement();
}

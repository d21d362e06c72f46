using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using System.Text.RegularExpressions;
using CableArchive.Tests.Web.Infrastructure;
using Npgsql;

namespace CableArchive.Tests.Web.Archive;

/// <summary>What the archivists' pages are driven with in the tests: the upload form as a browser posts it, and the run's status.</summary>
public static partial class ArchiveClient
{
    /// <summary>
    /// Posts <paramref name="content"/> as the upload form does (antiforgery token first, then the other
    /// <paramref name="fields"/>, then the file), with the token of the form on <c>/archive</c>; returns the answer (a
    /// redirect to the upload's page when accepted).
    /// </summary>
    public static async Task<HttpResponseMessage> UploadAsync(HttpClient client, string fileName, HttpContent content, params (string Name, string Value)[] fields)
    {
        var token = ArchiveApp.AntiforgeryToken(await client.GetStringAsync("/archive"));
        using var form = new MultipartFormDataContent
        {
            { new StringContent(token), "__RequestVerificationToken" },
        };
        foreach (var (name, value) in fields)
            form.Add(new StringContent(value), name);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
        form.Add(content, "dump", fileName);
        return await client.PostAsync("/archive/uploads", form);
    }

    /// <summary>Follows an accepted upload to its run and polls the run's JSON status until the run has ended; returns the run id and its last status.</summary>
    public static async Task<(long RunId, JsonElement Status)> WaitForRunAsync(HttpClient client, HttpResponseMessage upload)
    {
        Assert.Equal(HttpStatusCode.Redirect, upload.StatusCode);
        var uploadPage = upload.Headers.Location!.OriginalString;
        Assert.Matches("^/archive/uploads/[0-9a-f-]{36}$", uploadPage);

        // The upload's page sends the archivist to the run's page once the import has started.
        var deadline = DateTime.UtcNow.AddMinutes(5);
        long runId;
        while (true)
        {
            using var page = await client.GetAsync(uploadPage);
            if (page.StatusCode == HttpStatusCode.Redirect && RunPage().Match(page.Headers.Location!.OriginalString) is { Success: true } run)
            {
                runId = long.Parse(run.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture);
                break;
            }

            Assert.Equal(HttpStatusCode.OK, page.StatusCode);
            Assert.True(DateTime.UtcNow < deadline, "The upload's import did not start.");
            await Task.Delay(100);
        }

        while (true)
        {
            var status = JsonDocument.Parse(await client.GetStringAsync($"/archive/imports/{runId}/status")).RootElement;
            if (status.GetProperty("finished").GetBoolean())
                return (runId, status);
            Assert.True(DateTime.UtcNow < deadline, "The import did not end.");
            await Task.Delay(200);
        }
    }

    /// <summary>A displayed figure of a status, as a number.</summary>
    public static long Figure(JsonElement status, string field) =>
        long.Parse(status.GetProperty("fields").GetProperty(field).GetString()!, System.Globalization.NumberStyles.AllowThousands, System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>The id of the last audit record, to read what a test's requests add after it.</summary>
    public static async Task<long> LastAuditIdAsync(ArchiveApp app)
    {
        await using var command = app.Archive.Database.DataSource.CreateCommand("SELECT coalesce(max(id), 0) FROM audit_events");
        return (long)(await command.ExecuteScalarAsync())!;
    }

    /// <summary>The audit records after <paramref name="id"/>, in order.</summary>
    public static async Task<List<AuditRow>> AuditRowsAfterAsync(ArchiveApp app, long id)
    {
        await using var command = app.Archive.Database.DataSource.CreateCommand(
            "SELECT action, target, outcome, user_name, result_count FROM audit_events WHERE id > $1 ORDER BY id");
        command.Parameters.Add(new NpgsqlParameter { Value = id });
        await using var reader = await command.ExecuteReaderAsync();
        var rows = new List<AuditRow>();
        while (await reader.ReadAsync())
        {
            rows.Add(new AuditRow(reader.GetString(0), reader.IsDBNull(1) ? null : reader.GetString(1), reader.GetString(2),
                reader.IsDBNull(3) ? null : reader.GetString(3), reader.IsDBNull(4) ? null : reader.GetInt64(4)));
        }

        return rows;
    }

    [GeneratedRegex("^/archive/imports/([0-9]+)$")]
    private static partial Regex RunPage();
}

/// <summary>One audit record, as the archive tests check it.</summary>
/// <param name="Action">What was done.</param>
/// <param name="Target">To what.</param>
/// <param name="Outcome">How it ended.</param>
/// <param name="User">By whom.</param>
/// <param name="Count">The result count.</param>
public sealed record AuditRow(string Action, string? Target, string Outcome, string? User, long? Count);

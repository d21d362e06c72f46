using System.Net;
using CableArchive.Tests.Web.Admin;
using CableArchive.Tests.Web.Infrastructure;
using Npgsql;

namespace CableArchive.Tests.Web.History;

/// <summary>The admin's "sensitive" flag: it withholds a cable's history from non-admins, only admins set it, and setting it is audited.</summary>
public sealed class SensitiveFlagTests(HistoryFixture fixture) : IClassFixture<HistoryFixture>
{
    private const string Cable = "08TOKYO3003";
    private const string HistoryPath = "/cables/" + Cable + "/history";
    private const string SetFlagPath = HistoryPath + "?handler=Sensitive";

    private ArchiveApp App => fixture.App;

    [Fact]
    public async Task The_flag_withholds_the_history_from_an_analyst_but_not_from_an_admin_and_is_audited()
    {
        var admin = await App.SignInAsync(fixture.Admin);
        var analyst = await App.SignInAsync(fixture.TopSecret);
        Assert.Contains("version=2", await analyst.GetStringAsync(HistoryPath), StringComparison.Ordinal);
        var marker = await App.LastAuditIdAsync();

        var set = await admin.PostFormAsync(HistoryPath, SetFlagPath, [new("sensitive", "true")]);
        Assert.Equal(HttpStatusCode.Redirect, set.StatusCode);
        Assert.True(await IsSensitiveAsync());

        var withheld = await analyst.GetStringAsync(HistoryPath);
        Assert.Contains("The history of this cable is withheld.", withheld, StringComparison.Ordinal);
        Assert.DoesNotContain("version=", withheld, StringComparison.Ordinal);
        Assert.DoesNotContain("Original wording", await analyst.GetStringAsync($"/cables/{Cable}?version=1"), StringComparison.Ordinal);
        Assert.Contains("not available to you", await analyst.GetStringAsync($"/cables/{Cable}/diff?from=1&to=2"), StringComparison.Ordinal);
        Assert.Contains("\"historyWithheld\":true", await App.As(fixture.TopSecret).GetStringAsync($"/api/cables/{Cable}/versions"), StringComparison.Ordinal);

        var adminView = await admin.GetStringAsync(HistoryPath);
        Assert.Contains("Marked sensitive", adminView, StringComparison.Ordinal);
        Assert.Contains($"href=\"/cables/{Cable}/diff?from=1&amp;to=2\"", adminView, StringComparison.Ordinal);

        var change = Assert.Single(await App.AuditAfterAsync(marker), r => r.Action == "admin.cable.sensitive");
        Assert.Equal((fixture.Admin.Name, Cable, "ok"), (change.UserName, change.Target, change.Outcome));
        Assert.False(change.State("before").GetProperty("sensitive").GetBoolean());
        Assert.True(change.State("after").GetProperty("sensitive").GetBoolean());

        var cleared = await admin.PostFormAsync(HistoryPath, SetFlagPath, [new("sensitive", "false")]);
        Assert.Equal(HttpStatusCode.Redirect, cleared.StatusCode);
        Assert.Contains("version=2", await analyst.GetStringAsync(HistoryPath), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Only_admins_may_set_the_flag_and_only_with_an_antiforgery_token()
    {
        var marker = await App.LastAuditIdAsync();
        foreach (var user in new[] { fixture.Analyst, fixture.TopSecret, fixture.Archivist })
        {
            // The token of the page's sign-out form is valid; the role is what is missing.
            var client = await App.SignInAsync(user);
            var response = await client.PostFormAsync(HistoryPath, SetFlagPath, [new("sensitive", "true")]);
            Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
            Assert.Contains("/account/denied", response.Headers.Location!.ToString(), StringComparison.OrdinalIgnoreCase);
            var byToken = await App.As(user).PostFormAsync(HistoryPath, SetFlagPath, [new("sensitive", "true")]);
            Assert.Equal(HttpStatusCode.Forbidden, byToken.StatusCode);
        }

        var admin = await App.SignInAsync(fixture.Admin);
        var withoutToken = await admin.PostAsync(SetFlagPath, new FormUrlEncodedContent([new("sensitive", "true")]));
        Assert.Equal(HttpStatusCode.BadRequest, withoutToken.StatusCode);

        Assert.False(await IsSensitiveAsync());
        var records = await App.AuditAfterAsync(marker);
        Assert.DoesNotContain(records, r => r.Action == "admin.cable.sensitive");
        Assert.Equal(6, records.Count(r => r.Action == "denied" && r.Target == HistoryPath));
    }

    private async Task<bool> IsSensitiveAsync()
    {
        await using var command = App.Archive.Database.DataSource.CreateCommand("SELECT EXISTS (SELECT 1 FROM sensitive_cables WHERE reference_id = $1)");
        command.Parameters.Add(new NpgsqlParameter { Value = Cable });
        return (bool)(await command.ExecuteScalarAsync())!;
    }
}

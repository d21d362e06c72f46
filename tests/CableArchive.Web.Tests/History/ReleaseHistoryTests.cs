using System.Text.RegularExpressions;
using CableArchive.Data.Accounts;
using CableArchive.Data.Import;
using CableArchive.Domain.Classification;
using CableArchive.Tests.Web.Admin;
using CableArchive.Tests.Web.Infrastructure;

namespace CableArchive.Tests.Web.History;

/// <summary>
/// Three complete releases and an ordinary import: release A (2010-11-28) holds 08TOKYO3201 to 3204; release B
/// (2011-01-15) only 3201; release C (2011-09-02) 3201 and 3202 with a revised readable paragraph; then an ordinary
/// import of 3201 alone. 3203 is SECRET throughout (a CONFIDENTIAL analyst gets its withdrawal card); 3204 is marked
/// sensitive.
/// </summary>
public sealed class ReleaseHistoryFixture : IAsyncLifetime
{
    /// <summary>Release A.</summary>
    public static readonly ImportRelease ReleaseA = new("cablegate-a", new DateTime(2010, 11, 28, 0, 0, 0, DateTimeKind.Utc));

    /// <summary>Release B.</summary>
    public static readonly ImportRelease ReleaseB = new("cablegate-b", new DateTime(2011, 1, 15, 0, 0, 0, DateTimeKind.Utc));

    /// <summary>Release C.</summary>
    public static readonly ImportRelease ReleaseC = new("cablegate-c", new DateTime(2011, 9, 2, 0, 0, 0, DateTimeKind.Utc));

    /// <summary>The application.</summary>
    public ArchiveApp App { get; private set; } = null!;

    /// <summary>CONFIDENTIAL, no grants.</summary>
    public TestUser Analyst { get; private set; } = null!;

    /// <summary>TOP SECRET with NOFORN.</summary>
    public TestUser TopSecret { get; private set; } = null!;

    /// <summary>An admin, TOP SECRET.</summary>
    public TestUser Admin { get; private set; } = null!;

    /// <summary>An archivist.</summary>
    public TestUser Archivist { get; private set; } = null!;

    /// <inheritdoc />
    public async ValueTask InitializeAsync()
    {
        App = await ArchiveApp.StartAsync();
        var readable = Readable(3201, "Xray paragraph that never changes.");
        var original = Readable(3202, "Original wording of the yankee paragraph.");
        var revised = Readable(3202, "Revised wording of the yankee paragraph.");
        var secret = TestCableText.Tokyo(3203, "SECRET", [], new("(S)", "VICTOR SUBJECT"), [new("(S)", "Victor paragraph.")]);
        var sensitive = Readable(3204, "Whiskey paragraph.");

        await App.ImportAsync([readable, original, secret, sensitive], ReleaseA);
        await App.ImportAsync([readable], ReleaseB);
        await App.ImportAsync([readable, revised], ReleaseC);
        var ordinary = await App.ImportAsync([readable]);
        Assert.Equal(1, ordinary.Unchanged);

        await using (var flag = App.Archive.Database.DataSource.CreateCommand("INSERT INTO sensitive_cables (reference_id, marked_at) VALUES ('08TOKYO3204', now())"))
            Assert.Equal(1, await flag.ExecuteNonQueryAsync());

        Analyst = await App.CreateAnalystAsync(ClassificationLevel.Confidential);
        TopSecret = await App.CreateAnalystAsync(ClassificationLevel.TopSecret, "NOFORN");
        Admin = await App.CreateAdminAsync(ClassificationLevel.TopSecret, "NOFORN");
        Archivist = await App.CreateUserAsync("archivist-releases", ClassificationLevel.Secret, roles: [ArchiveRoles.Archivist]);
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync() => await App.DisposeAsync();

    private static (string FileName, string Text) Readable(int serial, string paragraph) =>
        TestCableText.Tokyo(serial, "CONFIDENTIAL", [], new("(U)", "RELEASE HISTORY"), [new("(U)", paragraph), new("(C)", "Charlie paragraph.")]);
}

/// <summary>Removed and re-added events: derived from complete releases only, shown under the read rule and the sensitive flag.</summary>
public sealed partial class ReleaseHistoryTests(ReleaseHistoryFixture fixture) : IClassFixture<ReleaseHistoryFixture>
{
    [Fact]
    public async Task A_cable_missing_from_a_release_is_removed_there_and_re_added_by_the_release_that_has_it_again()
    {
        var html = await fixture.App.As(fixture.Analyst).GetStringAsync("/cables/08TOKYO3202/history");

        // The ordinary import after release C holds only 3201: it removes nothing.
        Assert.Equal(
            [("2010-11-28", "First published"), ("2011-01-15", "Removed"), ("2011-09-02", "Re-added"), ("2011-09-02", "Modified")],
            Events(html));
        Assert.Contains("absent from release <span class=\"release-name\">cablegate-b</span>", html, StringComparison.Ordinal);
        Assert.Contains("back in release <span class=\"release-name\">cablegate-c</span>", html, StringComparison.Ordinal);
        Assert.Contains("release cablegate-a (RawText)", html, StringComparison.Ordinal);
        Assert.Contains("href=\"/cables/08TOKYO3202/diff?from=1&amp;to=2\"", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_versions_api_gives_the_same_events_and_withholds_them_where_the_page_does()
    {
        using var json = System.Text.Json.JsonDocument.Parse(await fixture.App.As(fixture.Analyst).GetStringAsync("/api/cables/08TOKYO3202/versions"));
        var history = json.RootElement.GetProperty("history").EnumerateArray()
            .Select(e => (e.GetProperty("at").GetDateTime().ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), e.GetProperty("kind").GetString(), e.GetProperty("release").ToString()))
            .ToList();
        Assert.Equal(
            [("2010-11-28", "FirstPublished", ""), ("2011-01-15", "Removed", "cablegate-b"), ("2011-09-02", "ReAdded", "cablegate-c"), ("2011-09-02", "Modified", "")],
            history);

        using var sensitive = System.Text.Json.JsonDocument.Parse(await fixture.App.As(fixture.TopSecret).GetStringAsync("/api/cables/08TOKYO3204/versions"));
        Assert.True(sensitive.RootElement.GetProperty("historyWithheld").GetBoolean());
        Assert.Empty(sensitive.RootElement.GetProperty("history").EnumerateArray());

        using var withdrawn = System.Text.Json.JsonDocument.Parse(await fixture.App.As(fixture.Analyst).GetStringAsync("/api/cables/08TOKYO3203/versions"));
        Assert.Empty(withdrawn.RootElement.GetProperty("history").EnumerateArray());
    }

    [Fact]
    public async Task A_cable_in_every_release_has_no_presence_event_and_an_ordinary_import_adds_none()
    {
        var html = await fixture.App.As(fixture.Analyst).GetStringAsync("/cables/08TOKYO3201/history");

        Assert.Equal([("2010-11-28", "First published")], Events(html));
    }

    [Fact]
    public async Task A_cable_missing_from_two_releases_is_removed_once_and_a_reader_with_nothing_readable_sees_no_history()
    {
        var cleared = await fixture.App.As(fixture.TopSecret).GetStringAsync("/cables/08TOKYO3203/history");
        Assert.Equal([("2010-11-28", "First published"), ("2011-01-15", "Removed")], Events(cleared));

        var analyst = await fixture.App.As(fixture.Analyst).GetStringAsync("/cables/08TOKYO3203/history");
        Assert.Contains("This cable is not available to you.", analyst, StringComparison.Ordinal);
        Assert.Empty(Events(analyst));
        Assert.DoesNotContain("cablegate-b", analyst, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_sensitive_flag_withholds_removals_from_an_analyst_but_not_from_an_admin()
    {
        var analyst = await fixture.App.As(fixture.TopSecret).GetStringAsync("/cables/08TOKYO3204/history");
        Assert.Contains("The history of this cable is withheld.", analyst, StringComparison.Ordinal);
        Assert.Empty(Events(analyst));
        Assert.DoesNotContain("cablegate-b", analyst, StringComparison.Ordinal);

        var admin = await fixture.App.SignInAsync(fixture.Admin);
        Assert.Equal([("2010-11-28", "First published"), ("2011-01-15", "Removed")], Events(await admin.GetStringAsync("/cables/08TOKYO3204/history")));
    }

    [Fact]
    public async Task The_archive_page_lists_each_release_with_its_cable_count()
    {
        var archivist = await fixture.App.SignInAsync(fixture.Archivist);
        var html = await archivist.GetStringAsync("/archive");

        var releases = ReleaseRow().Matches(html).Select(m => (m.Groups["name"].Value, m.Groups["count"].Value)).ToList();
        Assert.Equal([("cablegate-c", "2"), ("cablegate-b", "1"), ("cablegate-a", "4")], releases);
    }

    /// <summary>The (day, kind) of each event of a history page, in page order.</summary>
    private static List<(string Day, string Kind)> Events(string html) =>
        HistoryEvent().Matches(html).Select(m => (m.Groups["day"].Value, m.Groups["kind"].Value)).ToList();

    [GeneratedRegex("<time datetime=\"(?<day>[0-9-]+)\">[0-9-]+</time>\\s*<strong class=\"event-kind\">(?<kind>[^<]+)</strong>")]
    private static partial Regex HistoryEvent();

    [GeneratedRegex("<td class=\"release-name\">(?<name>[^<]+)</td>\\s*<td>[^<]+</td>\\s*<td><a [^>]+>[^<]+</a></td>\\s*<td class=\"count\">(?<count>[0-9,]+)</td>")]
    private static partial Regex ReleaseRow();
}

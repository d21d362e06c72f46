using System.Net;
using System.Text.RegularExpressions;
using CableArchive.Tests.Web.Infrastructure;

namespace CableArchive.Tests.Web.History;

/// <summary>The release history page: its events, version links and differences, over readable portions only.</summary>
public sealed partial class HistoryPageTests(HistoryFixture fixture) : IClassFixture<HistoryFixture>
{
    [Fact]
    public async Task A_cable_imported_twice_with_a_changed_text_has_a_first_published_and_a_modified_event()
    {
        var analyst = fixture.App.As(fixture.Analyst);
        var html = await analyst.GetStringAsync("/cables/08TOKYO3001/history");

        var events = HistoryEvent().Matches(html).Select(m => m.Groups["kind"].Value).ToList();
        Assert.Equal(["First published", "Modified"], events);
        Assert.Contains("href=\"/cables/08TOKYO3001?version=1\"", html, StringComparison.Ordinal);
        Assert.Contains("href=\"/cables/08TOKYO3001?version=2\"", html, StringComparison.Ordinal);
        Assert.Contains("href=\"/cables/08TOKYO3001/diff?from=1&amp;to=2\"", html, StringComparison.Ordinal);
        AssertNoWithheldWord(html);
    }

    [Fact]
    public async Task The_linked_difference_shows_the_readable_change_and_only_placeholders_for_withheld_portions()
    {
        var analyst = fixture.App.As(fixture.Analyst);
        var diff = await analyst.GetStringAsync("/cables/08TOKYO3001/diff?from=1&to=2");

        Assert.Matches("<del>Original ?</del><ins>Revised ?</ins>", diff);
        Assert.Contains("[¶2 withheld: SECRET//NOFORN]", WebUtility.HtmlDecode(diff), StringComparison.Ordinal);
        AssertNoWithheldWord(diff);

        // Each version the history links to shows its own readable text and no withheld word.
        var first = await analyst.GetStringAsync("/cables/08TOKYO3001?version=1");
        var second = await analyst.GetStringAsync("/cables/08TOKYO3001?version=2");
        Assert.Contains("Original wording", first, StringComparison.Ordinal);
        Assert.Contains("Revised wording", second, StringComparison.Ordinal);
        AssertNoWithheldWord(first + second);
    }

    [Fact]
    public async Task A_change_to_withheld_portions_only_is_no_event_for_a_reader_who_may_not_read_them()
    {
        var analystHtml = await fixture.App.As(fixture.Analyst).GetStringAsync("/cables/08TOKYO3002/history");
        Assert.Equal(["First published"], HistoryEvent().Matches(analystHtml).Select(m => m.Groups["kind"].Value));
        Assert.DoesNotContain("version=2", analystHtml, StringComparison.Ordinal);
        AssertNoWithheldWord(analystHtml);

        // A reader cleared for the changed paragraph sees the change.
        var cleared = fixture.App.As(fixture.TopSecret);
        var clearedHtml = await cleared.GetStringAsync("/cables/08TOKYO3002/history");
        Assert.Equal(["First published", "Modified"], HistoryEvent().Matches(clearedHtml).Select(m => m.Groups["kind"].Value));
        var diff = await cleared.GetStringAsync("/cables/08TOKYO3002/diff?from=1&to=2");
        Assert.Matches("<del>tangofirstsecret ?</del><ins>tangosecondsecret ?</ins>", diff);
    }

    [Fact]
    public async Task An_unknown_cable_has_no_history()
    {
        var html = await fixture.App.As(fixture.Analyst).GetStringAsync("/cables/08TOKYO9999/history");
        Assert.Contains("This cable is not available to you.", html, StringComparison.Ordinal);
        Assert.Empty(HistoryEvent().Matches(html));
    }

    private static void AssertNoWithheldWord(string html)
    {
        foreach (var word in HistoryFixture.WithheldWords)
            Assert.DoesNotContain(word, html, StringComparison.OrdinalIgnoreCase);
    }

    [GeneratedRegex("<strong class=\"event-kind\">(?<kind>[^<]+)</strong>")]
    private static partial Regex HistoryEvent();
}

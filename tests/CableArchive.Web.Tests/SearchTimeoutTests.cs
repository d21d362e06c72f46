using System.Net;
using System.Text.Json;
using CableArchive.Domain.Classification;
using CableArchive.Tests.Web.Infrastructure;
using CableArchive.Web.Pages.Search;

namespace CableArchive.Tests.Web;

/// <summary>
/// A search that the statement timeout stops tells the reader to narrow it: the page says so, the API and the CSV export
/// answer 503 with the same words, and each is audited as timed out. The timeout is provoked, not waited for: a
/// transaction holds the portions table locked, so the search (and nothing before it: sign-in, audit) waits past an
/// application's one-second timeout.
/// </summary>
public sealed class SearchTimeoutTests
{
    [Fact]
    public async Task A_search_stopped_by_the_statement_timeout_asks_to_narrow_it_on_the_page_the_api_and_the_export()
    {
        await using var app = await ArchiveApp.StartAsync(settings: new Dictionary<string, string> { ["Archive:StatementTimeoutSeconds"] = "1" });
        await app.ImportAsync([TestCableText.Tokyo(4101, "SECRET", [], new TestPortion("(U)", "Harbour talks"), [new TestPortion("(U)", "The harbour talks resumed.")])]);
        var analyst = await app.CreateUserAsync("timeout-analyst", ClassificationLevel.Secret);
        using var client = app.As(analyst);

        // Unlocked, the same search answers: what follows is the timeout, not the query.
        Assert.Equal(1, await TotalAsync(client));

        await using (await app.LockPortionsAsync())
        {
            using var api = await client.GetAsync("/api/search?q=harbour");
            Assert.Equal(HttpStatusCode.ServiceUnavailable, api.StatusCode);
            using (var json = JsonDocument.Parse(await api.Content.ReadAsStringAsync()))
                Assert.Equal(IndexModel.TooLong, json.RootElement.GetProperty("error").GetString());

            using var page = await client.GetAsync("/search?q=harbour");
            Assert.Equal(HttpStatusCode.OK, page.StatusCode);
            Assert.Contains(WebUtility.HtmlEncode(IndexModel.TooLong), await page.Content.ReadAsStringAsync(), StringComparison.Ordinal);

            using var export = await client.GetAsync("/search/export.csv?q=harbour");
            Assert.Equal(HttpStatusCode.ServiceUnavailable, export.StatusCode);
            Assert.Equal(IndexModel.TooLong, await export.Content.ReadAsStringAsync());
        }

        Assert.Equal(1, await TotalAsync(client));
        var audited = await app.QueryTextsAsync(
            "SELECT action || ' ' || coalesce(target, '') FROM audit_events WHERE outcome = 'timed-out' AND user_name = 'timeout-analyst' ORDER BY id");
        Assert.Equal(["search api", "search page", "search.export "], audited);
    }

    private static async Task<long> TotalAsync(HttpClient client)
    {
        using var json = JsonDocument.Parse(await client.GetStringAsync("/api/search?q=harbour"));
        return json.RootElement.GetProperty("total").GetInt64();
    }
}

using System.Net;
using CableArchive.Domain.Classification;
using CableArchive.Tests.Web.Infrastructure;
using CableArchive.Web.Hosting;

namespace CableArchive.Tests.Web;

/// <summary>
/// Searches run at most <c>Archive:Search:Concurrency</c> at once, the next <c>Archive:Search:QueueLength</c> wait, and
/// any more are refused with 503 and a sentence. A transaction holding the portions table locked keeps the one search
/// allowed here running for as long as the test needs.
/// </summary>
public sealed class SearchLimitsTests
{
    [Fact]
    public async Task A_search_beyond_the_running_limit_and_the_queue_is_refused_and_the_running_one_answers()
    {
        await using var app = await ArchiveApp.StartAsync(settings: new Dictionary<string, string>
        {
            ["Archive:Search:Concurrency"] = "1",
            ["Archive:Search:QueueLength"] = "0",
        });
        await app.ImportAsync([TestCableText.Tokyo(4201, "SECRET", [], new TestPortion("(U)", "Harbour talks"), [new TestPortion("(U)", "The harbour talks resumed.")])]);
        var analyst = await app.CreateUserAsync("limits-analyst", ClassificationLevel.Secret);
        using var client = app.As(analyst);

        var portionsLock = await app.LockPortionsAsync();
        var running = client.GetAsync("/api/search?q=harbour");
        await WaitForABlockedStatementAsync(app);

        foreach (var path in new[] { "/api/search?q=harbour", "/search?q=harbour", "/search/export.csv?q=harbour" })
        {
            using var refused = await client.GetAsync(path);
            Assert.Equal(HttpStatusCode.ServiceUnavailable, refused.StatusCode);
            Assert.Equal(SearchLimitsSetup.Busy, await refused.Content.ReadAsStringAsync());
        }

        await portionsLock.DisposeAsync();
        using var answered = await running;
        Assert.Equal(HttpStatusCode.OK, answered.StatusCode);
        using var after = await client.GetAsync("/api/search?q=harbour");
        Assert.Equal(HttpStatusCode.OK, after.StatusCode);

        var audited = await app.QueryTextsAsync(
            "SELECT action || ' ' || target FROM audit_events WHERE outcome = 'busy' AND user_name = 'limits-analyst' ORDER BY id");
        Assert.Equal(["search /api/search", "search /search", "search.export /search/export.csv"], audited);
    }

    private static async Task WaitForABlockedStatementAsync(ArchiveApp app)
    {
        await using var waiting = app.Archive.Database.DataSource.CreateCommand(
            "SELECT count(*) FROM pg_locks WHERE NOT granted AND relation = 'paragraphs'::regclass");
        for (var attempt = 0; attempt < 200; attempt++)
        {
            if ((long)(await waiting.ExecuteScalarAsync())! > 0)
                return;
            await Task.Delay(50);
        }

        Assert.Fail("the first search never reached the locked table");
    }
}

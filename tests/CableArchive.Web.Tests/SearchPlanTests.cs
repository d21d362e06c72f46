using System.Text.Json;
using CableArchive.Data.Search;
using CableArchive.Domain.Classification;
using CableArchive.Tests.Web.Infrastructure;
using CableArchive.Tests.Web.Notes;

namespace CableArchive.Tests.Web;

/// <summary>
/// The cap on gathered matches and the two shapes of the search statement: both shapes answer every query the same,
/// and a search matching more than <see cref="ArchiveSearch.MaxMatches"/> cables keeps the first ones in date order,
/// says "at least", and facets exactly what it kept.
/// </summary>
public sealed class SearchPlanTests : IAsyncLifetime
{
    private const int Cables = ArchiveSearch.MaxMatches + 60;
    private ArchiveApp app = null!;

    /// <inheritdoc />
    public async ValueTask InitializeAsync()
    {
        app = await ArchiveApp.StartAsync();
        var cables = Enumerable.Range(0, Cables).Select(i => Dated(i, TestCableText.Tokyo(
            5000 + i,
            i % 3 == 0 ? "SECRET" : "CONFIDENTIAL",
            i % 3 == 0 ? ["NOFORN"] : [],
            new("(U)", $"ROUTINE REPORT {i}"),
            [
                new("(U)", $"Common words about the harbor in report {i}."),
                new("(S//NF)", i % 2 == 0 ? "Secret words about the harbor pilots." : "Secret words about the airport."),
                new("(C)", i % 10 == 0 ? "A rare remark about lighthouses." : "An ordinary remark about ferries."),
            ],
            tags: i % 4 == 0 ? "PREL, JA" : "ECON, JA")));
        var summary = await app.ImportAsync(cables);
        Assert.Equal(Cables, summary.NewCables);
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync() => await app.DisposeAsync();

    /// <summary>
    /// All but the last <see cref="OlderCables"/> cables are sent in September 2008; those in August and July, so that the
    /// newest month alone holds more than the cap and the oldest fewer.
    /// </summary>
    private static (string FileName, string Text) Dated(int i, (string FileName, string Text) cable) => i < Cables - OlderCables
        ? cable
        : (cable.FileName, cable.Text.Replace("180817Z SEP 08", i % 2 == 0 ? "180817Z AUG 08" : "180817Z JUL 08", StringComparison.Ordinal));

    private const int OlderCables = 40;

    [Theory]
    [InlineData("harbor")]
    [InlineData("lighthouses")]
    [InlineData("pilots")]
    [InlineData("\"ordinary remark\"")]
    [InlineData("ferries -harbor")]
    [InlineData("airport OR lighthouses")]
    [InlineData("nothingatall")]
    [InlineData("\"harbor pilots\"")]
    [InlineData("\"secret words about the\" -airport")]
    [InlineData("\"rare remark\" OR \"ordinary remark\"")]
    [InlineData("\"words about the harbor\" report")]
    public async Task Both_statement_shapes_answer_the_same(string text)
    {
        // A version waiting for its phrase pairs makes phrases match through their words: the same answer again.
        var withoutPairs = new Dictionary<(int, SearchSort), string>();
        await app.ExecuteAsOwnerAsync("INSERT INTO pending_phrase_pairs VALUES (-1)");
        foreach (var (clearance, i) in Clearances.Select((c, i) => (c, i)))
        {
            foreach (var sort in Enum.GetValues<SearchSort>())
            {
                var results = await ArchiveSearch.SearchAsync(app.Archive.DataSource, ReaderClearance.Of(clearance), new SearchQuery { Text = text, Sort = sort, Page = 2 }, SearchPlan.Index);
                withoutPairs[(i, sort)] = JsonSerializer.Serialize(results);
            }
        }

        await app.ExecuteAsOwnerAsync("DELETE FROM pending_phrase_pairs");

        foreach (var (clearance, i) in Clearances.Select((c, i) => (c, i)))
        {
            foreach (var sort in Enum.GetValues<SearchSort>())
            {
                var query = new SearchQuery { Text = text, Sort = sort, Page = 2 };
                var reader = ReaderClearance.Of(clearance);
                var index = await ArchiveSearch.SearchAsync(app.Archive.DataSource, reader, query, SearchPlan.Index);
                var walk = await ArchiveSearch.SearchAsync(app.Archive.DataSource, reader, query, SearchPlan.WalkCables);
                var firstMonth = await ArchiveSearch.SearchAsync(app.Archive.DataSource, reader, query, SearchPlan.IndexFirstMonth);
                var automatic = await ArchiveSearch.SearchAsync(app.Archive.DataSource, reader, query);
                Assert.Equal(JsonSerializer.Serialize(index), JsonSerializer.Serialize(walk));
                Assert.Equal(JsonSerializer.Serialize(index), JsonSerializer.Serialize(firstMonth));
                Assert.Equal(JsonSerializer.Serialize(index), JsonSerializer.Serialize(automatic));
                Assert.Equal(JsonSerializer.Serialize(index), withoutPairs[(i, sort)]);
            }
        }
    }

    /// <summary>
    /// Readers of a third, two thirds and all of the paragraphs. The explicit index plans fetch by level for all three
    /// (for the last, every level the archive holds), the automatic choice for the first only
    /// (ArchiveSearch.MaxLevelShareInIndex), and the walk never.
    /// </summary>
    private static readonly Clearance[] Clearances =
        [Clearance.Of(ClassificationLevel.Unclassified), Clearance.Of(ClassificationLevel.Confidential), Clearance.Of(ClassificationLevel.Secret, "NOFORN")];

    [Fact]
    public async Task A_window_of_the_first_months_answers_alone_only_when_it_gathers_more_than_the_cap()
    {
        var reader = ReaderClearance.Of(Clearance.Of(ClassificationLevel.Confidential));
        var september = CapMonth.Of(new DateTime(2008, 9, 1, 0, 0, 0, DateTimeKind.Utc));
        foreach (var sort in new[] { SearchSort.Relevance, SearchSort.Newest })
        {
            // Every cable holds "harbor" in a paragraph marked (U), and September alone holds more than the cap.
            var query = new SearchQuery { Text = "harbor", Sort = sort, Page = 3 };
            var (gathered, windowed) = await ArchiveSearch.SearchWindowAsync(app.Archive.DataSource, reader, query, september, CancellationToken.None);
            Assert.Equal(ArchiveSearch.MaxMatches + 1, gathered);
            var index = await ArchiveSearch.SearchAsync(app.Archive.DataSource, reader, query, SearchPlan.Index);
            Assert.Equal(JsonSerializer.Serialize(index), JsonSerializer.Serialize(windowed));
        }

        // Oldest first, the window up to August holds the older cables only, fewer than the cap: it cannot answer alone.
        var oldest = new SearchQuery { Text = "harbor", Sort = SearchSort.Oldest };
        var (oldGathered, _) = await ArchiveSearch.SearchWindowAsync(app.Archive.DataSource, reader, oldest, september - 1, CancellationToken.None);
        Assert.Equal(OlderCables, oldGathered);

        // A term only in withheld portions gathers nothing in any window.
        var (withheld, _) = await ArchiveSearch.SearchWindowAsync(app.Archive.DataSource, reader, new SearchQuery { Text = "pilots" }, september, CancellationToken.None);
        Assert.Equal(0, withheld);
    }

    [Fact]
    public async Task A_note_outside_the_window_does_not_count_towards_filling_it()
    {
        // September holds 999 cables with a readable "harbor" once 21 of its reports are left out; two notes put the word
        // on July cables as well. Gathered over September, 999 cables and the 2 noted ones would fill the cap while the
        // August cables, which come before July newest first, were never looked at.
        await app.AddNoteAsync("08TOKYO6021", new ClassificationLabel(ClassificationLevel.Confidential), "The harbor again.");
        await app.AddNoteAsync("08TOKYO6023", new ClassificationLabel(ClassificationLevel.Confidential), "The harbor once more.");
        var query = new SearchQuery { Text = "harbor " + string.Join(' ', Enumerable.Range(999, 21).Select(i => "-" + i)), Sort = SearchSort.Newest };
        var reader = ReaderClearance.Of(Clearance.Of(ClassificationLevel.Confidential));
        var september = CapMonth.Of(new DateTime(2008, 9, 1, 0, 0, 0, DateTimeKind.Utc));

        var (gathered, _) = await ArchiveSearch.SearchWindowAsync(app.Archive.DataSource, reader, query, september, CancellationToken.None);
        Assert.Equal(ArchiveSearch.MaxMatches - 1, gathered);
        var index = await ArchiveSearch.SearchAsync(app.Archive.DataSource, reader, query, SearchPlan.Index);
        var firstMonth = await ArchiveSearch.SearchAsync(app.Archive.DataSource, reader, query, SearchPlan.IndexFirstMonth);
        Assert.Contains(index.Facets.Months, m => m is { Year: 2008, Month: 8, Count: 1 });
        Assert.Equal(JsonSerializer.Serialize(index), JsonSerializer.Serialize(firstMonth));
    }

    /// <summary>
    /// September holds 800 cables, 700 of them matching: the first window falls short, and the density it found sizes a
    /// second one of September and August. August's 1,000 cables hold 200 matches, so that one falls short too, and only
    /// all months, with July's 500 matches, fill the cap.
    /// </summary>
    [Fact(Timeout = 120_000)]
    public async Task A_wider_window_that_falls_short_too_leads_to_all_months()
    {
        await using var archive = await ArchiveApp.StartAsync();
        (string FileName, string Text) Cable(int number, string month, bool matching) =>
            TestCableText.Tokyo(number, "CONFIDENTIAL", [], new("(U)", $"REPORT {number}"), [new("(U)", matching ? "A beacon was lit." : "Nothing was lit.")]) is var cable
                ? (cable.FileName, cable.Text.Replace("180817Z SEP 08", $"180817Z {month} 08", StringComparison.Ordinal))
                : default;
        var cables = Enumerable.Range(0, 800).Select(i => Cable(20_000 + i, "SEP", i < 700))
            .Concat(Enumerable.Range(0, 1000).Select(i => Cable(21_000 + i, "AUG", i < 200)))
            .Concat(Enumerable.Range(0, 500).Select(i => Cable(22_000 + i, "JUL", true)));
        Assert.Equal(2300, (await archive.ImportAsync(cables)).NewCables);

        var reader = ReaderClearance.Of(Clearance.Of(ClassificationLevel.Confidential));
        var query = new SearchQuery { Text = "beacon" };
        var firstMonth = await ArchiveSearch.SearchAsync(archive.Archive.DataSource, reader, query, SearchPlan.IndexFirstMonth, TestContext.Current.CancellationToken);
        var index = await ArchiveSearch.SearchAsync(archive.Archive.DataSource, reader, query, SearchPlan.Index, TestContext.Current.CancellationToken);

        Assert.True(firstMonth.TotalIsLowerBound);
        Assert.Contains(firstMonth.Facets.Months, m => m is { Year: 2008, Month: 7 });
        Assert.Equal(JsonSerializer.Serialize(index), JsonSerializer.Serialize(firstMonth));
    }

    [Fact(Timeout = 60_000)]
    public async Task A_count_of_months_read_while_the_archive_was_empty_makes_no_window()
    {
        await using var empty = await ArchiveApp.StartAsync();
        var reader = ReaderClearance.Of(Clearance.Of(ClassificationLevel.Confidential));
        var query = new SearchQuery { Text = "harbor" };
        Assert.Equal(0, (await ArchiveSearch.SearchAsync(empty.Archive.DataSource, reader, query, SearchPlan.IndexFirstMonth, TestContext.Current.CancellationToken)).Total);

        // The count of cables per month is reused for a while: it still says the archive is empty.
        await empty.ImportAsync([TestCableText.Tokyo(7001, "CONFIDENTIAL", [], new("(U)", "PORT REPORT"), [new("(U)", "The harbor is open.")])]);
        Assert.Equal(1, (await ArchiveSearch.SearchAsync(empty.Archive.DataSource, reader, query, SearchPlan.IndexFirstMonth, TestContext.Current.CancellationToken)).Total);
    }

    [Fact(Timeout = 60_000)]
    public async Task A_stale_count_of_months_is_used_while_it_is_read_again_in_the_background()
    {
        await using var archive = await ArchiveApp.StartAsync();
        var dataSource = archive.Archive.DataSource;
        var cancellationToken = TestContext.Current.CancellationToken;
        Assert.Null(await CapMonth.WindowAsync(dataSource, 1, oldestFirst: false, cancellationToken));
        await archive.ImportAsync([TestCableText.Tokyo(7002, "CONFIDENTIAL", [], new("(U)", "PORT REPORT"), [new("(U)", "The harbor is open.")])]);

        // Fresh, the count read while the archive was empty is reused; stale, it still answers the search that finds it
        // so, and a later search sees the count read meanwhile.
        Assert.Null(await CapMonth.WindowAsync(dataSource, 1, oldestFirst: false, cancellationToken));
        CapMonth.Expire(dataSource);
        Assert.Null(await CapMonth.WindowAsync(dataSource, 1, oldestFirst: false, cancellationToken));
        (int End, long Cables)? window;
        while ((window = await CapMonth.WindowAsync(dataSource, 1, oldestFirst: false, cancellationToken)) is null)
            await Task.Delay(50, cancellationToken);
        Assert.Equal((CapMonth.Of(new DateTime(2008, 9, 18, 8, 17, 0, DateTimeKind.Utc)), 1L), window.Value);
    }

    [Fact]
    public async Task The_phrase_probe_counts_only_the_first_cables_the_reader_may_read_a_match_in()
    {
        // Every cable has "Secret words about …" in a SECRET//NOFORN paragraph; one in ten a CONFIDENTIAL "rare remark".
        var phrase = new SearchQuery { Text = "\"secret words\"" };
        Assert.Equal(0, await ProbeAsync(Clearance.Of(ClassificationLevel.Confidential), phrase, 400));
        Assert.Equal(400, await ProbeAsync(Clearance.Of(ClassificationLevel.Secret, "NOFORN"), phrase, 400));

        // The rare remark stands in cables whose serial ends in 0; which of them are among the first 400 in cap order is
        // read off the envelope alone.
        await using (var oracle = app.Archive.DataSource.CreateCommand(
            """
            SELECT count(*) FROM (SELECT reference_id FROM cables ORDER BY created_at DESC NULLS FIRST, id DESC LIMIT 400) c
            WHERE right(reference_id, 1) = '0'
            """))
        {
            var expected = (long)(await oracle.ExecuteScalarAsync())!;
            Assert.InRange(expected, 1, 399);
            Assert.Equal(expected, await ProbeAsync(Clearance.Of(ClassificationLevel.Confidential), new SearchQuery { Text = "\"rare remark\"" }, 400));
        }

        // The envelope filters apply before the cables are counted off.
        var filtered = new SearchQuery { Text = "\"secret words\"", Tags = ["PREL"] };
        Assert.Equal(100, await ProbeAsync(Clearance.Of(ClassificationLevel.Secret, "NOFORN"), filtered, 100));

        async Task<long> ProbeAsync(Clearance clearance, SearchQuery query, int cables) =>
            await ArchiveSearch.ProbeAsync(app.Archive.DataSource, ReaderClearance.Of(clearance), query, cables, CancellationToken.None);
    }

    [Fact]
    public async Task A_search_matching_more_than_the_cap_keeps_the_most_recent_and_says_at_least()
    {
        var reader = ReaderClearance.Of(Clearance.Of(ClassificationLevel.Confidential));
        var results = await ArchiveSearch.SearchAsync(app.Archive.DataSource, reader, new SearchQuery { Text = "harbor", Sort = SearchSort.Newest });
        Assert.True(results.TotalIsLowerBound);
        Assert.Equal(ArchiveSearch.MaxMatches, results.Total);
        Assert.Equal(ArchiveSearch.MaxMatches, results.Facets.Classifications.Sum(f => f.Count));
        Assert.Equal(ArchiveSearch.MaxMatches, results.Facets.Months.Sum(m => m.Count));

        // Fewer matches than the cap: exact, whatever the number of portions withheld around them.
        var rare = await ArchiveSearch.SearchAsync(app.Archive.DataSource, reader, new SearchQuery { Text = "lighthouses" });
        Assert.False(rare.TotalIsLowerBound);
        Assert.Equal(Cables / 10 + (Cables % 10 == 0 ? 0 : 1), rare.Total);

        var page = await app.As(await app.CreateUserAsync("cap-reader", ClassificationLevel.Confidential)).GetStringAsync("/search?q=harbor");
        Assert.Contains("1,000&#x2B;</strong> cables", page);
        Assert.Contains("More than 1,000 cables match", page);
    }
}

using CableArchive.Domain.Classification;
using CableArchive.Tests.Web.Infrastructure;
using CableArchive.Tests.Web.Notes;

namespace CableArchive.Tests.Web;

/// <summary>
/// The differential test: two archives that differ only in portions and analysts' notes a CONFIDENTIAL reader may not
/// read give that reader byte-identical answers (status, headers, bodies: counts, facets, order, snippets, pages, exports), once
/// correlation ids, antiforgery tokens and times are removed.
/// </summary>
public sealed class DifferentialTests : IAsyncLifetime
{
    /// <summary>A word that appears only in the withheld portions of archive B.</summary>
    private const string OnlyInB = "xylophonic";

    /// <summary>A word that appears only in the withheld notes of archive B.</summary>
    private const string OnlyInBNotes = "zeppelinish";

    private ArchiveApp a = null!;
    private ArchiveApp b = null!;
    private TestUser readerA = null!;
    private TestUser readerB = null!;

    /// <inheritdoc />
    public async ValueTask InitializeAsync()
    {
        a = await ArchiveApp.StartAsync();
        b = await ArchiveApp.StartAsync();
        await a.ImportAsync(Corpus(withheld: i => $"Withheld paragraph {i} about the cabinet meeting and the trade talks."));

        // B's withheld text is different and loaded with the words the reader searches for, to move ranks and counts if it leaked.
        await b.ImportAsync(Corpus(withheld: i => $"Replaced {OnlyInB} text {i}: cabinet cabinet cabinet trade talks trade talks minister minister XXXXXXXXXXXX."));
        await AddNotesAsync(a, withheldCount: i => i % 2, withheld: i => $"Withheld note {i} on the cabinet meeting.");
        await AddNotesAsync(b, withheldCount: i => 1 + i % 3, withheld: i => $"Replaced {OnlyInBNotes} note {i}: cabinet cabinet trade talks minister minister embassy.");
        readerA = await a.CreateUserAsync("differential-reader", ClassificationLevel.Confidential);
        readerB = await b.CreateUserAsync("differential-reader", ClassificationLevel.Confidential);
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        await a.DisposeAsync();
        await b.DisposeAsync();
    }

    [Fact]
    public async Task Archives_that_differ_only_in_withheld_portions_answer_the_reader_identically()
    {
        var paths = new List<string>
        {
            "/search?q=cabinet", "/search?q=cabinet&sort=newest", "/search?q=cabinet&sort=oldest", "/search?q=cabinet&page=2",
            "/search?q=trade", "/search?q=%22trade+talks%22", "/search?q=cabinet+-trade", "/search?q=minister+OR+embassy",
            "/search?q=cabinet&redacted=1", "/search?redacted=1", "/search?q=cabinet&tag=JA", "/search?q=cabinet&classification=SECRET//NOFORN",
            "/search?q=" + OnlyInB, "/search?q=" + OnlyInBNotes, "/api/search?q=" + OnlyInBNotes, "/search?q=note", "/search?sort=oldest", "/search?q=paragraph&from=2008-01-01&to=2008-12-31",
            "/api/search?q=cabinet", "/api/search?q=trade&page=2", "/api/search?q=" + OnlyInB, "/api/search?q=minister",
            "/search/export.csv?q=cabinet", "/search/export.csv?q=" + OnlyInB,
            "/browse/tags", "/browse/origins", "/browse/months", "/browse/classifications",
            "/cables/08TOKYO9999", "/api/cables/08TOKYO9999",
        };
        foreach (var serial in Enumerable.Range(2001, 14))
        {
            paths.Add($"/cables/08TOKYO{serial}");
            paths.Add($"/cables/08TOKYO{serial}?version=1");
            paths.Add($"/api/cables/08TOKYO{serial}");
            paths.Add($"/api/cables/08TOKYO{serial}/versions");
            paths.Add($"/cables/08TOKYO{serial}/export.txt");
            paths.Add($"/cables/08TOKYO{serial}/raw");
            paths.Add($"/cables/08TOKYO{serial}/diff?from=1&to=1");
        }

        var clientA = a.As(readerA);
        var clientB = b.As(readerB);
        foreach (var path in paths)
        {
            var fromA = await ResponseNormalizer.WholeAsync(await clientA.GetAsync(path));
            var fromB = await ResponseNormalizer.WholeAsync(await clientB.GetAsync(path));
            Assert.True(fromA == fromB, $"{path} answers differently:\n--- A ---\n{fromA}\n--- B ---\n{fromB}");
        }

        // And the test would notice a leak: a reader cleared for the withheld portions does see the difference.
        var cleared = await b.CreateUserAsync("cleared", ClassificationLevel.Secret, ["NOFORN"]);
        Assert.Contains(OnlyInB, await b.As(cleared).GetStringAsync("/search?q=" + OnlyInB + "&sort=newest"));
        Assert.Contains(OnlyInBNotes, await b.As(cleared).GetStringAsync("/search?q=" + OnlyInBNotes));
        Assert.Contains(OnlyInBNotes, await b.As(cleared).GetStringAsync("/cables/08TOKYO2001"));
    }

    /// <summary>
    /// Notes on every cable: the same readable ones in both archives (U and C, at fixed times), and between them withheld
    /// ones (S, C//NF, S//NF) whose text and number differ between the archives, so that the readable notes' ids differ
    /// too.
    /// </summary>
    private static async Task AddNotesAsync(ArchiveApp app, Func<int, int> withheldCount, Func<int, string> withheld)
    {
        var withheldMarks = new[] { "S", "C//NF", "S//NF" }.Select(m => ClassificationLabel.Parse(m)!).ToArray();
        var at = new DateTime(2026, 1, 2, 3, 4, 5, DateTimeKind.Utc);
        for (var i = 0; i < 14; i++)
        {
            var cable = $"08TOKYO{2001 + i}";
            await app.AddNoteAsync(cable, ClassificationLabel.Parse("U")!, $"Open note {i}: the trade talks, the *cabinet*.", at.AddMinutes(i));
            for (var j = 0; j < withheldCount(i); j++)
                await app.AddNoteAsync(cable, withheldMarks[(i + j) % withheldMarks.Length], withheld(i * 10 + j), at.AddMinutes(i).AddSeconds(j + 1));
            await app.AddNoteAsync(cable, ClassificationLabel.Parse("C")!, $"Confidential note {i} on the minister.", at.AddMinutes(i).AddSeconds(30));
        }
    }

    [Fact]
    public async Task A_term_only_in_withheld_portions_behaves_exactly_like_a_nonsense_term()
    {
        var client = b.As(readerB);
        const string nonsense = "qjzvnonsense";
        foreach (var path in new[] { "/search?q={0}", "/api/search?q={0}", "/search/export.csv?q={0}", "/search?q={0}+cabinet", "/api/search?q=cabinet+OR+{0}" })
        {
            var withheld = await ResponseNormalizer.WholeAsync(await client.GetAsync(string.Format(path, OnlyInB)));
            var made = await ResponseNormalizer.WholeAsync(await client.GetAsync(string.Format(path, nonsense)));
            Assert.Equal(made, withheld.Replace(OnlyInB, nonsense, StringComparison.Ordinal));
        }
    }

    /// <summary>
    /// Fourteen cables: each has readable portions (U, C, unmarked under a CONFIDENTIAL banner) and withheld ones
    /// (S//NF, S, unmarked under a SECRET//NOFORN banner); two are withheld entirely.
    /// </summary>
    private static IEnumerable<(string FileName, string Text)> Corpus(Func<int, string> withheld)
    {
        for (var i = 0; i < 14; i++)
        {
            var serial = 2001 + i;
            if (i % 7 == 6)
            {
                // Wholly withheld: SECRET//NOFORN banner, every portion marked (S//NF) or unmarked.
                yield return TestCableText.Tokyo(serial, "SECRET", ["NOFORN"], new("(S//NF)", "SUBJECT " + withheld(i * 10)),
                    [new("(S//NF)", withheld(i * 10 + 1)), new(null, withheld(i * 10 + 2))]);
                continue;
            }

            var secretBanner = i % 2 == 0;
            yield return TestCableText.Tokyo(
                serial,
                secretBanner ? "SECRET" : "CONFIDENTIAL",
                secretBanner ? ["NOFORN"] : [],
                i % 3 == 0 ? new("(S)", "SUBJECT " + withheld(i * 10)) : new("(C)", $"TRADE TALKS AND THE CABINET ROUND {i}"),
                [
                    new("(C)", $"Readable paragraph {i} on the cabinet and the minister of trade."),
                    new("(S//NF)", withheld(i * 10 + 1)),
                    new("(U)", $"Open paragraph {i} about the embassy and the trade talks schedule."),
                    new(secretBanner ? null : "(S)", withheld(i * 10 + 2)),
                    new(secretBanner ? "(C)" : null, $"Closing paragraph {i}, unmarked or confidential, about the minister."),
                ],
                references: i > 0 ? [2001 + i - 1] : null,
                tags: i % 2 == 0 ? "PREL, PGOV, JA" : "ETRD, ECON, JA");
        }
    }
}

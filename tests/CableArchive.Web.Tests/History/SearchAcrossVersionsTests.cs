using System.Text.Json;
using CableArchive.Data.Search;
using CableArchive.Domain.Classification;
using CableArchive.Tests.Web.Notes;

namespace CableArchive.Tests.Web.History;

/// <summary>
/// Search over cables imported twice: only the current version's portions match (a word only in a superseded version
/// finds nothing), a note counts with its cable's current portions, and both statement shapes answer the same. The index
/// plan groups matching portions by cable and version before it checks which version is current, so this is what
/// keeps that grouping honest.
/// </summary>
public sealed class SearchAcrossVersionsTests(HistoryFixture fixture) : IClassFixture<HistoryFixture>
{
    [Fact]
    public async Task Only_current_versions_match_and_both_plans_answer_the_same()
    {
        await fixture.App.AddNoteAsync("08TOKYO3001", new ClassificationLabel(ClassificationLevel.Unclassified), "A note on the harbor visit.");
        var cases = new (string Text, string[] Confidential, string[] TopSecret)[]
        {
            // "Original" is in the first version of 08TOKYO3001 and 08TOKYO3003 only; "Revised" replaced it.
            ("original", [], []),
            ("revised", ["08TOKYO3001", "08TOKYO3003"], ["08TOKYO3001", "08TOKYO3003"]),
            // Withheld words: the first only in a superseded version, the second in the current one.
            ("sierrafirstsecret", [], []),
            ("sierrasecondsecret", [], ["08TOKYO3001"]),
            // In every subject; 08TOKYO3001 also has it in its current paragraph and its note, so it ranks first.
            ("harbor", ["08TOKYO3001", "08TOKYO3002", "08TOKYO3003"], ["08TOKYO3001", "08TOKYO3002", "08TOKYO3003"]),
        };

        foreach (var (text, confidential, topSecret) in cases)
        {
            foreach (var (user, expected) in new[] { (fixture.Analyst, confidential), (fixture.TopSecret, topSecret) })
            {
                var reader = ReaderClearance.Of(user.Clearance);
                var query = new SearchQuery { Text = text };
                var index = await ArchiveSearch.SearchAsync(fixture.App.Archive.DataSource, reader, query, SearchPlan.Index);
                var walk = await ArchiveSearch.SearchAsync(fixture.App.Archive.DataSource, reader, query, SearchPlan.WalkCables);

                Assert.Equal(JsonSerializer.Serialize(walk), JsonSerializer.Serialize(index));
                Assert.Equal(expected.Order(StringComparer.Ordinal), index.Hits.Select(h => h.ReferenceId).Order(StringComparer.Ordinal));
                Assert.Equal(expected.Length, index.Total);
                if (text == "harbor")
                    Assert.Equal("08TOKYO3001", index.Hits[0].ReferenceId);
            }
        }
    }
}

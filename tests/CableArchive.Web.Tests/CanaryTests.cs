using System.Text;
using System.Text.RegularExpressions;
using CableArchive.Data.Search;
using CableArchive.Domain.Cables;
using CableArchive.Domain.Classification;
using CableArchive.Parsing.Synthetic;
using CableArchive.Tests.Web.Infrastructure;
using CableArchive.Tests.Web.Notes;

namespace CableArchive.Tests.Web;

/// <summary>
/// The canary test: a generated corpus where every portion, and every analyst's note (at marks from UNCLASSIFIED to
/// TOP SECRET with caveats), holds a unique random token; readers of every clearance call every endpoint family (cable page, text export, raw text, diff, versions, search page with facets and
/// histogram, JSON API, CSV export, browse pages, error pages) for thousands of (reader, cable, query) triples, and no
/// token of a portion or note the reader may not read (by the generator's own model, and the note's mark) appears in any
/// body or header.
/// </summary>
public sealed partial class CanaryTests : IAsyncLifetime
{
    private const int CableCount = 80;

    private static readonly (string Name, ClassificationLevel Level, string[] Grants)[] Readers =
    [
        ("canary-u", ClassificationLevel.Unclassified, []),
        ("canary-c", ClassificationLevel.Confidential, []),
        ("canary-c-nf", ClassificationLevel.Confidential, ["NOFORN"]),
        ("canary-s", ClassificationLevel.Secret, []),
        ("canary-s-nf", ClassificationLevel.Secret, ["NOFORN"]),
        ("canary-ts-all", ClassificationLevel.TopSecret, ["NOFORN", "ORCON", "EXDIS", "NODIS", "LIMDIS", "STADIS", "PROPIN"]),
    ];

    /// <summary>The marks the notes are written at, in turn.</summary>
    private static readonly ClassificationLabel[] NoteMarks =
    [
        ClassificationLabel.Parse("U")!, ClassificationLabel.Parse("C")!, ClassificationLabel.Parse("C//NF")!, ClassificationLabel.Parse("S")!,
        ClassificationLabel.Parse("S//NF")!, ClassificationLabel.Parse("TS//ORCON")!, ClassificationLabel.Parse("S//NF/EXDIS")!,
    ];

    private readonly List<SyntheticCable> cables = CableGenerator.Generate(seed: 4040, CableCount, new SyntheticOptions { Canary = true }).ToList();
    private readonly List<CanaryNote> notes = [];
    private ArchiveApp app = null!;
    private readonly List<TestUser> users = [];

    /// <inheritdoc />
    public async ValueTask InitializeAsync()
    {
        app = await ArchiveApp.StartAsync();
        await app.ImportAsync(cables.Select(c => (c.FileName(CableFormat.RawText), c.Render(CableFormat.RawText))));

        // Two notes on each cable, with the words the searches below look for, so that a leak would rank, count or quote them.
        var random = new Random(4041);
        foreach (var cable in cables)
        {
            // A generated cable the import quarantined has no page to write a note on.
            if (await CableQueries.FindAsync(app.Archive.DataSource, cable.Id) is null)
                continue;
            for (var i = 0; i < 2; i++)
            {
                var token = "CANARY" + new string(Enumerable.Range(0, 12).Select(_ => (char)('A' + random.Next(26))).ToArray());
                var mark = NoteMarks[notes.Count % NoteMarks.Length];
                var referenceId = await app.AddNoteAsync(cable.Id, mark, $"Analyst note {token}: the minister and the embassy, see *talks*.");
                notes.Add(new CanaryNote(cable.Id, referenceId, token, mark));
            }
        }

        foreach (var (name, level, grants) in Readers)
            users.Add(await app.CreateUserAsync(name, level, grants));
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync() => await app.DisposeAsync();

    [Fact]
    public async Task No_reader_ever_receives_a_token_of_a_portion_they_may_not_read()
    {
        var requests = 0;
        var leaks = new List<string>();
        var shownReadable = 0;
        var readableOnPages = 0;
        foreach (var user in users)
        {
            var forbidden = Tokens(user, readable: false);
            var allowed = Tokens(user, readable: true);
            var client = app.As(user);

            async Task CheckAsync(string path, string? typed = null)
            {
                using var response = await client.GetAsync(path);
                var text = new StringBuilder();
                foreach (var header in response.Headers.Concat(response.Content.Headers))
                    text.Append(header.Key).Append(": ").AppendJoin(", ", header.Value).Append('\n');
                text.Append(await response.Content.ReadAsStringAsync());
                requests++;
                foreach (Match match in Token().Matches(text.ToString()))
                {
                    if (forbidden.ContainsKey(match.Value))
                        leaks.Add($"{user.Name} ({user.Clearance}) got {match.Value} of {forbidden[match.Value]} from {path}");
                }
            }

            foreach (var cable in cables)
            {
                var id = Uri.EscapeDataString(cable.Id);
                await CheckAsync($"/cables/{id}");
                await CheckAsync($"/api/cables/{id}");
                await CheckAsync($"/api/cables/{id}/versions");
                await CheckAsync($"/cables/{id}/export.txt");
                await CheckAsync($"/cables/{id}/raw");
                await CheckAsync($"/cables/{id}/diff?from=1&to=1");

                // The positive control: the tokens the reader may read are on the page (else this test could pass by showing nothing).
                var page = await client.GetStringAsync($"/cables/{id}");
                foreach (var token in cable.Canaries.Concat(notes.Where(n => n.CableId == cable.Id).Select(n => n.Token)).Where(allowed.ContainsKey))
                {
                    readableOnPages++;
                    if (page.Contains(token, StringComparison.Ordinal))
                        shownReadable++;
                }
            }

            // Search for tokens typed in lower case: the page echoes what was typed, a leak would show the stored upper case.
            var queries = cables.SelectMany(c => c.Canaries.Take(3)).Concat(notes.Where((_, i) => i % 4 == 0).Select(n => n.Token)).Select(t => t.ToLowerInvariant())
                .Concat(["embassy", "minister", "\"foreign minister\"", "government -embassy", "talks OR meeting", "canary"]);
            foreach (var query in queries)
            {
                var q = Uri.EscapeDataString(query);
                await CheckAsync($"/search?q={q}");
                await CheckAsync($"/api/search?q={q}");
                await CheckAsync($"/search/export.csv?q={q}");
            }

            foreach (var path in new[] { "/search?q=minister&page=2", "/search?sort=newest", "/search?redacted=1", "/api/search?q=minister&page=2",
                         "/browse/tags", "/browse/origins", "/browse/months", "/browse/classifications", "/cables/99NOWHERE1", "/no/such/page" })
            {
                await CheckAsync(path);
            }
        }

        Assert.True(requests > 3000, $"only {requests} requests were made");
        Assert.True(leaks.Count == 0, $"{leaks.Count} leaks in {requests} requests:\n" + string.Join("\n", leaks.Take(30)));
        Assert.True(shownReadable >= readableOnPages * 0.95, $"only {shownReadable} of {readableOnPages} readable tokens were shown on the cable pages");
        TestContext.Current.SendDiagnosticMessage($"canary: {requests} requests by {users.Count} readers, no leak; {shownReadable}/{readableOnPages} readable tokens shown");
    }

    [Fact]
    public async Task Every_readable_token_can_be_found_and_no_withheld_token_can()
    {
        foreach (var user in users)
        {
            var client = app.As(user);
            foreach (var cable in cables.Take(25))
            {
                foreach (var portion in Portions(cable))
                {
                    var json = await client.GetStringAsync("/api/search?q=" + portion.Canary!.ToLowerInvariant());
                    var found = json.Contains($"\"id\":\"{cable.Id}\"", StringComparison.Ordinal);
                    if (!CanRead(user, cable, portion))
                        Assert.False(found, $"{user.Name} found {cable.Id} through the withheld token {portion.Canary}");
                }
            }
        }
    }

    [Fact]
    public async Task A_note_is_found_by_its_token_exactly_when_the_reader_may_read_it()
    {
        foreach (var user in users)
        {
            var client = app.As(user);
            foreach (var note in notes.Take(40))
            {
                var json = await client.GetStringAsync("/api/search?q=" + note.Token.ToLowerInvariant());
                var found = json.Contains($"\"id\":\"{note.ReferenceId}\"", StringComparison.Ordinal);
                Assert.True(found == user.Clearance.Dominates(note.Mark), $"{user.Name} ({user.Clearance}) found={found} by the note {note.Token} marked {note.Mark}");
            }
        }
    }

    private Dictionary<string, string> Tokens(TestUser user, bool readable) =>
        cables.SelectMany(c => Portions(c).Where(p => CanRead(user, c, p) == readable).Select(p => (p.Canary!, c.Id)))
            .Concat(notes.Where(n => user.Clearance.Dominates(n.Mark) == readable).Select(n => (n.Token, n.CableId + " (note)")))
            .ToDictionary(t => t.Item1, t => t.Item2);

    private static IEnumerable<SyntheticPortion> Portions(SyntheticCable cable) =>
        new[] { cable.Subject }.Concat(cable.Portions).Where(p => p?.Canary is not null).Select(p => p!);

    // The generator's model: a portion's own label when its mark reads, else the cable's classification.
    private static bool CanRead(TestUser user, SyntheticCable cable, SyntheticPortion portion) =>
        user.Clearance.Dominates(portion.Mark ?? cable.Classification);

    [GeneratedRegex("CANARY[A-Z]{12}")]
    private static partial Regex Token();

    /// <summary>A note written on a cable for the test: the generator's id of the cable, the id the archive keeps, the token and the mark.</summary>
    private sealed record CanaryNote(string CableId, string ReferenceId, string Token, ClassificationLabel Mark);
}

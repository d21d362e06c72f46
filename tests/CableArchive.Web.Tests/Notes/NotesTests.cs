using System.Net;
using System.Text.Json;
using CableArchive.Data.Import;
using CableArchive.Data.Search;
using CableArchive.Domain.Classification;
using CableArchive.Tests.Web.Admin;
using CableArchive.Tests.Web.Infrastructure;

namespace CableArchive.Tests.Web.Notes;

/// <summary>
/// Analysts' notes on cables: written through the cable page with a mark at or below the author's clearance, shown and
/// found only by readers whose clearance dominates the mark, audited, and kept across a reparse.
/// </summary>
public sealed class NotesTests : IAsyncLifetime
{
    private const string Cable = "08TOKYO1002";

    private ArchiveApp app = null!;
    private TestUser confidential = null!;
    private TestUser secret = null!;
    private TestUser secretNoForn = null!;

    /// <inheritdoc />
    public async ValueTask InitializeAsync()
    {
        app = await ArchiveApp.StartAsync();
        await app.ImportAsync(ReadingFixture.Cables);
        confidential = await app.CreateUserAsync("notes-c", ClassificationLevel.Confidential);
        secret = await app.CreateUserAsync("notes-s", ClassificationLevel.Secret);
        secretNoForn = await app.CreateUserAsync("notes-s-nf", ClassificationLevel.Secret, ["NOFORN"]);
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync() => await app.DisposeAsync();

    [Fact]
    public async Task A_note_is_shown_only_to_readers_whose_clearance_dominates_its_mark()
    {
        var author = await app.SignInAsync(secretNoForn);
        foreach (var (word, level, caveats) in new[]
                 {
                     ("novembernote", "Secret", new[] { "NOFORN" }), ("oscarnote", "Secret", []), ("papanote", "Confidential", []),
                     ("quebecnote", "Unclassified", []),
                 })
        {
            using var posted = await author.PostNoteAsync(Cable, $"The {word} says **more**.", level, caveats);
            Assert.Equal(HttpStatusCode.Redirect, posted.StatusCode);
            Assert.EndsWith($"/cables/{Cable}#notes", posted.Headers.Location!.ToString(), StringComparison.Ordinal);
        }

        var seen = new Dictionary<string, string>();
        foreach (var user in new[] { confidential, secret, secretNoForn })
            seen[user.Name] = await (await app.SignInAsync(user)).GetStringAsync("/cables/" + Cable);

        Assert.All(new[] { "novembernote", "oscarnote", "papanote", "quebecnote" }, w => Assert.Contains(w, seen[secretNoForn.Name], StringComparison.Ordinal));
        Assert.Contains("<strong>more</strong>", seen[secretNoForn.Name], StringComparison.Ordinal);
        Assert.Contains("(S//NF)", seen[secretNoForn.Name], StringComparison.Ordinal);

        // The cable is CONFIDENTIAL: notes marked above it get a banner of their own, over the notes each reader sees.
        Assert.Contains("NOTES: SECRET//NOFORN</div>", seen[secretNoForn.Name], StringComparison.Ordinal);
        Assert.Contains("NOTES: SECRET</div>", seen[secret.Name], StringComparison.Ordinal);
        Assert.DoesNotContain("NOTES:", seen[confidential.Name], StringComparison.Ordinal);

        Assert.DoesNotContain("novembernote", seen[secret.Name], StringComparison.Ordinal);
        Assert.All(new[] { "oscarnote", "papanote", "quebecnote" }, w => Assert.Contains(w, seen[secret.Name], StringComparison.Ordinal));

        Assert.DoesNotContain("novembernote", seen[confidential.Name], StringComparison.Ordinal);
        Assert.DoesNotContain("oscarnote", seen[confidential.Name], StringComparison.Ordinal);
        Assert.Contains("papanote", seen[confidential.Name], StringComparison.Ordinal);
        Assert.Contains("quebecnote", seen[confidential.Name], StringComparison.Ordinal);

        // Withheld notes leave no trace: two notes listed, and no mark above the reader's anywhere in the notes.
        var notes = seen[confidential.Name][seen[confidential.Name].IndexOf("<section class=\"notes\"", StringComparison.Ordinal)..];
        Assert.Equal(2, notes.Split("<li class=\"note\">").Length - 1);
        Assert.DoesNotContain("(S", notes, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Markdown_in_a_note_cannot_carry_markup()
    {
        var author = await app.SignInAsync(confidential);
        using var posted = await author.PostNoteAsync(Cable, "Look: <script>alert('note')</script> and [a link](javascript:alert(1)) and <javascript:alert(2)> and [safe](https://example.org/) and *emphasis*.", "Unclassified");
        Assert.Equal(HttpStatusCode.Redirect, posted.StatusCode);

        var page = await author.GetStringAsync("/cables/" + Cable);
        Assert.DoesNotContain("<script>alert('note')", page, StringComparison.Ordinal);
        Assert.Contains("&lt;script&gt;", page, StringComparison.Ordinal);
        Assert.DoesNotContain("href=\"javascript:", page, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("href=\"https://example.org/\"", page, StringComparison.Ordinal);
        Assert.Contains("<em>emphasis</em>", page, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Secret")]
    [InlineData("TopSecret")]
    [InlineData("4")]
    [InlineData("99")]
    [InlineData("")]
    public async Task A_mark_the_authors_clearance_does_not_dominate_is_refused_and_audited(string level)
    {
        var author = await app.SignInAsync(confidential);
        var before = await app.CountNotesAsync();
        var marker = await app.LastAuditIdAsync();

        using var refused = await author.PostNoteAsync(Cable, "An attempt to write up.", level);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, refused.StatusCode);
        Assert.Contains("cannot be marked above your clearance", await refused.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(before, await app.CountNotesAsync());

        var record = Assert.Single(await app.AuditAfterAsync(marker), r => r.Action == "cable.note.create");
        Assert.Equal((confidential.Name, Cable, "denied"), (record.UserName, record.Target, record.Outcome));
    }

    [Fact]
    public async Task A_caveat_the_author_does_not_hold_is_refused()
    {
        var author = await app.SignInAsync(secret);
        var before = await app.CountNotesAsync();
        using var refused = await author.PostNoteAsync(Cable, "Foreign eyes only, says the author.", "Confidential", "NOFORN");
        Assert.Equal(HttpStatusCode.UnprocessableEntity, refused.StatusCode);
        using var unknown = await author.PostNoteAsync(Cable, "A made-up caveat.", "Confidential", "UNKNOWN");
        Assert.Equal(HttpStatusCode.UnprocessableEntity, unknown.StatusCode);
        Assert.Equal(before, await app.CountNotesAsync());
    }

    [Fact]
    public async Task Writing_a_note_is_audited_with_its_mark_and_needs_an_antiforgery_token()
    {
        var author = await app.SignInAsync(secretNoForn);
        var marker = await app.LastAuditIdAsync();
        using var posted = await author.PostNoteAsync(Cable, "An audited note.", "Secret", "NOFORN");
        Assert.Equal(HttpStatusCode.Redirect, posted.StatusCode);
        var record = Assert.Single(await app.AuditAfterAsync(marker), r => r.Action == "cable.note.create");
        Assert.Equal((secretNoForn.Name, Cable, "ok"), (record.UserName, record.Target, record.Outcome));
        Assert.Equal("SECRET//NOFORN", JsonDocument.Parse(record.Detail!).RootElement.GetProperty("mark").GetString());

        var before = await app.CountNotesAsync();
        using var forged = await author.PostAsync($"/cables/{Cable}?handler=Note",
            new FormUrlEncodedContent([new("Note.Text", "No token."), new("Note.Level", "Unclassified")]));
        Assert.Equal(HttpStatusCode.BadRequest, forged.StatusCode);
        Assert.Equal(before, await app.CountNotesAsync());
    }

    [Fact]
    public async Task A_note_cannot_be_written_on_a_cable_the_author_cannot_read()
    {
        var author = await app.SignInAsync(confidential);
        var before = await app.CountNotesAsync();
        using var refused = await author.PostNoteAsync("08TOKYO1003", "On a cable I cannot read.", "Unclassified");
        Assert.Equal(HttpStatusCode.NotFound, refused.StatusCode);
        Assert.Equal(before, await app.CountNotesAsync());
    }

    [Fact]
    public async Task Search_finds_a_cable_by_a_readable_note_and_not_by_a_withheld_one()
    {
        await app.AddNoteAsync("08TOKYO1001", new ClassificationLabel(ClassificationLevel.Confidential), "The rutabagaword shows up in a readable note.");
        await app.AddNoteAsync("08TOKYO1004", new ClassificationLabel(ClassificationLevel.Secret, [Caveat.NoForn]), "The parsnipword shows up in a withheld note.");

        foreach (var plan in new[] { SearchPlan.Index, SearchPlan.WalkCables, SearchPlan.IndexFirstMonth })
        {
            var reader = ReaderClearance.Of(confidential.Clearance);
            var readable = await ArchiveSearch.SearchAsync(app.Archive.DataSource, reader, new SearchQuery { Text = "rutabagaword" }, plan);
            var hit = Assert.Single(readable.Hits);
            Assert.Equal("08TOKYO1001", hit.ReferenceId);
            Assert.Contains("rutabagaword", hit.Snippet, StringComparison.Ordinal);
            Assert.Null(hit.SnippetParagraph);

            var withheld = await ArchiveSearch.SearchAsync(app.Archive.DataSource, reader, new SearchQuery { Text = "parsnipword" }, plan);
            Assert.Equal(0, withheld.Total);
            Assert.Empty(withheld.Hits);

            var cleared = await ArchiveSearch.SearchAsync(app.Archive.DataSource, ReaderClearance.Of(secretNoForn.Clearance), new SearchQuery { Text = "parsnipword" }, plan);
            Assert.Equal("08TOKYO1004", Assert.Single(cleared.Hits).ReferenceId);
        }

        var page = await app.As(confidential).GetStringAsync("/search?q=parsnipword");
        Assert.DoesNotContain("08TOKYO1004", page, StringComparison.Ordinal);
        Assert.Contains("08TOKYO1001", await app.As(confidential).GetStringAsync("/api/search?q=rutabagaword"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_readable_note_on_a_cable_the_reader_can_read_nothing_of_shows_on_the_withdrawal_card()
    {
        await app.AddNoteAsync("08TOKYO1003", new ClassificationLabel(ClassificationLevel.Unclassified), "The kumquatword note on a withheld cable.");
        var client = app.As(confidential);
        var page = await client.GetStringAsync("/cables/08TOKYO1003");
        Assert.Contains("withdrawal-card", page, StringComparison.Ordinal);
        Assert.Contains("kumquatword", page, StringComparison.Ordinal);
        Assert.DoesNotContain("Hotel", page, StringComparison.Ordinal);
        Assert.DoesNotContain("Add a note", page, StringComparison.Ordinal);
        Assert.Contains("08TOKYO1003", await client.GetStringAsync("/api/search?q=kumquatword"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Notes_survive_a_reparse()
    {
        await app.AddNoteAsync(Cable, new ClassificationLabel(ClassificationLevel.Unclassified), "The turnipword note outlives the rebuild.");
        var summary = await new ArchiveReparser(app.Archive.Database).ReparseAsync();
        Assert.Null(summary.Fatal);

        Assert.Contains("turnipword", await app.As(confidential).GetStringAsync("/cables/" + Cable), StringComparison.Ordinal);
        Assert.Contains(Cable, await app.As(confidential).GetStringAsync("/api/search?q=turnipword"), StringComparison.Ordinal);
    }
}

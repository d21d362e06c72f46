using System.Text.RegularExpressions;
using CableArchive.Domain.Classification;
using CableArchive.Tests.Web.Infrastructure;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace CableArchive.Tests.Web.Browser;

/// <summary>
/// Analysts' notes in Debian's Chromium: a SECRET//NOFORN analyst writes a SECRET note on a cable; a CONFIDENTIAL
/// analyst can neither see it on the cable page nor find the cable by its words.
/// </summary>
public sealed class NotesBrowserTests : IAsyncLifetime
{
    private const string Cable = "08TOKYO1002";

    /// <summary>A word that occurs only in the SECRET note.</summary>
    private const string NoteWord = "mangosteenword";

    private ArchiveApp app = null!;
    private TestUser confidential = null!;
    private TestUser secretNoForn = null!;
    private Chromium chromium = null!;

    /// <inheritdoc />
    public async ValueTask InitializeAsync()
    {
        app = await ArchiveApp.StartAsync(kestrel: true);
        await app.ImportAsync(ReadingFixture.Cables);
        confidential = await app.CreateUserAsync("notes-browser-c", ClassificationLevel.Confidential);
        secretNoForn = await app.CreateUserAsync("notes-browser-s-nf", ClassificationLevel.Secret, ["NOFORN"]);
        chromium = await Chromium.LaunchAsync(app);
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        await chromium.DisposeAsync();
        await app.DisposeAsync();
    }

    [Fact]
    public async Task A_secret_note_is_neither_shown_to_nor_found_by_a_confidential_analyst()
    {
        var author = await chromium.SignedInPageAsync(secretNoForn.Name, secretNoForn.Password);
        await author.GotoAsync(chromium.Url("/cables/" + Cable));
        await Expect(author.Locator("section.notes")).ToContainTextAsync("No notes.");

        // The form starts at the author's whole clearance; writing down to SECRET is the author's choice.
        var noForn = author.GetByRole(AriaRole.Checkbox, new() { Name = "NOFORN" });
        await Expect(noForn).ToBeCheckedAsync();
        await author.GetByLabel("Note (Markdown)").FillAsync($"The **{NoteWord}** assessment: the talks will stall.");
        await author.GetByLabel("Mark", new() { Exact = true }).SelectOptionAsync(new SelectOptionValue { Label = "SECRET" });
        await noForn.UncheckAsync();
        await author.GetByRole(AriaRole.Button, new() { Name = "Add note" }).ClickAsync();

        await Expect(author).ToHaveURLAsync(new Regex($"/cables/{Cable}#notes$"));
        var note = author.Locator("li.note");
        await Expect(note).ToHaveCountAsync(1);
        await Expect(note.Locator("strong")).ToHaveTextAsync(NoteWord);
        await Expect(note.Locator(".badge")).ToHaveTextAsync("(S)");
        await Expect(author.Locator(".notes-banner")).ToHaveTextAsync("NOTES: SECRET");
        await Chromium.ShotAsync(author, "notes-01-secret-note-written");

        // The positive control: the author finds the cable by the note.
        await author.GotoAsync(chromium.Url("/search"));
        await author.GetByLabel("Search").FillAsync(NoteWord);
        await author.GetByRole(AriaRole.Button, new() { Name = "Search" }).ClickAsync();
        await Expect(author.Locator("a.refid", new() { HasText = Cable })).ToHaveCountAsync(1);

        var reader = await chromium.SignedInPageAsync(confidential.Name, confidential.Password);
        await reader.GotoAsync(chromium.Url("/cables/" + Cable));
        await Expect(reader.Locator("section.notes")).ToContainTextAsync("No notes.");
        await Expect(reader.Locator("li.note")).ToHaveCountAsync(0);
        await Expect(reader.Locator(".notes-banner")).ToHaveCountAsync(0);
        await Expect(reader.GetByLabel("Mark", new() { Exact = true }).Locator("option")).ToHaveTextAsync(["UNCLASSIFIED", "UNCLASSIFIED//FOR OFFICIAL USE ONLY", "CONFIDENTIAL"]);
        Assert.DoesNotContain(NoteWord, await reader.ContentAsync(), StringComparison.Ordinal);
        await Chromium.ShotAsync(reader, "notes-02-confidential-sees-no-note");

        await reader.GotoAsync(chromium.Url("/search"));
        await reader.GetByLabel("Search").FillAsync(NoteWord);
        await reader.GetByRole(AriaRole.Button, new() { Name = "Search" }).ClickAsync();
        await Expect(reader).ToHaveURLAsync(new Regex($"/search\\?q={NoteWord}"));
        await Expect(reader.Locator("p.total")).ToContainTextAsync("0 cables");
        await Expect(reader.Locator("a.refid")).ToHaveCountAsync(0);
        await Chromium.ShotAsync(reader, "notes-03-confidential-finds-nothing");
    }
}

using System.IO.Compression;
using System.Text.RegularExpressions;
using CableArchive.Data.Accounts;
using CableArchive.Domain.Classification;
using CableArchive.Tests.Web.Infrastructure;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace CableArchive.Tests.Web.Browser;

/// <summary>
/// The archivists' pages in Debian's Chromium: uploading the shared WikiLeaks pages as a zip and watching the import to
/// its end, and fixing a quarantined record. Screenshots go to <c>TestResults/screenshots/</c>.
/// </summary>
public sealed class ArchiveBrowserTests : IAsyncLifetime
{

    private static readonly (string FileName, string Text) Fixed = TestCableText.Tokyo(
        5001, "CONFIDENTIAL", [], new("(U)", "A CABLE FIXED IN THE BROWSER"), [new("(C)", "Papa paragraph, restored in the browser.")]);

    private ArchiveApp app = null!;
    private TestUser archivist = null!;
    private Chromium chromium = null!;

    /// <inheritdoc />
    public async ValueTask InitializeAsync()
    {
        app = await ArchiveApp.StartAsync(kestrel: true);
        archivist = await app.CreateUserAsync("browser-archivist", ClassificationLevel.TopSecret, [.. AccountClearance.Grantable], [ArchiveRoles.Archivist]);
        chromium = await Chromium.LaunchAsync(app);
        SetDefaultExpectTimeout(90_000);
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        await chromium.DisposeAsync();
        await app.DisposeAsync();
    }

    [Fact]
    public async Task An_archivist_uploads_the_shared_pages_as_a_zip_and_watches_the_import_to_its_end()
    {
        var pages = SharedCorpus.RequireDirectory(Path.Combine("corpus", "wikileaks-2010-12"));
        var pageCount = Directory.EnumerateFiles(pages, "*", SearchOption.AllDirectories).Count();
        var zip = Path.Combine(Path.GetTempPath(), $"cablearchive-pages-{Guid.NewGuid():N}.zip");
        ZipFile.CreateFromDirectory(pages, zip);
        try
        {
            var page = await chromium.SignedInPageAsync(archivist.Name, archivist.Password);
            var violations = new List<string>();
            page.Console += (_, message) =>
            {
                if (message.Text.Contains("Content Security Policy", StringComparison.OrdinalIgnoreCase))
                    violations.Add(message.Text);
            };

            await page.GetByRole(AriaRole.Link, new() { Name = "Imports", Exact = true }).ClickAsync();
            await Expect(page).ToHaveURLAsync(new Regex("/archive$"));
            await page.GetByLabel("Dump").SetInputFilesAsync(zip);
            await Chromium.ShotAsync(page, "archive-01-upload-form");
            await page.GetByRole(AriaRole.Button, new() { Name = "Upload and import" }).ClickAsync();

            // The upload's page hands over to the run's page, which polls the status until the run ends.
            await Expect(page).ToHaveURLAsync(new Regex("/archive/imports/[0-9]+$"));
            await Chromium.ShotAsync(page, "archive-02-import-running");
            await Expect(page.Locator("[data-field=state]")).ToHaveTextAsync(new Regex("^succeeded"));
            await Expect(page.Locator("[data-field=read]")).ToHaveTextAsync(pageCount.ToString("N0", System.Globalization.CultureInfo.InvariantCulture));
            await Expect(page.Locator("[data-field=eta]")).ToHaveTextAsync("done");
            Assert.NotEqual("0", await page.Locator("[data-field=newCables]").InnerTextAsync());
            await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Cancel import" })).ToHaveCountAsync(0);
            await Chromium.ShotAsync(page, "archive-03-import-finished");

            await page.GetByRole(AriaRole.Link, new() { Name = "All imports" }).ClickAsync();
            await Expect(page.Locator("table.import-history tbody tr").First).ToContainTextAsync(archivist.Name);
            await Chromium.ShotAsync(page, "archive-04-history");
            Assert.Empty(violations);
        }
        finally
        {
            File.Delete(zip);
        }
    }

    [Fact]
    public async Task An_archivist_fixes_a_quarantined_record_in_the_browser_and_it_is_imported()
    {
        var broken = Fixed.Text[Fixed.Text.IndexOf("E.O. 12958", StringComparison.Ordinal)..];
        Assert.Equal(1, (await app.ImportAsync([("08TOKYO5001.txt", broken)])).Quarantined);

        var page = await chromium.SignedInPageAsync(archivist.Name, archivist.Password);
        await page.GetByRole(AriaRole.Link, new() { Name = "Quarantine", Exact = true }).ClickAsync();
        await Expect(page.Locator("table.quarantine-list tbody tr")).ToHaveCountAsync(1);
        await Chromium.ShotAsync(page, "archive-05-quarantine-list");

        await page.Locator("table.quarantine-list tbody tr a").First.ClickAsync();
        await Expect(page.Locator("pre.raw-record")).ToContainTextAsync("Papa paragraph");
        await page.GetByLabel("Text").FillAsync(Fixed.Text);
        await Chromium.ShotAsync(page, "archive-06-record-edited");
        await page.GetByRole(AriaRole.Button, new() { Name = "Re-parse and import" }).ClickAsync();

        await Expect(page.Locator(".review-status")).ToHaveTextAsync("imported");
        await Expect(page.Locator("a.imported-cable")).ToHaveTextAsync("08TOKYO5001");
        await Chromium.ShotAsync(page, "archive-07-record-imported");
        await page.Locator("a.imported-cable").ClickAsync();
        await Expect(page).ToHaveURLAsync(new Regex("/cables/08TOKYO5001$"));
        await Expect(page.Locator("section.portions")).ToContainTextAsync("Papa paragraph");
    }



}

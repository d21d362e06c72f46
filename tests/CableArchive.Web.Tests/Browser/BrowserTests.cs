using System.Text.RegularExpressions;
using CableArchive.Domain.Classification;
using CableArchive.Tests.Web.Infrastructure;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace CableArchive.Tests.Web.Browser;

/// <summary>
/// The application in a real browser: Debian's Chromium driven by Playwright over the application on a loopback port.
/// Each step keeps a screenshot under <c>TestResults/screenshots/</c> as a test artifact.
/// </summary>
public sealed class BrowserTests : IAsyncLifetime
{

    private ArchiveApp app = null!;
    private TestUser confidential = null!;
    private TestUser secretNoForn = null!;
    private Chromium chromium = null!;

    /// <inheritdoc />
    public async ValueTask InitializeAsync()
    {
        app = await ArchiveApp.StartAsync(kestrel: true);
        await app.ImportAsync(ReadingFixture.Cables);
        confidential = await app.CreateUserAsync("browser-confidential", ClassificationLevel.Confidential);
        secretNoForn = await app.CreateUserAsync("browser-secret-noforn", ClassificationLevel.Secret, ["NOFORN"]);
        chromium = await Chromium.LaunchAsync(app);
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        await chromium.DisposeAsync();
        await app.DisposeAsync();
    }

    [Fact]
    public async Task A_confidential_analyst_signs_in_searches_reads_follows_a_reference_and_exports()
    {
        var page = await SignedInPageAsync(confidential);
        await Chromium.ShotAsync(page, "01-signed-in");

        await page.GetByLabel("Search").FillAsync("cabinet");
        await page.GetByRole(AriaRole.Button, new() { Name = "Search" }).ClickAsync();
        await Expect(page).ToHaveURLAsync(new Regex("/search\\?q=cabinet"));
        await Expect(page.Locator("p.total")).ToContainTextAsync("cables");
        Assert.True(await page.Locator("mark").CountAsync() > 0);
        Assert.Equal(0, await page.Locator("a.refid", new() { HasText = "08TOKYO1003" }).CountAsync());
        await Chromium.ShotAsync(page, "02-search-results");

        await page.Locator("a.refid", new() { HasText = "08TOKYO1001" }).ClickAsync();
        await Expect(page).ToHaveURLAsync(new Regex("/cables/08TOKYO1001$"));
        await Expect(page.Locator(".banner")).ToHaveCountAsync(2);
        await Expect(page.Locator("section.portions")).ToContainTextAsync("¶2 withheld: SECRET//NOFORN");
        Assert.DoesNotContain("Bravo", await page.ContentAsync());
        Assert.Equal(0, await page.Locator("script").CountAsync());
        await Chromium.ShotAsync(page, "03-cable-confidential");

        var download = await page.RunAndWaitForDownloadAsync(() => page.GetByRole(AriaRole.Link, new() { Name = "Export as text" }).ClickAsync());
        var exported = await File.ReadAllTextAsync(await download.PathAsync());
        Assert.StartsWith("CONFIDENTIAL\n", exported);
        Assert.Contains("[¶2 withheld]", exported);

        await page.Locator("a.cites", new() { HasText = "08TOKYO1002" }).ClickAsync();
        await Expect(page).ToHaveURLAsync(new Regex("/cables/08TOKYO1002$"));
        await Expect(page.Locator("section.portions")).ToContainTextAsync("Foxtrot paragraph");
        await Chromium.ShotAsync(page, "04-followed-reference");

        await page.GotoAsync(chromium.Url("/cables/08TOKYO1003"), new() { WaitUntil = WaitUntilState.DOMContentLoaded });
        await Expect(page.Locator(".withdrawal-card")).ToContainTextAsync("not available to you");
        await Chromium.ShotAsync(page, "05-withdrawal-card");
    }

    [Fact]
    public async Task A_secret_noforn_analyst_sees_the_portions_a_confidential_one_does_not()
    {
        var secret = await SignedInPageAsync(secretNoForn);
        await secret.GotoAsync(chromium.Url("/cables/08TOKYO1001"), new() { WaitUntil = WaitUntilState.DOMContentLoaded });
        var secretText = await secret.Locator("section.portions").InnerTextAsync();
        Assert.Contains("Bravo paragraph", secretText);
        Assert.Contains("Delta paragraph", secretText);
        await Expect(secret.Locator(".withheld-portion")).ToHaveCountAsync(0);
        await Chromium.ShotAsync(secret, "06-cable-secret-noforn");

        var confidentialPage = await SignedInPageAsync(confidential);
        await confidentialPage.GotoAsync(chromium.Url("/cables/08TOKYO1001"), new() { WaitUntil = WaitUntilState.DOMContentLoaded });
        await Expect(confidentialPage.Locator(".withheld-portion")).ToHaveCountAsync(2);
        Assert.DoesNotContain("Bravo paragraph", await confidentialPage.Locator("section.portions").InnerTextAsync());
    }

    [Fact]
    public async Task The_page_applies_its_content_security_policy_without_violations()
    {
        var page = await SignedInPageAsync(confidential);
        var violations = new List<string>();
        page.Console += (_, message) =>
        {
            if (message.Text.Contains("Content Security Policy", StringComparison.OrdinalIgnoreCase))
                violations.Add(message.Text);
        };
        await page.GotoAsync(chromium.Url("/search?q=cabinet"));
        await page.GotoAsync(chromium.Url("/cables/08TOKYO1001"));

        // The stylesheet applies (a CSP violation would leave the banner unstyled).
        var background = await page.Locator(".banner").First.EvaluateAsync<string>("e => getComputedStyle(e).backgroundColor");
        Assert.Equal("rgb(201, 42, 42)", background);
        Assert.Empty(violations);
    }

    private Task<IPage> SignedInPageAsync(TestUser user) => chromium.SignedInPageAsync(user.Name, user.Password);


}

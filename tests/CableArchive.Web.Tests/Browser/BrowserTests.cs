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
    private const string Chromium = "/usr/bin/chromium";
    private static readonly string Screenshots = Path.Combine(SharedCorpus.RepositoryRoot, "TestResults", "screenshots");

    private ArchiveApp app = null!;
    private TestUser confidential = null!;
    private TestUser secretNoForn = null!;
    private IPlaywright? playwright;
    private IBrowser? browser;

    /// <inheritdoc />
    public async ValueTask InitializeAsync()
    {
        app = await ArchiveApp.StartAsync(kestrel: true);
        await app.ImportAsync(ReadingFixture.Cables);
        confidential = await app.CreateUserAsync("browser-confidential", ClassificationLevel.Confidential);
        secretNoForn = await app.CreateUserAsync("browser-secret-noforn", ClassificationLevel.Secret, ["NOFORN"]);
        if (!File.Exists(Chromium))
            return;
        playwright = await Playwright.CreateAsync();
        browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = Chromium,
            Headless = true,
            Args = ["--no-sandbox", "--disable-background-networking", "--disable-component-update", "--no-first-run", "--disable-gpu"],
        });
        Directory.CreateDirectory(Screenshots);

        // Playwright's assertions retry until this timeout; the machine is shared, so allow slow answers.
        SetDefaultExpectTimeout(90_000);
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        if (browser is not null)
            await browser.DisposeAsync();
        playwright?.Dispose();
        await app.DisposeAsync();
    }

    [Fact]
    public async Task A_confidential_analyst_signs_in_searches_reads_follows_a_reference_and_exports()
    {
        var page = await SignedInPageAsync(confidential);
        await Shot(page, "01-signed-in");

        await page.GetByLabel("Search").FillAsync("cabinet");
        await page.GetByRole(AriaRole.Button, new() { Name = "Search" }).ClickAsync();
        await Expect(page).ToHaveURLAsync(new Regex("/search\\?q=cabinet"));
        await Expect(page.Locator("p.total")).ToContainTextAsync("cables");
        Assert.True(await page.Locator("mark").CountAsync() > 0);
        Assert.Equal(0, await page.Locator("a.refid", new() { HasText = "08TOKYO1003" }).CountAsync());
        await Shot(page, "02-search-results");

        await page.Locator("a.refid", new() { HasText = "08TOKYO1001" }).ClickAsync();
        await Expect(page).ToHaveURLAsync(new Regex("/cables/08TOKYO1001$"));
        await Expect(page.Locator(".banner")).ToHaveCountAsync(2);
        await Expect(page.Locator("section.portions")).ToContainTextAsync("¶2 withheld: SECRET//NOFORN");
        Assert.DoesNotContain("Bravo", await page.ContentAsync());
        Assert.Equal(0, await page.Locator("script").CountAsync());
        await Shot(page, "03-cable-confidential");

        var download = await page.RunAndWaitForDownloadAsync(() => page.GetByRole(AriaRole.Link, new() { Name = "Export as text" }).ClickAsync());
        var exported = await File.ReadAllTextAsync(await download.PathAsync());
        Assert.StartsWith("CONFIDENTIAL\n", exported);
        Assert.Contains("[¶2 withheld]", exported);

        await page.Locator("a.cites", new() { HasText = "08TOKYO1002" }).ClickAsync();
        await Expect(page).ToHaveURLAsync(new Regex("/cables/08TOKYO1002$"));
        await Expect(page.Locator("section.portions")).ToContainTextAsync("Foxtrot paragraph");
        await Shot(page, "04-followed-reference");

        await page.GotoAsync(Url("/cables/08TOKYO1003"), new() { WaitUntil = WaitUntilState.DOMContentLoaded });
        await Expect(page.Locator(".withdrawal-card")).ToContainTextAsync("not available to you");
        await Shot(page, "05-withdrawal-card");
    }

    [Fact]
    public async Task A_secret_noforn_analyst_sees_the_portions_a_confidential_one_does_not()
    {
        var secret = await SignedInPageAsync(secretNoForn);
        await secret.GotoAsync(Url("/cables/08TOKYO1001"), new() { WaitUntil = WaitUntilState.DOMContentLoaded });
        var secretText = await secret.Locator("section.portions").InnerTextAsync();
        Assert.Contains("Bravo paragraph", secretText);
        Assert.Contains("Delta paragraph", secretText);
        await Expect(secret.Locator(".withheld-portion")).ToHaveCountAsync(0);
        await Shot(secret, "06-cable-secret-noforn");

        var confidentialPage = await SignedInPageAsync(confidential);
        await confidentialPage.GotoAsync(Url("/cables/08TOKYO1001"), new() { WaitUntil = WaitUntilState.DOMContentLoaded });
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
        await page.GotoAsync(Url("/search?q=cabinet"));
        await page.GotoAsync(Url("/cables/08TOKYO1001"));

        // The stylesheet applies (a CSP violation would leave the banner unstyled).
        var background = await page.Locator(".banner").First.EvaluateAsync<string>("e => getComputedStyle(e).backgroundColor");
        Assert.Equal("rgb(201, 42, 42)", background);
        Assert.Empty(violations);
    }

    private async Task<IPage> SignedInPageAsync(TestUser user)
    {
        if (browser is null)
            Assert.Skip($"{Chromium} is not installed (Debian package chromium; build/ensure-chromium.sh installs it).");
        var context = await browser.NewContextAsync(new BrowserNewContextOptions { AcceptDownloads = true });

        // The machine is shared with builds and other test runs: allow slow answers rather than fail on them.
        context.SetDefaultTimeout(90_000);
        context.SetDefaultNavigationTimeout(90_000);
        var page = await context.NewPageAsync();
        await page.GotoAsync(Url("/"));
        await Expect(page).ToHaveURLAsync(new Regex("/account/sign-in"));
        await page.GetByLabel("User name").FillAsync(user.Name);
        await page.GetByLabel("Password").FillAsync(user.Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await page.Locator("header .user").WaitForAsync();
        Assert.Contains(user.Name, await page.Locator("header .user").InnerTextAsync());
        return page;
    }

    private string Url(string path) => new Uri(app.ServerAddress!, path).ToString();

    private static Task Shot(IPage page, string name) =>
        page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(Screenshots, name + ".png"), FullPage = true });
}

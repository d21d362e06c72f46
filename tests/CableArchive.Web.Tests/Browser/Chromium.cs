using System.Text.RegularExpressions;
using CableArchive.Tests.Web.Infrastructure;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace CableArchive.Tests.Web.Browser;

/// <summary>
/// Debian's Chromium driven by Playwright over an application on a loopback port: what every browser test shares.
/// Screenshots go to <c>TestResults/screenshots/</c> as test artifacts.
/// </summary>
public sealed class Chromium : IAsyncDisposable
{
    private const string Executable = "/usr/bin/chromium";
    private static readonly string Screenshots = Path.Combine(SharedCorpus.RepositoryRoot, "TestResults", "screenshots");

    private readonly ArchiveApp app;
    private readonly IPlaywright? playwright;
    private readonly IBrowser? browser;

    private Chromium(ArchiveApp app, IPlaywright? playwright, IBrowser? browser)
    {
        this.app = app;
        this.playwright = playwright;
        this.browser = browser;
    }

    /// <summary>Starts the browser for <paramref name="app"/>; tests skip at their first page when it is not installed.</summary>
    public static async Task<Chromium> LaunchAsync(ArchiveApp app)
    {
        if (!File.Exists(Executable))
            return new Chromium(app, null, null);
        var playwright = await Playwright.CreateAsync();
        var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = Executable,
            Headless = true,
            Args = ["--no-sandbox", "--disable-background-networking", "--disable-component-update", "--no-first-run", "--disable-gpu"],
        });
        Directory.CreateDirectory(Screenshots);

        // Playwright's assertions retry until this timeout; the machine is shared, so allow slow answers.
        SetDefaultExpectTimeout(90_000);
        return new Chromium(app, playwright, browser);
    }

    /// <summary>A new browser (its own cookies) on the sign-in page, signed in as <paramref name="name"/>.</summary>
    /// <param name="name">The user name.</param>
    /// <param name="password">The password.</param>
    /// <param name="changeTo">For a one-time password: the new password the change-password page is given.</param>
    public async Task<IPage> SignedInPageAsync(string name, string password, string? changeTo = null)
    {
        if (browser is null)
            Assert.Skip($"{Executable} is not installed (Debian package chromium; build/ensure-chromium.sh installs it).");
        var context = await browser.NewContextAsync(new BrowserNewContextOptions { AcceptDownloads = true });

        // The machine is shared with builds and other test runs: allow slow answers rather than fail on them.
        context.SetDefaultTimeout(90_000);
        context.SetDefaultNavigationTimeout(90_000);
        var page = await context.NewPageAsync();
        await page.GotoAsync(Url("/"));
        await Expect(page).ToHaveURLAsync(new Regex("/account/sign-in"));
        await page.GetByLabel("User name").FillAsync(name);
        await page.GetByLabel("Password").FillAsync(password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        if (changeTo is not null)
        {
            await Expect(page).ToHaveURLAsync(new Regex("/account/change-password$"));
            await page.GetByLabel("Current password").FillAsync(password);
            await page.GetByLabel("New password").FillAsync(changeTo);
            await page.GetByRole(AriaRole.Button, new() { Name = "Change" }).ClickAsync();
        }

        await Expect(page.Locator("header .user")).ToHaveTextAsync(name);
        return page;
    }

    /// <summary>The address of <paramref name="path"/> on the application.</summary>
    public string Url(string path) => new Uri(app.ServerAddress!, path).ToString();

    /// <summary>Keeps a full-page screenshot as <c>TestResults/screenshots/NAME.png</c>.</summary>
    public static Task ShotAsync(IPage page, string name) =>
        page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(Screenshots, name + ".png"), FullPage = true });

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        if (browser is not null)
            await browser.DisposeAsync();
        playwright?.Dispose();
    }
}

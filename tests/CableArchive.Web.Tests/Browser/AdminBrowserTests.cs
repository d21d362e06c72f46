using System.Text.RegularExpressions;
using CableArchive.Data.Accounts;
using CableArchive.Domain.Classification;
using CableArchive.Tests.Web.Infrastructure;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace CableArchive.Tests.Web.Browser;

/// <summary>
/// The admin pages in Debian's Chromium: an admin creates a user and later raises their clearance, and the user's next
/// page shows what was withheld before. Screenshots go to <c>TestResults/screenshots/</c> like <see cref="BrowserTests"/>'.
/// </summary>
public sealed class AdminBrowserTests : IAsyncLifetime
{
    private const string Chromium = "/usr/bin/chromium";
    private static readonly string Screenshots = Path.Combine(SharedCorpus.RepositoryRoot, "TestResults", "screenshots");

    private ArchiveApp app = null!;
    private TestUser admin = null!;
    private IPlaywright? playwright;
    private IBrowser? browser;

    /// <inheritdoc />
    public async ValueTask InitializeAsync()
    {
        app = await ArchiveApp.StartAsync(kestrel: true);
        await app.ImportAsync(ReadingFixture.Cables);
        admin = await app.CreateUserAsync("browser-admin", ClassificationLevel.Secret, ["NOFORN"], [ArchiveRoles.Admin]);
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
    public async Task An_admin_creates_a_user_and_raises_their_clearance_and_the_users_next_page_shows_the_withheld_portion()
    {
        var adminPage = await SignedInPageAsync(admin.Name, admin.Password);
        await adminPage.GetByRole(AriaRole.Link, new() { Name = "Users", Exact = true }).ClickAsync();
        await Expect(adminPage).ToHaveURLAsync(new Regex("/admin/users$"));
        await adminPage.GetByRole(AriaRole.Link, new() { Name = "New user" }).ClickAsync();
        await adminPage.GetByLabel("User name").FillAsync("browser-newcomer");
        await adminPage.GetByLabel("Level").SelectOptionAsync("Confidential");
        await adminPage.GetByRole(AriaRole.Button, new() { Name = "Create user" }).ClickAsync();
        await Expect(adminPage.Locator("code.one-time-password")).ToBeVisibleAsync();
        var password = await adminPage.Locator("code.one-time-password").InnerTextAsync();
        await Shot(adminPage, "admin-01-user-created");

        // The new user signs in with the one-time password, which must be changed first.
        var userPage = await SignedInPageAsync("browser-newcomer", password, changeTo: "Newcomer-passw0rd");
        await userPage.GotoAsync(Url("/cables/08TOKYO1001"), new() { WaitUntil = WaitUntilState.DOMContentLoaded });
        await Expect(userPage.Locator(".withheld-portion")).ToHaveCountAsync(2);
        await Expect(userPage.Locator("section.portions")).ToContainTextAsync("Alpha paragraph");
        await Expect(userPage.Locator("section.portions")).Not.ToContainTextAsync("Bravo paragraph");
        await Shot(userPage, "admin-02-user-confidential");

        await adminPage.GetByRole(AriaRole.Link, new() { Name = "All users" }).ClickAsync();
        await adminPage.GetByRole(AriaRole.Link, new() { Name = "browser-newcomer", Exact = true }).ClickAsync();
        await Expect(adminPage).ToHaveURLAsync(new Regex("/admin/users/\\d+$"));
        await adminPage.GetByLabel("Level").SelectOptionAsync("Secret");
        await adminPage.GetByLabel("NOFORN").CheckAsync();
        await adminPage.GetByRole(AriaRole.Button, new() { Name = "Save roles and clearance" }).ClickAsync();
        await Expect(adminPage.Locator(".account-clearance")).ToHaveTextAsync("SECRET + NOFORN");
        await Shot(adminPage, "admin-03-clearance-raised");

        // The user's next page, in the same session: the formerly withheld portion is there.
        await userPage.ReloadAsync(new() { WaitUntil = WaitUntilState.DOMContentLoaded });
        await Expect(userPage.Locator("section.portions")).ToContainTextAsync("Bravo paragraph");
        await Expect(userPage.Locator(".withheld-portion")).ToHaveCountAsync(0);
        await Expect(userPage.Locator("header .clearance")).ToHaveTextAsync("SECRET + NOFORN");
        await Shot(userPage, "admin-04-user-secret-noforn");
    }

    [Fact]
    public async Task The_audit_log_and_the_read_rule_page_render_without_content_security_policy_violations()
    {
        var page = await SignedInPageAsync(admin.Name, admin.Password);
        var violations = new List<string>();
        page.Console += (_, message) =>
        {
            if (message.Text.Contains("Content Security Policy", StringComparison.OrdinalIgnoreCase))
                violations.Add(message.Text);
        };
        await page.GetByRole(AriaRole.Link, new() { Name = "Audit log" }).ClickAsync();
        await Expect(page.Locator("tr.audit-entry").First).ToContainTextAsync("browser-admin");
        await Shot(page, "admin-05-audit-log");
        await page.GetByRole(AriaRole.Link, new() { Name = "Read rule" }).ClickAsync();
        await Expect(page.Locator(".your-clearance")).ToHaveTextAsync("SECRET + NOFORN");
        await Shot(page, "admin-06-read-rule");
        Assert.Empty(violations);
    }

    private async Task<IPage> SignedInPageAsync(string name, string password, string? changeTo = null)
    {
        if (browser is null)
            Assert.Skip($"{Chromium} is not installed (Debian package chromium; build/ensure-chromium.sh installs it).");
        var context = await browser.NewContextAsync();

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

    private string Url(string path) => new Uri(app.ServerAddress!, path).ToString();

    private static Task Shot(IPage page, string name) =>
        page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(Screenshots, name + ".png"), FullPage = true });
}

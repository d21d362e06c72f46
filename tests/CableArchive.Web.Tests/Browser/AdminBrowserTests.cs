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

    private ArchiveApp app = null!;
    private TestUser admin = null!;
    private Chromium chromium = null!;

    /// <inheritdoc />
    public async ValueTask InitializeAsync()
    {
        app = await ArchiveApp.StartAsync(kestrel: true);
        await app.ImportAsync(ReadingFixture.Cables);
        admin = await app.CreateUserAsync("browser-admin", ClassificationLevel.Secret, ["NOFORN"], [ArchiveRoles.Admin]);
        chromium = await Chromium.LaunchAsync(app);
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        await chromium.DisposeAsync();
        await app.DisposeAsync();
    }

    [Fact]
    public async Task An_admin_creates_a_user_and_raises_their_clearance_and_the_users_next_page_shows_the_withheld_portion()
    {
        var adminPage = await chromium.SignedInPageAsync(admin.Name, admin.Password);
        await adminPage.GetByRole(AriaRole.Link, new() { Name = "Users", Exact = true }).ClickAsync();
        await Expect(adminPage).ToHaveURLAsync(new Regex("/admin/users$"));
        await adminPage.GetByRole(AriaRole.Link, new() { Name = "New user" }).ClickAsync();
        await adminPage.GetByLabel("User name").FillAsync("browser-newcomer");
        await adminPage.GetByLabel("Level").SelectOptionAsync("Confidential");
        await adminPage.GetByRole(AriaRole.Button, new() { Name = "Create user" }).ClickAsync();
        await Expect(adminPage.Locator("code.one-time-password")).ToBeVisibleAsync();
        var password = await adminPage.Locator("code.one-time-password").InnerTextAsync();
        await Chromium.ShotAsync(adminPage, "admin-01-user-created");

        // The new user signs in with the one-time password, which must be changed first.
        var userPage = await chromium.SignedInPageAsync("browser-newcomer", password, changeTo: "Newcomer-passw0rd");
        await userPage.GotoAsync(chromium.Url("/cables/08TOKYO1001"), new() { WaitUntil = WaitUntilState.DOMContentLoaded });
        await Expect(userPage.Locator(".withheld-portion")).ToHaveCountAsync(2);
        await Expect(userPage.Locator("section.portions")).ToContainTextAsync("Alpha paragraph");
        await Expect(userPage.Locator("section.portions")).Not.ToContainTextAsync("Bravo paragraph");
        await Chromium.ShotAsync(userPage, "admin-02-user-confidential");

        await adminPage.GetByRole(AriaRole.Link, new() { Name = "All users" }).ClickAsync();
        await adminPage.GetByRole(AriaRole.Link, new() { Name = "browser-newcomer", Exact = true }).ClickAsync();
        await Expect(adminPage).ToHaveURLAsync(new Regex("/admin/users/\\d+$"));
        await adminPage.GetByLabel("Level").SelectOptionAsync("Secret");
        await adminPage.GetByLabel("NOFORN").CheckAsync();
        await adminPage.GetByRole(AriaRole.Button, new() { Name = "Save roles and clearance" }).ClickAsync();
        await Expect(adminPage.Locator(".account-clearance")).ToHaveTextAsync("SECRET + NOFORN");
        await Chromium.ShotAsync(adminPage, "admin-03-clearance-raised");

        // The user's next page, in the same session: the formerly withheld portion is there.
        await userPage.ReloadAsync(new() { WaitUntil = WaitUntilState.DOMContentLoaded });
        await Expect(userPage.Locator("section.portions")).ToContainTextAsync("Bravo paragraph");
        await Expect(userPage.Locator(".withheld-portion")).ToHaveCountAsync(0);
        await Expect(userPage.Locator("header .clearance")).ToHaveTextAsync("SECRET + NOFORN");
        await Chromium.ShotAsync(userPage, "admin-04-user-secret-noforn");
    }

    [Fact]
    public async Task The_audit_log_and_the_read_rule_page_render_without_content_security_policy_violations()
    {
        var page = await chromium.SignedInPageAsync(admin.Name, admin.Password);
        var violations = new List<string>();
        page.Console += (_, message) =>
        {
            if (message.Text.Contains("Content Security Policy", StringComparison.OrdinalIgnoreCase))
                violations.Add(message.Text);
        };
        await page.GetByRole(AriaRole.Link, new() { Name = "Audit log" }).ClickAsync();
        await Expect(page.Locator("tr.audit-entry").First).ToContainTextAsync("browser-admin");
        await Chromium.ShotAsync(page, "admin-05-audit-log");
        await page.GetByRole(AriaRole.Link, new() { Name = "Read rule" }).ClickAsync();
        await Expect(page.Locator(".your-clearance")).ToHaveTextAsync("SECRET + NOFORN");
        await Chromium.ShotAsync(page, "admin-06-read-rule");
        Assert.Empty(violations);
    }



}

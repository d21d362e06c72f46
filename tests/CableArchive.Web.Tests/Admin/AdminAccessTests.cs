using System.Net;
using System.Text.RegularExpressions;
using CableArchive.Data.Accounts;
using CableArchive.Domain.Classification;
using CableArchive.Tests.Web.Infrastructure;

namespace CableArchive.Tests.Web.Admin;

/// <summary>Who may open the admin pages (admins only, by every way in), and the antiforgery check on their forms.</summary>
public sealed class AdminAccessTests(ReadingFixture fixture) : IClassFixture<ReadingFixture>
{
    private static readonly string[] Pages = ["/admin/users", "/admin/users/new", "/admin/users/{id}", "/admin/audit", "/admin/audit/csv", "/admin/read-rule"];

    private static readonly string[] Posts =
    [
        "/admin/users/new", "/admin/users/{id}?handler=Save", "/admin/users/{id}?handler=Deactivate", "/admin/users/{id}?handler=Reactivate",
        "/admin/users/{id}?handler=ResetPassword", "/admin/users/{id}?handler=SignOut", "/admin/users/{id}?handler=IssueToken",
    ];

    private ArchiveApp App => fixture.App;

    [Fact]
    public async Task Non_admins_are_refused_every_admin_page_and_post_and_change_nothing()
    {
        var victim = await App.CreateAnalystAsync(ClassificationLevel.Confidential);
        var id = await App.UserIdAsync(victim.Name);
        var archivist = await App.CreateUserAsync("archivist-" + Guid.NewGuid().ToString("N")[..8], ClassificationLevel.TopSecret, roles: [ArchiveRoles.Archivist]);
        var marker = await App.LastAuditIdAsync();

        // A client gets 403; a signed-in browser is sent to the "not allowed" page, as everywhere in the application.
        foreach (var (who, client, browser) in new[]
        {
            ("analyst by token", App.As(fixture.TopSecret), false),
            ("analyst by cookie", await App.SignInAsync(fixture.TopSecret), true),
            ("archivist by cookie", await App.SignInAsync(archivist), true),
        })
        {
            foreach (var path in Pages.Select(p => p.Replace("{id}", id.ToString(), StringComparison.Ordinal)))
                AssertRefused(await client.GetAsync(path), browser, $"GET {path} as {who}");

            // A valid antiforgery token (from a page the user may open) does not help.
            foreach (var path in Posts.Select(p => p.Replace("{id}", id.ToString(), StringComparison.Ordinal)))
            {
                var response = await client.PostFormAsync("/", path, [new("UserName", "intruder"), new("Settings.Roles", ArchiveRoles.Admin), new("Settings.Level", "TopSecret")]);
                AssertRefused(response, browser, $"POST {path} as {who}");
            }
        }

        var records = await App.AuditAfterAsync(marker);
        Assert.DoesNotContain(records, r => r.Action.StartsWith("admin.", StringComparison.Ordinal));
        Assert.Equal(3 * (Pages.Length + Posts.Length), records.Count(r => r is { Action: "denied" } && r.Target!.StartsWith("/admin/", StringComparison.Ordinal)));
        Assert.Equal(HttpStatusCode.OK, (await App.As(victim).GetAsync("/api/cables/08TOKYO1002")).StatusCode);
        await using var intruders = App.Archive.Database.DataSource.CreateCommand("SELECT count(*) FROM users WHERE user_name = 'intruder'");
        Assert.Equal(0L, await intruders.ExecuteScalarAsync());
    }

    [Fact]
    public async Task Anonymous_visitors_are_sent_to_the_sign_in_page()
    {
        foreach (var path in Pages.Select(p => p.Replace("{id}", "1", StringComparison.Ordinal)))
        {
            var response = await App.Anonymous().GetAsync(path);
            Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
            Assert.StartsWith("/account/sign-in", response.Headers.Location!.ToString());
        }
    }

    [Fact]
    public async Task Admin_posts_without_their_antiforgery_token_are_refused()
    {
        var admin = await App.SignInAsync(await App.CreateAdminAsync(ClassificationLevel.Secret));
        var victim = await App.CreateAnalystAsync(ClassificationLevel.Confidential);
        var id = await App.UserIdAsync(victim.Name);
        var marker = await App.LastAuditIdAsync();

        foreach (var path in Posts.Select(p => p.Replace("{id}", id.ToString(), StringComparison.Ordinal)))
        {
            var response = await admin.PostAsync(path, new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["UserName"] = "forged-" + Guid.NewGuid().ToString("N")[..6],
                ["Settings.Roles"] = ArchiveRoles.Admin,
                ["Settings.Level"] = "TopSecret",
            }));
            Assert.True(response.StatusCode == HttpStatusCode.BadRequest, $"POST {path}: {response.StatusCode}");
        }

        Assert.DoesNotContain(await App.AuditAfterAsync(marker), r => r.Action.StartsWith("admin.user.", StringComparison.Ordinal));
        Assert.Equal(HttpStatusCode.OK, (await App.As(victim).GetAsync("/api/cables/08TOKYO1002")).StatusCode);
    }

    [Fact]
    public async Task Admin_pages_carry_antiforgery_tokens_in_every_form_and_no_inline_script_or_style()
    {
        var admin = await App.SignInAsync(await App.CreateAdminAsync(ClassificationLevel.Secret));
        var id = await App.UserIdAsync(fixture.Confidential.Name);
        foreach (var path in Pages.Where(p => !p.EndsWith("csv", StringComparison.Ordinal)).Select(p => p.Replace("{id}", id.ToString(), StringComparison.Ordinal)))
        {
            var html = await admin.GetStringAsync(path);
            var forms = Regex.Matches(html, "<form[^>]*method=\"post\"[^>]*>(.*?)</form>", RegexOptions.Singleline);
            Assert.All(forms, form => Assert.Contains("name=\"__RequestVerificationToken\"", form.Value));
            Assert.DoesNotMatch("<script(?![^>]*\\bsrc=)", html);
            Assert.DoesNotContain("style=", html);
            Assert.DoesNotContain("<style", html);
        }

        Assert.Equal(6, Regex.Matches(await admin.GetStringAsync($"/admin/users/{id}"), "<form[^>]*method=\"post\"").Count);
    }

    [Fact]
    public async Task The_navigation_links_the_admin_pages_for_admins_only()
    {
        var admin = await App.SignInAsync(await App.CreateAdminAsync(ClassificationLevel.Confidential));
        var analyst = await App.SignInAsync(fixture.TopSecret);
        foreach (var link in new[] { "href=\"/admin/users\"", "href=\"/admin/audit\"", "href=\"/admin/read-rule\"" })
        {
            Assert.Contains(link, await admin.GetStringAsync("/"));
            Assert.DoesNotContain(link, await analyst.GetStringAsync("/"));
        }
    }

    private static void AssertRefused(HttpResponseMessage response, bool browser, string what)
    {
        if (browser)
            Assert.True(response.StatusCode == HttpStatusCode.Redirect && response.Headers.Location?.OriginalString.StartsWith("/account/denied", StringComparison.Ordinal) == true, $"{what}: {response.StatusCode} {response.Headers.Location}");
        else
            Assert.True(response.StatusCode == HttpStatusCode.Forbidden, $"{what}: {response.StatusCode}");
    }
}

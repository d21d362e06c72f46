using System.Net;
using CableArchive.Data.Accounts;
using CableArchive.Domain.Classification;
using CableArchive.Tests.Web.Infrastructure;

namespace CableArchive.Tests.Web.Archive;

/// <summary>The archivists' pages are for archivists and admins: an analyst, whatever their clearance, is refused every one
/// (403 to a client, the "not allowed" page to a browser). API tokens carry no roles, so they open none of them either.</summary>
public sealed class ArchiveAccessTests : IAsyncLifetime
{
    private static readonly string[] Pages =
    [
        "/archive", "/archive/quarantine", "/archive/quarantine/1", "/archive/imports/1", "/archive/imports/1/status",
        $"/archive/uploads/{Guid.NewGuid()}",
    ];

    private ArchiveApp app = null!;

    /// <inheritdoc />
    public async ValueTask InitializeAsync() => app = await ArchiveApp.StartAsync();

    /// <inheritdoc />
    public async ValueTask DisposeAsync() => await app.DisposeAsync();

    [Fact]
    public async Task An_analyst_gets_403_on_every_archive_page_and_action_and_sees_no_link_to_them()
    {
        var analyst = await app.CreateUserAsync("archive-analyst", ClassificationLevel.TopSecret, ["NOFORN"]);
        var withToken = app.As(analyst);
        var signedIn = await app.SignInAsync(analyst);
        foreach (var page in Pages)
        {
            using var response = await withToken.GetAsync(page);
            Assert.True(response.StatusCode == HttpStatusCode.Forbidden, $"GET {page}: {response.StatusCode}");

            // A signed-in browser is sent to the "not allowed" page instead.
            using var browser = await signedIn.GetAsync(page);
            Assert.StartsWith("/account/denied", browser.Headers.Location?.OriginalString);
        }

        foreach (var action in new[] { "/archive/uploads", "/archive/imports/1?handler=Cancel", "/archive/quarantine/1?handler=Reparse", "/archive/quarantine/1?handler=Discard" })
        {
            using var response = await withToken.PostAsync(action, new MultipartFormDataContent { { new StringContent("x"), "dump", "x.zip" } });
            Assert.True(response.StatusCode == HttpStatusCode.Forbidden, $"POST {action}: {response.StatusCode}");
        }

        Assert.DoesNotContain("href=\"/archive\"", await signedIn.GetStringAsync("/"));
    }

    [Fact]
    public async Task Archivists_and_admins_see_the_archive_pages_and_their_links()
    {
        foreach (var role in new[] { ArchiveRoles.Archivist, ArchiveRoles.Admin })
        {
            var user = await app.CreateUserAsync("archive-" + role.ToLowerInvariant(), ClassificationLevel.Unclassified, roles: [role]);
            var client = await app.SignInAsync(user);
            Assert.Contains("href=\"/archive/quarantine\"", await client.GetStringAsync("/"));
            foreach (var page in new[] { "/archive", "/archive/quarantine" })
            {
                using var response = await client.GetAsync(page);
                Assert.True(response.StatusCode == HttpStatusCode.OK, $"{role} GET {page}: {response.StatusCode}");
            }
        }
    }
}

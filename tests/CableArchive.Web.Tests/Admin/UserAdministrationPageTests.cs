using System.Net;
using System.Text.Json;
using CableArchive.Data.Accounts;
using CableArchive.Domain.Classification;
using CableArchive.Tests.Web.Infrastructure;

namespace CableArchive.Tests.Web.Admin;

/// <summary>
/// The users pages over the real application and database: each change is audited with the account's state before and
/// after, and applies at the user's next request, by cookie and by bearer token.
/// </summary>
public sealed class UserAdministrationPageTests(ReadingFixture fixture) : IClassFixture<ReadingFixture>
{
    private ArchiveApp App => fixture.App;

    [Fact]
    public async Task Creating_a_user_shows_the_one_time_password_once_and_audits_the_new_account()
    {
        var admin = await App.CreateAdminAsync(ClassificationLevel.Secret, "NOFORN");
        var client = await App.SignInAsync(admin);
        var adminId = await App.UserIdAsync(admin.Name);
        var name = "new-" + Guid.NewGuid().ToString("N")[..8];
        var marker = await App.LastAuditIdAsync();

        var response = await client.PostFormAsync("/admin/users/new", "/admin/users/new",
        [
            new("UserName", name), new("Settings.Roles", ArchiveRoles.Analyst), new("Settings.Level", "Confidential"), new("Settings.Grants", "ORCON"),
        ]);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var password = AdminTestHelpers.OneTimePassword(html);
        Assert.DoesNotContain(password, await client.GetStringAsync("/admin/users/new"));
        Assert.DoesNotContain(password, await client.GetStringAsync("/admin/users"));

        var created = Assert.Single(await App.AuditAfterAsync(marker), r => r.Action == "admin.user.create");
        Assert.Equal((admin.Name, adminId, name, "ok"), (created.UserName, created.UserId, created.Target, created.Outcome));
        Assert.Equal(JsonValueKind.Null, created.State("before").ValueKind);
        Assert.Equal("CONFIDENTIAL + ORCON", created.State("after").GetProperty("clearance").GetString());
        Assert.Equal([ArchiveRoles.Analyst], created.State("after").GetProperty("roles").EnumerateArray().Select(r => r.GetString()));
        Assert.DoesNotContain(password, created.Detail!);

        var list = WebUtility.HtmlDecode(await client.GetStringAsync("/admin/users"));
        Assert.Contains($">{name}</a>", list);
        Assert.Contains("CONFIDENTIAL + ORCON", list);

        // The password works once: it leads to the change-password page.
        var signIn = await ArchiveApp.SignInResponseAsync(App.Anonymous(), name, password);
        Assert.Equal("/account/change-password", signIn.Headers.Location!.ToString());
    }

    [Fact]
    public async Task Changing_roles_and_clearance_is_audited_with_before_and_after_and_applies_at_the_next_request()
    {
        var admin = await App.SignInAsync(await App.CreateAdminAsync(ClassificationLevel.Confidential));
        var user = await App.CreateAnalystAsync(ClassificationLevel.Confidential);
        var id = await App.UserIdAsync(user.Name);
        var cookie = await App.SignInAsync(user);
        var bearer = App.As(user);
        Assert.DoesNotContain("Bravo paragraph", await cookie.GetStringAsync("/cables/08TOKYO1001"));
        Assert.DoesNotContain("Bravo paragraph", await bearer.GetStringAsync("/cables/08TOKYO1001"));
        var marker = await App.LastAuditIdAsync();

        var response = await admin.PostAccountAsync(id, "Save",
            ("Settings.Roles", ArchiveRoles.Analyst), ("Settings.Roles", ArchiveRoles.Archivist), ("Settings.Level", "Secret"), ("Settings.Grants", "NOFORN"));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("SECRET + NOFORN", WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync()));

        var change = Assert.Single(await App.AuditAfterAsync(marker), r => r.Action == "admin.user.change");
        Assert.Equal(user.Name, change.Target);
        Assert.Equal("CONFIDENTIAL", change.State("before").GetProperty("clearance").GetString());
        Assert.Equal("SECRET + NOFORN", change.State("after").GetProperty("clearance").GetString());
        Assert.Equal([ArchiveRoles.Analyst], change.State("before").GetProperty("roles").EnumerateArray().Select(r => r.GetString()));
        Assert.Equal([ArchiveRoles.Analyst, ArchiveRoles.Archivist], change.State("after").GetProperty("roles").EnumerateArray().Select(r => r.GetString()));

        // The same cookie and token, at their next request: no new sign-in needed.
        Assert.Contains("Bravo paragraph", await cookie.GetStringAsync("/cables/08TOKYO1001"));
        Assert.Contains("Bravo paragraph", await bearer.GetStringAsync("/cables/08TOKYO1001"));
    }

    [Fact]
    public async Task A_role_taken_away_is_gone_at_the_next_request()
    {
        var admin = await App.SignInAsync(await App.CreateAdminAsync(ClassificationLevel.Secret));
        var other = await App.CreateAdminAsync(ClassificationLevel.Secret);
        var otherCookie = await App.SignInAsync(other);
        Assert.Equal(HttpStatusCode.OK, (await otherCookie.GetAsync("/admin/users")).StatusCode);

        await admin.PostAccountAsync(await App.UserIdAsync(other.Name), "Save", ("Settings.Roles", ArchiveRoles.Analyst), ("Settings.Level", "Secret"));

        var refused = await otherCookie.GetAsync("/admin/users");
        Assert.Equal(HttpStatusCode.Redirect, refused.StatusCode);
        Assert.StartsWith("/account/denied", refused.Headers.Location!.OriginalString);
    }

    [Fact]
    public async Task Deactivation_ends_cookie_and_token_access_at_the_next_request_and_reactivation_restores_it()
    {
        var admin = await App.SignInAsync(await App.CreateAdminAsync(ClassificationLevel.Secret));
        var user = await App.CreateAnalystAsync(ClassificationLevel.Confidential);
        var id = await App.UserIdAsync(user.Name);
        var cookie = await App.SignInAsync(user);
        var bearer = App.As(user);
        Assert.Equal(HttpStatusCode.OK, (await cookie.GetAsync("/cables/08TOKYO1002")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await bearer.GetAsync("/api/cables/08TOKYO1002")).StatusCode);
        var marker = await App.LastAuditIdAsync();

        Assert.Contains("deactivated", await (await admin.PostAccountAsync(id, "Deactivate")).Content.ReadAsStringAsync());

        var page = await cookie.GetAsync("/cables/08TOKYO1002");
        Assert.Equal(HttpStatusCode.Redirect, page.StatusCode);
        Assert.StartsWith("/account/sign-in", page.Headers.Location!.ToString());
        Assert.Equal(HttpStatusCode.Unauthorized, (await bearer.GetAsync("/api/cables/08TOKYO1002")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await ArchiveApp.SignInResponseAsync(App.Anonymous(), user.Name, user.Password)).StatusCode);

        var deactivation = Assert.Single(await App.AuditAfterAsync(marker), r => r.Action == "admin.user.deactivate");
        Assert.True(deactivation.State("before").GetProperty("active").GetBoolean());
        Assert.False(deactivation.State("after").GetProperty("active").GetBoolean());
        Assert.NotEqual(deactivation.State("before").GetProperty("securityStamp").GetString(), deactivation.State("after").GetProperty("securityStamp").GetString());

        marker = await App.LastAuditIdAsync();
        await admin.PostAccountAsync(id, "Reactivate");
        var reactivation = Assert.Single(await App.AuditAfterAsync(marker), r => r.Action == "admin.user.reactivate");
        Assert.False(reactivation.State("before").GetProperty("active").GetBoolean());
        Assert.True(reactivation.State("after").GetProperty("active").GetBoolean());
        Assert.Equal(HttpStatusCode.OK, (await bearer.GetAsync("/api/cables/08TOKYO1002")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await (await App.SignInAsync(user)).GetAsync("/cables/08TOKYO1002")).StatusCode);
    }

    [Fact]
    public async Task Signing_a_user_out_everywhere_ends_their_cookie_sessions_and_tokens_at_the_next_request()
    {
        var admin = await App.SignInAsync(await App.CreateAdminAsync(ClassificationLevel.Secret));
        var user = await App.CreateAnalystAsync(ClassificationLevel.Confidential);
        var id = await App.UserIdAsync(user.Name);
        var first = await App.SignInAsync(user);
        var second = await App.SignInAsync(user);
        Assert.Equal(HttpStatusCode.OK, (await first.GetAsync("/cables/08TOKYO1002")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await App.As(user).GetAsync("/api/cables/08TOKYO1002")).StatusCode);
        var marker = await App.LastAuditIdAsync();

        await admin.PostAccountAsync(id, "SignOut");

        // Only the security stamp changed (the account stays active): the cookie check alone ends the sessions.
        foreach (var session in new[] { first, second })
        {
            var page = await session.GetAsync("/cables/08TOKYO1002");
            Assert.Equal(HttpStatusCode.Redirect, page.StatusCode);
            Assert.StartsWith("/account/sign-in", page.Headers.Location!.ToString());
        }

        var record = Assert.Single(await App.AuditAfterAsync(marker), r => r.Action == "admin.user.sign-out");
        Assert.NotEqual(record.State("before").GetProperty("securityStamp").GetString(), record.State("after").GetProperty("securityStamp").GetString());
        Assert.True(record.State("after").GetProperty("active").GetBoolean());
        Assert.Equal((1, 0), (record.State("before").GetProperty("apiTokens").GetInt32(), record.State("after").GetProperty("apiTokens").GetInt32()));

        // The token is revoked with the sessions; the user may sign in again.
        Assert.Equal(HttpStatusCode.Unauthorized, (await App.As(user).GetAsync("/api/cables/08TOKYO1002")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await (await App.SignInAsync(user)).GetAsync("/cables/08TOKYO1002")).StatusCode);
    }

    [Fact]
    public async Task An_admin_issues_a_new_api_token_shown_once_that_reads_as_the_user()
    {
        var admin = await App.SignInAsync(await App.CreateAdminAsync(ClassificationLevel.Secret));
        var user = await App.CreateAnalystAsync(ClassificationLevel.Confidential);
        var id = await App.UserIdAsync(user.Name);
        await admin.PostAccountAsync(id, "SignOut");
        var marker = await App.LastAuditIdAsync();

        var html = await (await admin.PostAccountAsync(id, "IssueToken")).Content.ReadAsStringAsync();

        var token = System.Text.RegularExpressions.Regex.Match(html, "class=\"api-token\">([^<]+)<").Groups[1].Value;
        Assert.StartsWith(ApiToken.Prefix, token);
        Assert.DoesNotContain(token, await admin.GetStringAsync($"/admin/users/{id}"));
        var record = Assert.Single(await App.AuditAfterAsync(marker), r => r.Action == "admin.token.issue");
        Assert.Equal((user.Name, 0, 1), (record.Target, record.State("before").GetProperty("apiTokens").GetInt32(), record.State("after").GetProperty("apiTokens").GetInt32()));
        Assert.DoesNotContain(token, record.Detail!);

        using var bearer = App.Anonymous();
        bearer.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", token);
        var cable = await bearer.GetAsync("/api/cables/08TOKYO1002");
        Assert.Equal(HttpStatusCode.OK, cable.StatusCode);
        Assert.Equal(await App.As(fixture.Confidential).GetStringAsync("/api/cables/08TOKYO1002"), await cable.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task A_password_reset_shows_a_new_one_time_password_once_and_ends_sessions()
    {
        var admin = await App.SignInAsync(await App.CreateAdminAsync(ClassificationLevel.Secret));
        var user = await App.CreateAnalystAsync(ClassificationLevel.Confidential);
        var id = await App.UserIdAsync(user.Name);
        var cookie = await App.SignInAsync(user);
        var marker = await App.LastAuditIdAsync();

        var html = await (await admin.PostAccountAsync(id, "ResetPassword")).Content.ReadAsStringAsync();
        var password = AdminTestHelpers.OneTimePassword(html);
        Assert.DoesNotContain(password, await admin.GetStringAsync($"/admin/users/{id}"));

        Assert.Equal(HttpStatusCode.Redirect, (await cookie.GetAsync("/cables/08TOKYO1002")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await ArchiveApp.SignInResponseAsync(App.Anonymous(), user.Name, user.Password)).StatusCode);
        var signIn = await ArchiveApp.SignInResponseAsync(App.Anonymous(), user.Name, password);
        Assert.Equal("/account/change-password", signIn.Headers.Location!.ToString());

        var reset = Assert.Single(await App.AuditAfterAsync(marker), r => r.Action == "admin.user.password-reset");
        Assert.False(reset.State("before").GetProperty("mustChangePassword").GetBoolean());
        Assert.True(reset.State("after").GetProperty("mustChangePassword").GetBoolean());
        Assert.DoesNotContain(password, reset.Detail!);
    }

    [Fact]
    public async Task An_admin_can_neither_deactivate_nor_demote_themselves()
    {
        var self = await App.CreateAdminAsync(ClassificationLevel.Secret);
        var admin = await App.SignInAsync(self);
        var id = await App.UserIdAsync(self.Name);
        var marker = await App.LastAuditIdAsync();

        Assert.Contains("You cannot deactivate your own account.", await (await admin.PostAccountAsync(id, "Deactivate")).Content.ReadAsStringAsync());
        Assert.Contains("You cannot take the Admin role from yourself.",
            await (await admin.PostAccountAsync(id, "Save", ("Settings.Roles", ArchiveRoles.Analyst), ("Settings.Level", "Secret"))).Content.ReadAsStringAsync());

        Assert.Equal(HttpStatusCode.OK, (await admin.GetAsync("/admin/users")).StatusCode);
        Assert.DoesNotContain(await App.AuditAfterAsync(marker), r => r.Action.StartsWith("admin.user.", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Administering_users_gives_no_read_access_an_admin_reads_with_their_own_clearance()
    {
        var confidentialAdmin = await App.CreateAdminAsync(ClassificationLevel.Confidential);
        foreach (var client in new[] { await App.SignInAsync(confidentialAdmin), App.As(confidentialAdmin) })
        {
            var cable = await client.GetStringAsync("/cables/08TOKYO1001");
            Assert.Contains("Alpha paragraph", cable);
            Assert.DoesNotContain("Bravo paragraph", cable);
            Assert.Contains("2 of", cable);
            using var search = JsonDocument.Parse(await client.GetStringAsync($"/api/search?q={ReadingFixture.SecretTerm}"));
            Assert.Equal(0, search.RootElement.GetProperty("total").GetInt64());
        }

        // The same pages give a SECRET//NOFORN admin the portion: the difference is the clearance, not the role.
        var secretAdmin = await App.SignInAsync(await App.CreateAdminAsync(ClassificationLevel.Secret, "NOFORN"));
        Assert.Contains("Bravo paragraph", await secretAdmin.GetStringAsync("/cables/08TOKYO1001"));
    }
}

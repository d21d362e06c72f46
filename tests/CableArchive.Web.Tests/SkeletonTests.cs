using System.Net;
using System.Text.RegularExpressions;
using CableArchive.Tests.Web.Infrastructure;

namespace CableArchive.Tests.Web;

/// <summary>The application's frame: health, the fallback policy, security headers, cookies, antiforgery, error pages.</summary>
public sealed class SkeletonTests(ReadingFixture fixture) : IClassFixture<ReadingFixture>
{
    [Fact]
    public async Task Health_answers_anyone()
    {
        var response = await fixture.App.Anonymous().GetAsync("/health");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Healthy", await response.Content.ReadAsStringAsync());
    }

    [Theory]
    [InlineData("/")]
    [InlineData("/search?q=cabinet")]
    [InlineData("/cables/08TOKYO1002")]
    [InlineData("/browse/tags")]
    [InlineData("/search/export.csv?q=cabinet")]
    public async Task Pages_send_an_anonymous_visitor_to_the_sign_in_page(string path)
    {
        var response = await fixture.App.Anonymous().GetAsync(path);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/account/sign-in", response.Headers.Location!.ToString());
        Assert.DoesNotContain("TRADE TALKS", await response.Content.ReadAsStringAsync());
    }

    [Theory]
    [InlineData("/api/search?q=cabinet")]
    [InlineData("/api/cables/08TOKYO1002")]
    [InlineData("/api/cables/08TOKYO1002/versions")]
    public async Task The_api_answers_an_anonymous_caller_401(string path)
    {
        var response = await fixture.App.Anonymous().GetAsync(path);
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Static_files_and_the_sign_in_page_are_open()
    {
        var client = fixture.App.Anonymous();
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/css/site.css")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/account/sign-in")).StatusCode);
    }

    [Theory]
    [InlineData("/account/sign-in")]
    [InlineData("/health")]
    [InlineData("/cables/08TOKYO1001")]
    public async Task Every_answer_carries_the_security_headers(string path)
    {
        var response = await fixture.App.As(fixture.Confidential).GetAsync(path);
        var csp = string.Join(";", response.Headers.GetValues("Content-Security-Policy"));
        Assert.Contains("default-src 'self'", csp);
        Assert.Contains("script-src 'self'", csp);
        Assert.Contains("frame-ancestors 'none'", csp);
        Assert.DoesNotContain("unsafe-inline", csp);
        Assert.DoesNotContain("unsafe-eval", csp);
        Assert.Equal("nosniff", Assert.Single(response.Headers.GetValues("X-Content-Type-Options")));
        Assert.Equal("no-referrer", Assert.Single(response.Headers.GetValues("Referrer-Policy")));
        Assert.Equal("DENY", Assert.Single(response.Headers.GetValues("X-Frame-Options")));
    }

    [Fact]
    public async Task Pages_have_no_inline_script_or_style()
    {
        var html = await fixture.App.As(fixture.SecretNoForn).GetStringAsync("/search?q=cabinet");
        Assert.DoesNotMatch("<script(?![^>]*\\bsrc=)", html);
        Assert.DoesNotContain("style=", html);
        Assert.DoesNotContain("<style", html);
    }

    [Fact]
    public async Task Session_and_antiforgery_cookies_are_http_only_secure_and_same_site_strict()
    {
        var client = fixture.App.Anonymous();
        var form = await client.GetAsync("/account/sign-in");
        var response = await ArchiveApp.SignInResponseAsync(client, fixture.Confidential.Name, fixture.Confidential.Password);
        var cookies = form.Headers.GetValues("Set-Cookie").Concat(response.Headers.GetValues("Set-Cookie")).ToList();
        Assert.Contains(cookies, c => c.StartsWith("cablearchive.session=", StringComparison.Ordinal));
        Assert.Contains(cookies, c => c.StartsWith("cablearchive.antiforgery=", StringComparison.Ordinal));
        foreach (var cookie in cookies.Where(c => c.StartsWith("cablearchive.", StringComparison.Ordinal)))
        {
            var attributes = cookie.ToLowerInvariant();
            Assert.Contains("httponly", attributes);
            Assert.Contains("secure", attributes);
            Assert.Contains("samesite=strict", attributes);
        }
    }

    [Fact]
    public async Task A_form_posted_without_its_antiforgery_token_is_refused()
    {
        var client = fixture.App.Anonymous();
        await client.GetAsync("/account/sign-in");
        var response = await client.PostAsync("/account/sign-in", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["UserName"] = fixture.Confidential.Name,
            ["Password"] = fixture.Confidential.Password,
        }));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.DoesNotContain(response.Headers.TryGetValues("Set-Cookie", out var set) ? set : [], c => c.StartsWith("cablearchive.session=", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Every_post_form_carries_an_antiforgery_token()
    {
        var signedIn = await fixture.App.SignInAsync(fixture.Confidential);
        foreach (var path in new[] { "/cables/08TOKYO1001", "/search?q=cabinet", "/account/change-password", "/browse/tags" })
        {
            var html = await signedIn.GetStringAsync(path);
            var forms = Regex.Matches(html, "<form[^>]*method=\"post\"[^>]*>(.*?)</form>", RegexOptions.Singleline);
            Assert.NotEmpty(forms);
            Assert.All(forms, form => Assert.Contains("name=\"__RequestVerificationToken\"", form.Value));
        }

        Assert.Contains("name=\"__RequestVerificationToken\"", await fixture.App.Anonymous().GetStringAsync("/account/sign-in"));
    }

    [Fact]
    public async Task A_wrong_password_is_refused_and_a_one_time_password_must_be_changed()
    {
        var client = fixture.App.Anonymous();
        var wrong = await ArchiveApp.SignInResponseAsync(client, fixture.Confidential.Name, "not-the-password-1A");
        Assert.Equal(HttpStatusCode.OK, wrong.StatusCode);
        Assert.Contains("The user name or password is wrong.", await wrong.Content.ReadAsStringAsync());

        // A user as `users add` makes it: the one-time password leads to the change-password page, and nowhere else.
        var fresh = await fixture.App.CreateUserAsync("fresh-" + Guid.NewGuid().ToString("N")[..6], CableArchive.Domain.Classification.ClassificationLevel.Secret);
        await using (var flag = fixture.App.Archive.Database.DataSource.CreateCommand($"UPDATE users SET must_change_password = true WHERE user_name = '{fresh.Name}'"))
            await flag.ExecuteNonQueryAsync();
        var signIn = await ArchiveApp.SignInResponseAsync(client, fresh.Name, fresh.Password);
        Assert.Equal("/account/change-password", signIn.Headers.Location!.ToString());
        var page = await client.GetAsync("/cables/08TOKYO1002");
        Assert.Equal("/account/change-password", page.Headers.Location!.ToString());
    }

    [Fact]
    public async Task An_error_shows_a_correlation_id_and_no_stack_trace()
    {
        var response = await fixture.App.As(fixture.Confidential).GetAsync("/test/fail");
        var html = await response.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.InternalServerError, response.StatusCode);
        var correlation = Assert.Single(response.Headers.GetValues("X-Correlation-Id"));
        Assert.Contains($"<code class=\"correlation-id\">{correlation}</code>", html);
        Assert.DoesNotContain(ArchiveApp.FailingEndpoint.Secret, html);
        Assert.DoesNotContain("InvalidOperationException", html);
        Assert.DoesNotContain(" at ", html.Replace("</", "", StringComparison.Ordinal));
    }

    [Fact]
    public async Task An_unknown_page_is_a_404_page_with_a_correlation_id()
    {
        var response = await fixture.App.As(fixture.Confidential).GetAsync("/no/such/page");
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Contains("correlation-id", await response.Content.ReadAsStringAsync());
    }
}

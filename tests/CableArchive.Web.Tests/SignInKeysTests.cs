using System.Net;
using CableArchive.Domain.Classification;
using CableArchive.Tests.Web.Infrastructure;

namespace CableArchive.Tests.Web;

/// <summary>The keys that protect sign-in cookies are kept on disk: a restarted application still knows its analysts.</summary>
public sealed class SignInKeysTests
{
    [Fact]
    public async Task A_sign_in_cookie_outlives_a_restart_of_the_application()
    {
        await using var first = await ArchiveApp.StartAsync();
        var user = await first.CreateUserAsync("restart-reader", ClassificationLevel.Confidential);
        var signInCookies = new List<string>();
        var response = await PostSignInAsync(first, user, signInCookies);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var session = response.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith("cablearchive.session=", StringComparison.Ordinal)).Split(';')[0];
        Assert.NotEmpty(Directory.GetFiles(first.KeysFolder, "key-*.xml"));

        await using var restarted = ArchiveApp.RestartOf(first);
        var client = restarted.CreateClient(new() { AllowAutoRedirect = false, HandleCookies = false, BaseAddress = new Uri("https://localhost") });
        client.DefaultRequestHeaders.Add("Cookie", session);
        var page = await client.GetAsync("/browse/tags");
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);

        // The control: the same cookie means nothing to an application with other keys.
        await using var stranger = await ArchiveApp.StartAsync();
        var strangerClient = stranger.CreateClient(new() { AllowAutoRedirect = false, HandleCookies = false, BaseAddress = new Uri("https://localhost") });
        strangerClient.DefaultRequestHeaders.Add("Cookie", session);
        Assert.Equal(HttpStatusCode.Redirect, (await strangerClient.GetAsync("/browse/tags")).StatusCode);
    }

    private static async Task<HttpResponseMessage> PostSignInAsync(ArchiveApp app, TestUser user, List<string> cookies)
    {
        var client = app.CreateClient(new() { AllowAutoRedirect = false, HandleCookies = false, BaseAddress = new Uri("https://localhost") });
        var form = await client.GetAsync("/account/sign-in");
        cookies.AddRange(form.Headers.GetValues("Set-Cookie").Select(c => c.Split(';')[0]));
        var token = ArchiveApp.AntiforgeryToken(await form.Content.ReadAsStringAsync());
        using var request = new HttpRequestMessage(HttpMethod.Post, "/account/sign-in")
        {
            Content = new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["UserName"] = user.Name,
                ["Password"] = user.Password,
                ["__RequestVerificationToken"] = token,
            }),
        };
        request.Headers.Add("Cookie", string.Join("; ", cookies));
        return await client.SendAsync(request);
    }
}

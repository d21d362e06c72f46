using System.Net;
using System.Net.Http.Headers;
using System.Net.Sockets;
using System.Text.Json;
using CableArchive.Domain.Classification;
using CableArchive.Tests.Data.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace CableArchive.Tests.Data;

/// <summary>
/// <c>cablearchive users add</c> and <c>cablearchive serve</c> as processes, the way an admin starts a fresh archive:
/// create a user, start the server, and reach it with what <c>users add</c> printed.
/// </summary>
public sealed class UsersAndServeCommandTests : IAsyncLifetime
{
    private readonly ArchiveFixture fixture = new();

    public ValueTask InitializeAsync() => fixture.InitializeAsync();

    public ValueTask DisposeAsync() => fixture.DisposeAsync();

    [Fact]
    public async Task Users_add_prints_a_one_time_password_and_a_token_that_the_served_application_accepts()
    {
        var (exitCode, output, error) = await CliProcess.RunAsync(
            "users", "add", "process-analyst", "--role", "Analyst", "--clearance", "SECRET", "--caveats", "NOFORN", "--api-token", "--connection", fixture.ConnectionString);
        Assert.True(exitCode == 0, error);
        var token = Line(output, "token: ");
        Assert.False(string.IsNullOrWhiteSpace(Line(output, "password: ")));
        await using (var context = fixture.Archive.CreateDbContext())
        {
            var clearance = (await context.Users.SingleAsync(u => u.UserName == "process-analyst", TestContext.Current.CancellationToken)).ToClearance();
            Assert.Equal((ClassificationLevel.Secret, "NOFORN"), (clearance.Level, string.Join(",", clearance.Grants.Select(g => g.Code))));
        }

        var port = FreePort();
        using var server = StartServe(port, out var log, "--connection", fixture.ConnectionString);
        try
        {
            using var client = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}"), Timeout = TimeSpan.FromSeconds(10) };
            await WaitForHealthAsync(client, server, log);

            using var anonymous = await client.GetAsync("/api/search?q=cable", TestContext.Current.CancellationToken);
            Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);

            using var request = new HttpRequestMessage(HttpMethod.Get, "/api/search?q=cable");
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
            using var answer = await client.SendAsync(request, TestContext.Current.CancellationToken);
            Assert.Equal(HttpStatusCode.OK, answer.StatusCode);
            using var json = JsonDocument.Parse(await answer.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
            Assert.Equal(0, json.RootElement.GetProperty("total").GetInt64());
        }
        finally
        {
            server.Kill(entireProcessTree: true);
            await server.WaitForExitAsync(TestContext.Current.CancellationToken);
        }
    }

    [Fact]
    public async Task Serve_stops_the_embedded_server_it_started_when_it_is_stopped()
    {
        using var folder = new TempFolder();
        var port = FreePort();
        using var server = StartServe(port, out var log, "--data-dir", folder.Path);

        // PostgreSQL writes postmaster.pid while it runs and removes it when it shuts down cleanly.
        var serverPidFile = Path.Combine(folder.Path, "pg", "postmaster.pid");
        try
        {
            using var client = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}"), Timeout = TimeSpan.FromSeconds(10) };
            await WaitForHealthAsync(client, server, log);
            Assert.True(File.Exists(serverPidFile), "the embedded server is not where this test looks for it:\n" + string.Join("\n", log));

            // SIGTERM, as a service manager stops it (a terminal's Ctrl+C takes the same way out).
            using (var terminate = System.Diagnostics.Process.Start("kill", ["-TERM", server.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]))
                await terminate.WaitForExitAsync(TestContext.Current.CancellationToken);
            using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(1));
            await server.WaitForExitAsync(timeout.Token);

            Assert.Equal(0, server.ExitCode);
            Assert.False(File.Exists(serverPidFile), "serve exited and left its embedded PostgreSQL server running:\n" + string.Join("\n", log));
        }
        finally
        {
            if (!server.HasExited)
                server.Kill(entireProcessTree: true);
            // Never leave a server behind a failed run: its folder is deleted next.
            if (File.Exists(serverPidFile) && int.TryParse(File.ReadLines(serverPidFile).First(), out var postmaster))
                System.Diagnostics.Process.GetProcessById(postmaster).Kill();
        }
    }

    [Fact]
    public async Task Users_add_refuses_a_caveat_that_cannot_be_granted_with_one_line()
    {
        var (exitCode, _, error) = await CliProcess.RunAsync(
            "users", "add", "process-wrong", "--clearance", "SECRET", "--caveats", "SIPDIS", "--connection", fixture.ConnectionString);
        Assert.NotEqual(0, exitCode);
        Assert.StartsWith("error: ", Assert.Single(error.Split('\n', StringSplitOptions.RemoveEmptyEntries)));
        await using var context = fixture.Archive.CreateDbContext();
        Assert.False(await context.Users.AnyAsync(u => u.UserName == "process-wrong", TestContext.Current.CancellationToken));
    }

    private static string Line(string output, string prefix) =>
        output.Split('\n').Select(l => l.Trim()).Single(l => l.StartsWith(prefix, StringComparison.Ordinal))[prefix.Length..];

    /// <summary>Starts <c>cablearchive serve</c> on <paramref name="port"/> without samples, with its output collected.</summary>
    private static System.Diagnostics.Process StartServe(int port, out System.Collections.Concurrent.ConcurrentQueue<string> log, params string[] archive)
    {
        var server = CliProcess.Start(["serve", "--urls", $"http://127.0.0.1:{port}", "--no-samples", .. archive]);

        // The server logs every request: its output is drained as it comes, or a full pipe would stop it.
        var lines = new System.Collections.Concurrent.ConcurrentQueue<string>();
        server.OutputDataReceived += (_, line) => lines.Enqueue(line.Data ?? "");
        server.ErrorDataReceived += (_, line) => lines.Enqueue(line.Data ?? "");
        server.BeginOutputReadLine();
        server.BeginErrorReadLine();
        log = lines;
        return server;
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static async Task WaitForHealthAsync(HttpClient client, System.Diagnostics.Process server, IEnumerable<string> log)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromMinutes(2);
        while (DateTime.UtcNow < deadline)
        {
            Assert.False(server.HasExited, "serve exited:\n" + string.Join("\n", log));
            try
            {
                using var health = await client.GetAsync("/health");
                if (health.StatusCode == HttpStatusCode.OK)
                    return;
            }
            catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
            {
                // Not listening yet.
            }

            await Task.Delay(250);
        }

        Assert.Fail("serve did not answer /health within two minutes:\n" + string.Join("\n", log));
    }
}

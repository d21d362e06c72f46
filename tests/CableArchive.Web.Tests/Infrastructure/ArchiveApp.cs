using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.RegularExpressions;
using CableArchive.Data.Accounts;
using CableArchive.Data.Import;
using CableArchive.Domain.Classification;
using CableArchive.Web;
using CableArchive.Web.Accounts;
using CableArchive.Web.Hosting;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;

namespace CableArchive.Tests.Web.Infrastructure;

/// <summary>A test user: name, password, API token and the clearance it was made with.</summary>
/// <param name="Name">The user name.</param>
/// <param name="Password">The password (no longer one-time).</param>
/// <param name="Token">The bearer token.</param>
/// <param name="Clearance">The clearance.</param>
public sealed record TestUser(string Name, string Password, string Token, Clearance Clearance);

/// <summary>
/// The web application over its own fresh database on the test run's PostgreSQL cluster, with helpers to import
/// cables, make users and call the application as them.
/// </summary>
public sealed partial class ArchiveApp : WebApplicationFactory<Program>
{
    private readonly string logFolder = PostgresServer.NewFolder("logs");

    // A restarted application shares its predecessor's keys; only the first owner deletes them.
    private readonly bool ownsKeysFolder;

    // Configuration a test adds to the application's own (a shorter statement timeout, say).
    private readonly IReadOnlyDictionary<string, string> settings;

    private ArchiveApp(string connectionString, string? keysFolder = null, IReadOnlyDictionary<string, string>? settings = null)
    {
        ConnectionString = connectionString;
        this.settings = settings ?? new Dictionary<string, string>();
        ownsKeysFolder = keysFolder is null;
        KeysFolder = keysFolder ?? PostgresServer.NewFolder("keys");
    }

    /// <summary>The folder of the application's data-protection keys (sign-in cookies, antiforgery tokens).</summary>
    public string KeysFolder { get; }

    /// <summary>The database's connection string (as its owner).</summary>
    public string ConnectionString { get; }

    /// <summary>The archive as the application opened it.</summary>
    public WebArchive Archive => Services.GetRequiredService<WebArchive>();

    /// <summary>The address of the real server, when started with one.</summary>
    public Uri? ServerAddress { get; private set; }

    /// <summary>A second application on the same database and keys, as after a restart of <paramref name="previous"/>.</summary>
    public static ArchiveApp RestartOf(ArchiveApp previous)
    {
        var app = new ArchiveApp(previous.ConnectionString, previous.KeysFolder);
        _ = app.Services; // starts the host
        return app;
    }

    /// <summary>
    /// Starts an application on a new, empty, migrated database; with <paramref name="kestrel"/>, on a real loopback port;
    /// with <paramref name="settings"/> added to its configuration.
    /// </summary>
    public static async Task<ArchiveApp> StartAsync(bool kestrel = false, IReadOnlyDictionary<string, string>? settings = null)
    {
        var app = new ArchiveApp(await PostgresServer.Current.CreateDatabaseAsync(), settings: settings);
        if (kestrel)
        {
            app.UseKestrel(0);
            app.StartServer();
            var addresses = app.Services.GetRequiredService<Microsoft.AspNetCore.Hosting.Server.IServer>()
                .Features.Get<Microsoft.AspNetCore.Hosting.Server.Features.IServerAddressesFeature>()!.Addresses;
            app.ServerAddress = new Uri(addresses.First().Replace("localhost", "127.0.0.1", StringComparison.Ordinal));
        }
        else
        {
            _ = app.Services; // starts the host
        }

        return app;
    }

    /// <inheritdoc />
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        builder.UseSetting("ConnectionStrings:Archive", ConnectionString);
        builder.UseSetting("Logging:Folder", logFolder);
        builder.UseSetting("DataProtection:KeysFolder", KeysFolder);
        builder.UseSetting("Archive:ImportSampleData", "false");
        builder.UseSetting("Serilog:MinimumLevel:Default", "Warning");
        foreach (var (key, value) in settings)
            builder.UseSetting(key, value);
        builder.ConfigureTestServices(services => services.AddSingleton<IStartupFilter, FailingEndpoint>());
    }

    /// <summary>Imports cable texts (file name, content) through the real import path (parser included), as <paramref name="release"/> when given.</summary>
    public async Task<ImportSummary> ImportAsync(IEnumerable<(string FileName, string Text)> cables, ImportRelease? release = null)
    {
        var folder = PostgresServer.NewFolder("import");
        Directory.CreateDirectory(folder);
        try
        {
            foreach (var (name, text) in cables)
                await File.WriteAllTextAsync(Path.Combine(folder, name), text, new UTF8Encoding(false));
            var summary = await new ArchiveImporter(Archive.Database, new ImportOptions { Release = release }).ImportAsync([folder]);
            Assert.Null(summary.Fatal);
            return summary;
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    /// <summary>Creates a user with a token and a password that need not be changed.</summary>
    public async Task<TestUser> CreateUserAsync(string name, ClassificationLevel level, string[]? grants = null, string[]? roles = null)
    {
        await using var services = AccountServices.Create(Archive.Database.DataSource);
        await using var scope = services.CreateAsyncScope();
        var created = await scope.ServiceProvider.GetRequiredService<UserAdministration>()
            .CreateAsync(new NewUser(name, roles ?? [ArchiveRoles.Analyst], level, grants ?? [], WithApiToken: true), "test");
        await using var ready = Archive.Database.DataSource.CreateCommand("UPDATE users SET must_change_password = false WHERE user_name = $1");
        ready.Parameters.Add(new Npgsql.NpgsqlParameter { Value = name });
        await ready.ExecuteNonQueryAsync();
        return new TestUser(name, created.Password, created.ApiToken!, created.User.ToClearance());
    }

    /// <summary>Changes a user's clearance as an admin would.</summary>
    public async Task SetClearanceAsync(string name, ClassificationLevel level, params string[] grants)
    {
        await using var services = AccountServices.Create(Archive.Database.DataSource);
        await using var scope = services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<UserAdministration>().SetClearanceAsync(name, level, grants, "test-admin");
    }

    /// <summary>A client over HTTPS that keeps cookies and does not follow redirects.</summary>
    public HttpClient Anonymous() => CreateClient(new WebApplicationFactoryClientOptions
    {
        BaseAddress = new Uri("https://localhost"),
        AllowAutoRedirect = false,
        HandleCookies = true,
    });

    /// <summary>
    /// Locks the portions table in a transaction of its own until the result is disposed (rolled back): every statement
    /// that reads portions (a search, a cable page) waits, while sign-in and the audit do not.
    /// </summary>
    public async Task<IAsyncDisposable> LockPortionsAsync()
    {
        var connection = new Npgsql.NpgsqlConnection(ConnectionString);
        await connection.OpenAsync();
        var transaction = await connection.BeginTransactionAsync();
        await using (var lockPortions = new Npgsql.NpgsqlCommand("LOCK TABLE paragraphs IN ACCESS EXCLUSIVE MODE", connection, transaction))
            await lockPortions.ExecuteNonQueryAsync();
        return new HeldLock(connection, transaction);
    }

    /// <summary>Runs <paramref name="sql"/> as the database's owner (the application's own role may only read most tables).</summary>
    public async Task ExecuteAsOwnerAsync(string sql)
    {
        await using var connection = new Npgsql.NpgsqlConnection(ConnectionString);
        await connection.OpenAsync();
        await using var command = new Npgsql.NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }

    /// <summary>The first column of every row <paramref name="sql"/> returns, as text.</summary>
    public async Task<List<string>> QueryTextsAsync(string sql)
    {
        await using var command = Archive.Database.DataSource.CreateCommand(sql);
        await using var reader = await command.ExecuteReaderAsync();
        var texts = new List<string>();
        while (await reader.ReadAsync())
            texts.Add(reader.GetString(0));
        return texts;
    }

    /// <summary>A client that sends <paramref name="user"/>'s bearer token with every request.</summary>
    public HttpClient As(TestUser user)
    {
        var client = Anonymous();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", user.Token);
        return client;
    }

    /// <summary>A client signed in with <paramref name="user"/>'s password through the sign-in form (cookie).</summary>
    public async Task<HttpClient> SignInAsync(TestUser user)
    {
        var client = Anonymous();
        var response = await SignInResponseAsync(client, user.Name, user.Password);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        return client;
    }

    /// <summary>Posts the sign-in form with its antiforgery token.</summary>
    public static async Task<HttpResponseMessage> SignInResponseAsync(HttpClient client, string name, string password)
    {
        var form = await client.GetStringAsync("/account/sign-in");
        var token = AntiforgeryToken(form);
        return await client.PostAsync("/account/sign-in", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["UserName"] = name,
            ["Password"] = password,
            ["__RequestVerificationToken"] = token,
        }));
    }

    /// <summary>The antiforgery token of the first form in <paramref name="html"/>.</summary>
    public static string AntiforgeryToken(string html) =>
        AntiforgeryField().Match(html) is { Success: true } match ? match.Groups[1].Value : throw new InvalidOperationException("No antiforgery token in the page.");

    /// <inheritdoc />
    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        DeleteFolder(logFolder);
        if (ownsKeysFolder)
            DeleteFolder(KeysFolder);
    }

    private static void DeleteFolder(string folder)
    {
        try
        {
            if (Directory.Exists(folder))
                Directory.Delete(folder, recursive: true);
        }
        catch (IOException)
        {
        }
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex AntiforgeryField();

    /// <summary>A lock held by a transaction: rolled back, and so released, when disposed.</summary>
    private sealed class HeldLock(Npgsql.NpgsqlConnection connection, Npgsql.NpgsqlTransaction transaction) : IAsyncDisposable
    {
        public async ValueTask DisposeAsync()
        {
            await transaction.RollbackAsync();
            await connection.DisposeAsync();
        }
    }

    /// <summary>Adds <c>/test/fail</c>, which throws, to see the error page.</summary>
    internal sealed class FailingEndpoint : IStartupFilter
    {
        public const string Secret = "SECRET-STACK-DETAIL-42";

        public Action<Microsoft.AspNetCore.Builder.IApplicationBuilder> Configure(Action<Microsoft.AspNetCore.Builder.IApplicationBuilder> next) => app =>
        {
            next(app);

            // Reached when no endpoint matched, inside the application's error handling.
            app.Use(following => context => context.Request.Path == "/test/fail"
                ? throw new InvalidOperationException(Secret)
                : following(context));
        };
    }
}

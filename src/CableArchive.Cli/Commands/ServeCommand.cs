using System.CommandLine;
using CableArchive.Data;
using CableArchive.Web.Hosting;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;
using Serilog;

namespace CableArchive.Cli.Commands;

/// <summary>
/// <c>cablearchive serve [--urls URL] [--data-dir DIR] [--connection STRING] [--no-samples]</c>: hosts the analysts'
/// web application in this process, on the embedded PostgreSQL cluster unless a server is given. On first start an
/// empty archive gets the sample cables and the first users, whose one-time passwords are printed.
/// </summary>
internal static class ServeCommand
{
    public static Command Create()
    {
        var urls = new Option<string>("--urls") { Description = "Where to listen.", DefaultValueFactory = _ => "http://127.0.0.1:5080" };
        var noSamples = new Option<bool>("--no-samples") { Description = "Do not import sample cables or create the first users into an empty archive." };
        var archive = new ArchiveOptions();
        var command = new Command("serve", "Run the web application (sign-in, reading, search, JSON API).") { urls, noSamples };
        archive.AddTo(command);
        command.SetAction((parseResult, cancellationToken) =>
            RunAsync(parseResult.GetValue(urls)!, !parseResult.GetValue(noSamples), archive.Location(parseResult), cancellationToken));
        return command;
    }

    private static async Task<int> RunAsync(string urls, bool samples, ArchiveLocation location, CancellationToken cancellationToken)
    {
        Log.Logger = LoggingSetup.CreateBootstrapLogger();
        try
        {
            // Disposing the application disposes the archive it opened, which stops the embedded server it started.
            await using var app = CableArchive.Web.Program.Build([], builder =>
            {
                builder.WebHost.UseUrls(urls);
                builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
                {
                    ["ConnectionStrings:Archive"] = location.ConnectionString,
                    ["Archive:DataDirectory"] = location.DataDirectory,
                    ["Archive:ImportSampleData"] = samples ? "true" : "false",
                });
            }, contentRoot: AppContext.BaseDirectory);
            Log.Information("Starting the web application on {Urls}", urls);
            await app.StartAsync(cancellationToken);
            await app.WaitForShutdownAsync(cancellationToken);
            return 0;
        }
        catch (Exception e) when (Unavailable(e) is { } reason)
        {
            Console.Error.WriteLine($"error: {reason.Message}");
            return 1;
        }
        catch (OperationCanceledException)
        {
            return 0;
        }
        finally
        {
            await Log.CloseAndFlushAsync();
        }
    }

    // The archive is opened while the host starts; its one-line reason may come wrapped in the host's exceptions.
    private static ArchiveUnavailableException? Unavailable(Exception? e)
    {
        for (; e is not null; e = e.InnerException)
        {
            if (e is ArchiveUnavailableException unavailable)
                return unavailable;
            if (e is AggregateException aggregate && aggregate.InnerExceptions.Select(Unavailable).FirstOrDefault(x => x is not null) is { } found)
                return found;
        }

        return null;
    }
}

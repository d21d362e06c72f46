using System.Diagnostics;
using CableArchive.Tests;

namespace CableArchive.Tests.Data.Infrastructure;

/// <summary>Runs the real <c>cablearchive</c> program as a child process, as a user would, so that it can be killed.</summary>
internal static class CliProcess
{
    private static string Configuration =>
#if DEBUG
        "Debug";
#else
        "Release";
#endif

    /// <summary>The built program (the test project builds the CLI project first).</summary>
    public static string ProgramPath => Path.Combine(SharedCorpus.RepositoryRoot, "src", "CableArchive.Cli", "bin", Configuration, "net10.0", "cablearchive.dll");

    /// <summary>Starts the program with its output captured.</summary>
    public static Process Start(params string[] arguments)
    {
        var info = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        info.ArgumentList.Add(ProgramPath);
        foreach (var argument in arguments)
            info.ArgumentList.Add(argument);

        // The child must use only what the test gives it.
        info.Environment.Remove("ConnectionStrings__Archive");
        info.Environment["NO_COLOR"] = "1";
        return Process.Start(info) ?? throw new InvalidOperationException("cannot start the cablearchive program");
    }

    /// <summary>Runs the program to the end.</summary>
    public static async Task<(int ExitCode, string Output, string Error)> RunAsync(params string[] arguments)
    {
        using var process = Start(arguments);
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(3));
        await process.WaitForExitAsync(timeout.Token);
        return (process.ExitCode, await output, await error);
    }
}

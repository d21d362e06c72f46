using System.Globalization;
using CableArchive.Data;
using CableArchive.Data.Import;
using CableArchive.Data.Model;
using Microsoft.EntityFrameworkCore;

namespace CableArchive.Web.Importing;

/// <summary>
/// Where an import run stands, for its page and its JSON status: the run's row in <c>import_runs</c> (updated at every
/// committed batch, by any process), overlaid with the live counters when the run is this server's upload in progress.
/// </summary>
public sealed record ImportStatus
{
    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    /// <summary>The run.</summary>
    public required ImportRun Run { get; init; }

    /// <summary>The upload being imported in the run on this server, if it is one.</summary>
    public ImportJob? Job { get; init; }

    /// <summary>Records read and committed.</summary>
    public long RecordsRead { get; init; }

    /// <summary>Cables new to the archive.</summary>
    public long NewCables { get; init; }

    /// <summary>Versions new to the archive.</summary>
    public long NewVersions { get; init; }

    /// <summary>Records the archive already held.</summary>
    public long Unchanged { get; init; }

    /// <summary>Records quarantined.</summary>
    public long Quarantined { get; init; }

    /// <summary>Input bytes read.</summary>
    public long BytesRead { get; init; }

    /// <summary>Input bytes in all, when known (live runs only).</summary>
    public long? TotalBytes { get; init; }

    /// <summary>Whether the run has ended (this page will not change any more).</summary>
    public bool Finished { get; init; }

    /// <summary>Whether this server can stop it: the upload is being imported here and nobody asked yet.</summary>
    public bool CanCancel => Job is { State: ImportJobState.Running, CancelRequested: false };

    /// <summary>Records per second over the run so far.</summary>
    public double? CablesPerSecond => Elapsed is { TotalSeconds: >= 1 } elapsed ? RecordsRead / elapsed.TotalSeconds : null;

    /// <summary>How long the rest should take at the rate so far, from the input bytes still to read (live runs only).</summary>
    public TimeSpan? Remaining => !Finished && TotalBytes is > 0 && BytesRead > 0 && Elapsed is { } elapsed
        ? TimeSpan.FromSeconds(elapsed.TotalSeconds * Math.Max(0, TotalBytes.Value - BytesRead) / BytesRead)
        : null;

    /// <summary>How far through its input the run is, 0 to 100 (live runs only).</summary>
    public double? Percent => Finished ? 100 : TotalBytes is > 0 ? Math.Min(100, 100.0 * BytesRead / TotalBytes.Value) : null;

    /// <summary>The state in words.</summary>
    public string State => Job?.Progress is { } progress && !Finished
        ? (Job.CancelRequested ? "cancelling" : progress.Phase.ToString().ToLowerInvariant())
        : Describe(Run.Status);

    private TimeSpan? Elapsed => (Run.FinishedAt ?? (Finished ? null : DateTime.UtcNow)) - Run.StartedAt;

    /// <summary>The run's status, or null when there is no run <paramref name="runId"/>.</summary>
    public static async Task<ImportStatus?> ReadAsync(ArchiveDbContext context, ImportQueue queue, long runId, CancellationToken cancellationToken)
    {
        var run = await context.ImportRuns.AsNoTracking().FirstOrDefaultAsync(r => r.Id == runId, cancellationToken);
        if (run is null)
            return null;
        var job = queue.FindByRun(runId);
        if (job?.Progress is { } progress && job.State == ImportJobState.Running)
        {
            return new ImportStatus
            {
                Run = run,
                Job = job,
                RecordsRead = progress.RecordsCommitted,
                NewCables = progress.NewCables,
                NewVersions = progress.NewVersions,
                Unchanged = progress.Unchanged,
                Quarantined = progress.Quarantined,
                BytesRead = progress.BytesRead,
                TotalBytes = progress.TotalBytes,
            };
        }

        return FromRun(run, job);
    }

    /// <summary>The status as the run's row tells it.</summary>
    public static ImportStatus FromRun(ImportRun run, ImportJob? job = null) => new()
    {
        Run = run,
        Job = job,
        RecordsRead = run.RecordsRead,
        NewCables = run.NewCables,
        NewVersions = run.NewVersions,
        Unchanged = run.Unchanged,
        Quarantined = run.Quarantined,
        BytesRead = run.BytesRead,
        Finished = run.Status != ImportRunStatus.Running,
    };

    /// <summary>A run's status in words.</summary>
    public static string Describe(ImportRunStatus status) => status switch
    {
        ImportRunStatus.Running => "running",
        ImportRunStatus.Succeeded => "succeeded",
        ImportRunStatus.SucceededWithQuarantine => "succeeded, some quarantined",
        ImportRunStatus.Failed => "failed",
        ImportRunStatus.Interrupted => "interrupted",
        ImportRunStatus.Cancelled => "cancelled",
        _ => status.ToString(),
    };

    /// <summary>The figures as the page shows them, by name: the page renders them and the polling script replaces them.</summary>
    public IReadOnlyDictionary<string, string> Display() => new Dictionary<string, string>
    {
        ["state"] = State,
        ["read"] = Count(RecordsRead),
        ["newCables"] = Count(NewCables),
        ["newVersions"] = Count(NewVersions),
        ["unchanged"] = Count(Unchanged),
        ["quarantined"] = Count(Quarantined),
        ["bytes"] = TotalBytes is > 0 ? $"{Size(BytesRead)} of {Size(TotalBytes.Value)}" : Size(BytesRead),
        ["rate"] = CablesPerSecond is { } rate ? rate.ToString("N0", Invariant) + " cables/s" : "–",
        ["eta"] = Finished ? "done" : Remaining is { } remaining ? Duration(remaining) : "–",
    };

    /// <summary>A count as the pages show it.</summary>
    public static string Count(long value) => value.ToString("N0", Invariant);

    /// <summary>A size in bytes, in the largest unit that keeps it above 1.</summary>
    public static string Size(long bytes) => bytes switch
    {
        >= 1L << 30 => (bytes / (double)(1L << 30)).ToString("0.0", Invariant) + " GiB",
        >= 1L << 20 => (bytes / (double)(1L << 20)).ToString("0.0", Invariant) + " MiB",
        >= 1L << 10 => (bytes / (double)(1L << 10)).ToString("0.0", Invariant) + " KiB",
        _ => bytes.ToString(Invariant) + " bytes",
    };

    private static string Duration(TimeSpan span) => span.TotalHours >= 1
        ? $"{(int)span.TotalHours} h {span.Minutes} min"
        : span.TotalMinutes >= 1 ? $"{span.Minutes} min {span.Seconds} s" : $"{Math.Max(1, span.Seconds)} s";
}

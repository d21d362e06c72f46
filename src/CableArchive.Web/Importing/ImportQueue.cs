using System.Collections.Concurrent;
using System.Threading.Channels;
using CableArchive.Data.Import;

namespace CableArchive.Web.Importing;

/// <summary>Where an uploaded dump is on its way into the archive.</summary>
public enum ImportJobState
{
    /// <summary>Waiting for the import before it to end.</summary>
    Queued,

    /// <summary>Being imported.</summary>
    Running,

    /// <summary>Imported, failed, or cancelled (before or during its run).</summary>
    Finished,
}

/// <summary>
/// One uploaded dump and its import: who uploaded it, the live counters while it runs, the summary once it ends. Lives
/// in the server's memory, so that an archivist can leave its page and come back; the run itself is in <c>import_runs</c>.
/// </summary>
public sealed class ImportJob
{
    private readonly CancellationTokenSource cancellation = new();

    internal ImportJob(string fileName, string filePath, long bytes, long userId, string userName, ImportRelease? release)
    {
        FileName = fileName;
        FilePath = filePath;
        Bytes = bytes;
        UserId = userId;
        UserName = userName;
        Release = release;
    }

    /// <summary>The job's id (the upload's page), known before the run has one.</summary>
    public Guid Id { get; } = Guid.NewGuid();

    /// <summary>The uploaded file's name, made safe.</summary>
    public string FileName { get; }

    /// <summary>Where the upload is on disk until the import ends.</summary>
    public string FilePath { get; }

    /// <summary>The upload's size.</summary>
    public long Bytes { get; }

    /// <summary>The account that uploaded it.</summary>
    public long UserId { get; }

    /// <summary>That account's name.</summary>
    public string UserName { get; }

    /// <summary>The release the archivist said the upload is a complete snapshot of; null for a partial dump.</summary>
    public ImportRelease? Release { get; }

    /// <summary>When it was queued.</summary>
    public DateTime QueuedAt { get; } = DateTime.UtcNow;

    /// <summary>When its import started.</summary>
    public DateTime? StartedAt { get; private set; }

    /// <summary>Where it is.</summary>
    public ImportJobState State { get; private set; }

    /// <summary>The live counters, once the import has started.</summary>
    public ImportProgress? Progress { get; private set; }

    /// <summary>What the import did, once it ended; null when it was cancelled before it started.</summary>
    public ImportSummary? Summary { get; private set; }

    /// <summary>The run in <c>import_runs</c>, once it has started.</summary>
    public long? RunId => Progress is { RunId: > 0 } progress ? progress.RunId : null;

    /// <summary>Whether someone asked it to stop.</summary>
    public bool CancelRequested => cancellation.IsCancellationRequested;

    /// <summary>Stops it: a queued job never starts, a running import stops after the batch it is writing.</summary>
    public void Cancel() => cancellation.Cancel();

    internal CancellationToken CancellationToken => cancellation.Token;

    internal void Start(ImportProgress progress)
    {
        Progress = progress;
        StartedAt = DateTime.UtcNow;
        State = ImportJobState.Running;
    }

    internal void Finish(ImportSummary? summary)
    {
        Summary = summary;
        State = ImportJobState.Finished;
    }
}

/// <summary>
/// The uploads waiting for import, in order, and the jobs of this server's life (the most recent
/// <see cref="KeptJobs"/>), found by job id or run id. <see cref="ImportWorker"/> takes them one at a time.
/// </summary>
public sealed class ImportQueue
{
    /// <summary>Finished jobs kept for their pages; older ones are dropped (their runs stay in <c>import_runs</c>).</summary>
    public const int KeptJobs = 200;

    private readonly Channel<ImportJob> waiting = Channel.CreateUnbounded<ImportJob>(new UnboundedChannelOptions { SingleReader = true });
    private readonly ConcurrentDictionary<Guid, ImportJob> jobs = new();

    /// <summary>The jobs not yet finished, oldest first.</summary>
    public IReadOnlyList<ImportJob> Active => jobs.Values.Where(j => j.State != ImportJobState.Finished).OrderBy(j => j.QueuedAt).ToList();

    internal ChannelReader<ImportJob> Waiting => waiting.Reader;

    /// <summary>Queues an uploaded file for import, as a complete <paramref name="release"/> when one is given.</summary>
    public ImportJob Enqueue(string fileName, string filePath, long bytes, long userId, string userName, ImportRelease? release = null)
    {
        var job = new ImportJob(fileName, filePath, bytes, userId, userName, release);
        jobs[job.Id] = job;
        ForgetOldJobs();
        if (!waiting.Writer.TryWrite(job))
            throw new InvalidOperationException("The import queue is closed.");
        return job;
    }

    /// <summary>The job with id <paramref name="id"/>, if this server still knows it.</summary>
    public ImportJob? Find(Guid id) => jobs.GetValueOrDefault(id);

    /// <summary>The job of run <paramref name="runId"/>, if it ran on this server and is still known.</summary>
    public ImportJob? FindByRun(long runId) => jobs.Values.FirstOrDefault(j => j.RunId == runId);

    /// <summary>The jobs still waiting, for the worker to clean up when the server stops.</summary>
    internal IEnumerable<ImportJob> DrainWaiting()
    {
        waiting.Writer.TryComplete();
        while (waiting.Reader.TryRead(out var job))
            yield return job;
    }

    private void ForgetOldJobs()
    {
        var finished = jobs.Values.Where(j => j.State == ImportJobState.Finished).OrderByDescending(j => j.QueuedAt).Skip(KeptJobs);
        foreach (var job in finished)
            jobs.TryRemove(job.Id, out _);
    }
}

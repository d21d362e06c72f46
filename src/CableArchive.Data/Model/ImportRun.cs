namespace CableArchive.Data.Model;

/// <summary>How an import run ended, or that it is still going.</summary>
public enum ImportRunStatus
{
    /// <summary>Still running (or killed: the next run marks it <see cref="Interrupted"/>).</summary>
    Running = 0,

    /// <summary>Finished; nothing quarantined.</summary>
    Succeeded = 1,

    /// <summary>Finished; some records were quarantined.</summary>
    SucceededWithQuarantine = 2,

    /// <summary>Stopped on an error (unreadable input, database gone); what was committed stays.</summary>
    Failed = 3,

    /// <summary>The process ended without finishing (killed); a later run found it.</summary>
    Interrupted = 4,

    /// <summary>Stopped on request (an archivist's cancel, Ctrl+C); the batches committed before stay.</summary>
    Cancelled = 5,
}

/// <summary>One run of <c>cablearchive import</c> or <c>reparse</c>: who, when, what, and what came of it.</summary>
public sealed class ImportRun
{
    /// <summary>Surrogate key.</summary>
    public long Id { get; set; }

    /// <summary><c>import</c>, <c>reparse</c>, <c>bench</c>, <c>upload</c> (web) or <c>quarantine</c> (a fixed record).</summary>
    public required string Kind { get; set; }

    /// <summary>Who ran it: the operating-system user for the command line, the account name for a web upload or quarantine fix.</summary>
    public required string UserName { get; set; }

    /// <summary>The machine it ran on.</summary>
    public required string HostName { get; set; }

    /// <summary>The paths given.</summary>
    public List<string> Inputs { get; set; } = [];

    /// <summary>When it started.</summary>
    public DateTime StartedAt { get; set; }

    /// <summary>When it ended; null while running or when killed.</summary>
    public DateTime? FinishedAt { get; set; }

    /// <summary>How it ended.</summary>
    public ImportRunStatus Status { get; set; }

    /// <summary>Records read (committed batches only): always <see cref="NewVersions"/> + <see cref="Unchanged"/> + <see cref="Quarantined"/>.</summary>
    public long RecordsRead { get; set; }

    /// <summary>Cables new to the archive.</summary>
    public long NewCables { get; set; }

    /// <summary>Versions new to the archive (a new cable's first text counts).</summary>
    public long NewVersions { get; set; }

    /// <summary>Records whose text the archive already held.</summary>
    public long Unchanged { get; set; }

    /// <summary>Records quarantined.</summary>
    public long Quarantined { get; set; }

    /// <summary>Input bytes read (as stored on disk, compressed for archives).</summary>
    public long BytesRead { get; set; }

    /// <summary>One line per input that could not be read, and the fatal error if any.</summary>
    public List<string> Errors { get; set; } = [];

    /// <summary>
    /// The name of the release this run imports, when the archivist marked its input a complete snapshot of a
    /// publication (<c>import --release NAME</c>); null for an ordinary run, which never implies that a cable was removed.
    /// </summary>
    public string? ReleaseName { get; set; }

    /// <summary>When the release was published (<c>--released-at</c>), else when its run started; null when <see cref="ReleaseName"/> is.</summary>
    public DateTime? ReleasedAt { get; set; }
}

namespace CableArchive.Data.Import;

/// <summary>
/// Limits that keep a hostile or broken archive from exhausting the machine. A zip bomb is caught by the expanded size
/// and by the ratio of expanded to compressed bytes; an entry too large to be one cable is refused before it is read whole.
/// </summary>
public sealed record ArchiveLimits
{
    /// <summary>The most bytes all entries of one archive may expand to (default 64 GiB: the whole cables.csv is 1.6 GB).</summary>
    public long MaxExpandedBytes { get; init; } = 64L << 30;

    /// <summary>
    /// The most an archive may expand relative to its own size (default 100: cable text compresses about 5 to 10 times;
    /// a zip bomb, thousands of times).
    /// </summary>
    public double MaxRatio { get; init; } = 100;

    /// <summary>Expansion below this many bytes is never judged by ratio, so that a small archive of small files passes (default 64 MiB).</summary>
    public long RatioGraceBytes { get; init; } = 64L << 20;

    /// <summary>The largest single-record entry or file read whole (default 64 MiB; cables.csv is streamed row by row instead).</summary>
    public long MaxRecordBytes { get; init; } = 64L << 20;

    /// <summary>The defaults.</summary>
    public static ArchiveLimits Default { get; } = new();
}

/// <summary>How an import runs.</summary>
public sealed record ImportOptions
{
    /// <summary>Archive limits.</summary>
    public ArchiveLimits Limits { get; init; } = ArchiveLimits.Default;

    /// <summary>Parser threads; every core by default.</summary>
    public int Parallelism { get; init; } = Environment.ProcessorCount;

    /// <summary>Records per merge transaction.</summary>
    public int BatchRecords { get; init; } = 1000;

    /// <summary>Text bytes (UTF-16, as held in memory) per merge transaction, whichever of the two limits comes first.</summary>
    public long BatchBytes { get; init; } = 12L << 20;

    /// <summary>Whether to compute full-text vectors after the records are committed (the default); the benchmark times that phase on its own.</summary>
    public bool IndexAfterImport { get; init; } = true;

    /// <summary>What <see cref="Model.ImportRun.Kind"/> says.</summary>
    public string RunKind { get; init; } = "import";

    /// <summary>Who <see cref="Model.ImportRun.UserName"/> credits the run to; the operating-system user when null.</summary>
    public string? UserName { get; init; }

    /// <summary>The release the input is a complete snapshot of; null for an ordinary (partial) import.</summary>
    public ImportRelease? Release { get; init; }
}

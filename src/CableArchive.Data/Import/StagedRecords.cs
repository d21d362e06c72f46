using System.Text;
using CableArchive.Domain.Cables;

namespace CableArchive.Data.Import;

/// <summary>Where a record came from, kept with its version or its quarantine row.</summary>
/// <param name="Path">The file or archive entry.</param>
/// <param name="Row">The 1-based data row of a cables.csv.</param>
/// <param name="Offset">The byte offset of the record in its file, where known.</param>
internal sealed record RecordOrigin(string Path, int? Row, long? Offset)
{
    /// <summary>
    /// The name the container reader takes its hint from when the record is read again on its own: the entry's name for
    /// an archive entry (<c>dump.zip!a/b.html</c>), so that its extension, not the archive's, is the hint.
    /// </summary>
    public string ReaderHint => Path.Contains('!', StringComparison.Ordinal) ? Path[(Path.LastIndexOf('!') + 1)..] : Path;
}

/// <summary>A record after parsing: a cable ready to stage, or a record to quarantine.</summary>
internal abstract record ProcessedRecord
{
    /// <summary>Bytes of text it carries, to size batches.</summary>
    public abstract long Weight { get; }
}

/// <summary>One portion (paragraph or subject) in the columns the portion tables hold; its text UTF-8 encoded, as it is sent to PostgreSQL (see <see cref="StagedCable.Utf8Text"/>).</summary>
internal sealed record StagedPortion(
    string? Number,
    short Depth,
    short MarkStatus,
    string? Mark,
    short? MarkLevel,
    string[] MarkCaveats,
    short ReadLevel,
    string[] ReadCaveats,
    byte[] Utf8Text,
    int SpanStart,
    int SpanLength)
{
    public string Text => Encoding.UTF8.GetString(Utf8Text);
}

/// <summary>One TAGS entry.</summary>
internal sealed record StagedTag(string Code, short Kind);

/// <summary>One REF item or container-listed reference.</summary>
internal sealed record StagedReference(string? Label, string Raw, short Kind, string? TargetReferenceId, bool FromContainer);

/// <summary>A parsed cable, flattened into the rows the archive stores, computed on a parser thread.</summary>
internal sealed record StagedCable : ProcessedRecord
{
    public required string ReferenceId { get; init; }

    public required byte[] TextSha256 { get; init; }

    /// <summary>
    /// The cable's text, UTF-8 encoded as it is hashed and sent to PostgreSQL. Staged records wait in the pipeline for
    /// their batch, long enough for the garbage collector to copy them into its older generations; kept as UTF-8 rather
    /// than as .NET strings they are half the size, and the parser's strings die young (docs/scaling.md, session 16).
    /// </summary>
    public required byte[] Utf8Text { get; init; }

    /// <summary>The text, decoded (for the naive baseline and tests).</summary>
    public string Text => Encoding.UTF8.GetString(Utf8Text);

    /// <summary>The record as read, when it differs from <see cref="Utf8Text"/>.</summary>
    public byte[]? RawRecord { get; init; }

    public required RecordOrigin Origin { get; init; }

    public CableFormat Format { get; init; }

    public DateTime? ReleasedAt { get; init; }

    public required string DiagnosticsJson { get; init; }

    public string[] Aliases { get; init; } = [];

    public DateTime? CreatedAt { get; init; }

    public string? Post { get; init; }

    public string? Classification { get; init; }

    public short? ClassificationLevel { get; init; }

    public string[] ClassificationCaveats { get; init; } = [];

    public string? Precedence { get; init; }

    public string? DateTimeGroup { get; init; }

    public string? FromAddressee { get; init; }

    public string[] ToAddressees { get; init; } = [];

    public string[] InfoAddressees { get; init; } = [];

    public string[] Captions { get; init; } = [];

    public string? ExecutiveOrder { get; init; }

    public DateOnly? DeclassifyOn { get; init; }

    public bool Partial { get; init; }

    public int RedactionCount { get; init; }

    public StagedPortion[] Paragraphs { get; init; } = [];

    public StagedPortion? Subject { get; init; }

    public StagedTag[] Tags { get; init; } = [];

    public StagedReference[] References { get; init; } = [];

    /// <summary>The run that first imported the text, when it is being re-parsed; else the current run.</summary>
    public long? ImportRunId { get; init; }

    /// <summary>When the text first entered the archive, when it is being re-parsed.</summary>
    public DateTime? ImportedAt { get; init; }

    public override long Weight => Utf8Text.Length * 2L + (RawRecord?.Length ?? 0);
}

/// <summary>A record kept aside with its reason and raw bytes.</summary>
internal sealed record StagedQuarantine : ProcessedRecord
{
    public required RecordOrigin Origin { get; init; }

    public CableFormat? Format { get; init; }

    public required string Reason { get; init; }

    public required byte[] Raw { get; init; }

    public required byte[] RawSha256 { get; init; }

    public override long Weight => Raw.Length;
}

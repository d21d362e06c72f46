using CableArchive.Domain.Cables;

namespace CableArchive.Data.Model;

/// <summary>Where a quarantined record stands in an archivist's review.</summary>
public enum QuarantineStatus
{
    /// <summary>Waiting for review.</summary>
    Open = 0,

    /// <summary>Its edited text parsed and was imported as a cable (<see cref="QuarantinedRecord.CableReferenceId"/>).</summary>
    Imported = 1,

    /// <summary>Set aside for good, with the reviewer's reason.</summary>
    Discarded = 2,
}

/// <summary>
/// A record that did not parse as a cable or broke a rule: kept with its raw bytes and the reason, never dropped. A
/// review leaves it in place with a status, who, when and why, so that nothing leaves quarantine without a trace.
/// </summary>
public sealed class QuarantinedRecord
{
    /// <summary>Surrogate key.</summary>
    public long Id { get; set; }

    /// <summary>The run that first quarantined it.</summary>
    public long ImportRunId { get; set; }

    /// <summary>The file or archive entry.</summary>
    public required string SourcePath { get; set; }

    /// <summary>The 1-based data row of a cables.csv.</summary>
    public int? SourceRow { get; set; }

    /// <summary>The byte offset of the record in its file, where known.</summary>
    public long? SourceOffset { get; set; }

    /// <summary>The detected container format, when one was.</summary>
    public CableFormat? SourceFormat { get; set; }

    /// <summary>Why it was quarantined, in plain words.</summary>
    public required string Reason { get; set; }

    /// <summary>The bytes as read; a review never changes them (an edit goes to <see cref="EditedText"/>).</summary>
    public required byte[] Raw { get; set; }

    /// <summary>SHA-256 of <see cref="Raw"/>: the same bytes are kept once.</summary>
    public required byte[] RawSha256 { get; set; }

    /// <summary>When it was quarantined.</summary>
    public DateTime QuarantinedAt { get; set; }

    /// <summary>Where the review stands.</summary>
    public QuarantineStatus Status { get; set; }

    /// <summary>The text as an archivist last edited it for re-parsing (kept whether or not it parsed).</summary>
    public string? EditedText { get; set; }

    /// <summary>The account that imported or discarded it.</summary>
    public string? ReviewedBy { get; set; }

    /// <summary>When it was imported or discarded.</summary>
    public DateTime? ReviewedAt { get; set; }

    /// <summary>Why it was discarded (required for a discard).</summary>
    public string? ReviewNote { get; set; }

    /// <summary>The cable its edited text became; a reference id rather than a key, so that the link outlives a <c>reparse</c>.</summary>
    public string? CableReferenceId { get; set; }

    /// <summary>The run that imported the edited text.</summary>
    public long? ReviewRunId { get; set; }
}

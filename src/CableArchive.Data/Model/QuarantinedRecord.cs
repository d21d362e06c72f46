using CableArchive.Domain.Cables;

namespace CableArchive.Data.Model;

/// <summary>A record that did not parse as a cable or broke a rule: kept with its raw bytes and the reason, never dropped.</summary>
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

    /// <summary>The bytes as read.</summary>
    public required byte[] Raw { get; set; }

    /// <summary>SHA-256 of <see cref="Raw"/>: the same bytes are kept once.</summary>
    public required byte[] RawSha256 { get; set; }

    /// <summary>When it was quarantined.</summary>
    public DateTime QuarantinedAt { get; set; }
}

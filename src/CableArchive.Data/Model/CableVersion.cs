using CableArchive.Domain.Cables;

namespace CableArchive.Data.Model;

/// <summary>
/// One distinct text of a cable. Versions are told apart by the SHA-256 of the cable text once its container is
/// unwrapped, so that a WikiLeaks page and a cables.csv row holding the same text are one version. The raw input is
/// kept whole, so that <c>cablearchive reparse</c> can rebuild everything derived from it. Its portions are the rows of
/// <see cref="CableParagraph"/> and <see cref="CableSubject"/> with its <see cref="Id"/> as their version id.
/// </summary>
public sealed class CableVersion
{
    /// <summary>Surrogate key.</summary>
    public long Id { get; set; }

    /// <summary>The cable.</summary>
    public long CableId { get; set; }

    /// <summary>The cable.</summary>
    public ArchivedCable? Cable { get; set; }

    /// <summary>SHA-256 of <see cref="Text"/> in UTF-8: the version's identity within its cable.</summary>
    public required byte[] TextSha256 { get; set; }

    /// <summary>The unwrapped cable text (routing header, a blank line, the body); spans point into it.</summary>
    public required string Text { get; set; }

    /// <summary>The record exactly as read, when its bytes differ from the UTF-8 of <see cref="Text"/>; null when they are the same.</summary>
    public byte[]? RawRecord { get; set; }

    /// <summary>The file or archive entry the version was first read from.</summary>
    public required string SourcePath { get; set; }

    /// <summary>The 1-based data row of a cables.csv.</summary>
    public int? SourceRow { get; set; }

    /// <summary>The byte offset of the record in its file, where known.</summary>
    public long? SourceOffset { get; set; }

    /// <summary>The container format.</summary>
    public CableFormat SourceFormat { get; set; }

    /// <summary>The release date the container gives (WikiLeaks pages).</summary>
    public DateTime? ReleasedAt { get; set; }

    /// <summary>The import run that first read the version.</summary>
    public long ImportRunId { get; set; }

    /// <summary>When the version entered the archive.</summary>
    public DateTime ImportedAt { get; set; }

    /// <summary>The parser's diagnostics, as a JSON array of <c>{severity, line, message}</c>.</summary>
    public required string Diagnostics { get; set; }
}

using CableArchive.Domain.Cables;

namespace CableArchive.Data.Model;

/// <summary>One TAGS entry of a version; a cable's tags are those of its current version.</summary>
public sealed class CableTag
{
    /// <summary>The version.</summary>
    public long VersionId { get; set; }

    /// <summary>The cable (kept here too, as on portions, so that a shard key need not pass through the version).</summary>
    public long CableId { get; set; }

    /// <summary>0-based order in the TAGS line.</summary>
    public int Position { get; set; }

    /// <summary>The canonical tag (<c>PGOV</c>).</summary>
    public required string Code { get; set; }

    /// <summary>What kind of tag.</summary>
    public TagKind Kind { get; set; }
}

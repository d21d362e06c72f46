using CableArchive.Domain.Cables;

namespace CableArchive.Data.Model;

/// <summary>One TAGS entry of a cable's current version.</summary>
public sealed class CableTag
{
    /// <summary>The cable.</summary>
    public long CableId { get; set; }

    /// <summary>0-based order in the TAGS line.</summary>
    public int Position { get; set; }

    /// <summary>The canonical tag (<c>PGOV</c>).</summary>
    public required string Code { get; set; }

    /// <summary>What kind of tag.</summary>
    public TagKind Kind { get; set; }
}

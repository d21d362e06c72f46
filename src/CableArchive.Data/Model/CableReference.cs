using CableArchive.Domain.Cables;

namespace CableArchive.Data.Model;

/// <summary>
/// One REF item of a version (or a referenced id its container lists); a cable's references are those of its current
/// version. A reference to a cable is kept as the cited id; it resolves to the cable of that id whenever the cable is
/// in the archive (readers join on <c>cables.reference_id</c>), so it never needs updating when the cited cable arrives.
/// </summary>
public sealed class CableReference
{
    /// <summary>The citing version.</summary>
    public long VersionId { get; set; }

    /// <summary>The cable (kept here too, as on portions, so that a shard key need not pass through the version).</summary>
    public long CableId { get; set; }

    /// <summary>0-based order.</summary>
    public int Position { get; set; }

    /// <summary>The item's label (<c>A</c>), if any.</summary>
    public string? Label { get; set; }

    /// <summary>The item as written.</summary>
    public required string Raw { get; set; }

    /// <summary>What the item refers to.</summary>
    public ReferenceKind Kind { get; set; }

    /// <summary>The canonical id of the cited cable, when the item is a cable.</summary>
    public string? TargetReferenceId { get; set; }

    /// <summary>Whether the item comes from the container's list (cables.csv) rather than from the REF line.</summary>
    public bool FromContainer { get; set; }
}

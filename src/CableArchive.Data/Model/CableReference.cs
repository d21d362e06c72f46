using CableArchive.Domain.Cables;

namespace CableArchive.Data.Model;

/// <summary>
/// One REF item of a cable's current version (or a referenced id its container lists). A reference to a cable is
/// resolved to that cable when it is in the archive; until then it is kept as text.
/// </summary>
public sealed class CableReference
{
    /// <summary>The citing cable.</summary>
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

    /// <summary>The cited cable, once it is in the archive.</summary>
    public long? TargetCableId { get; set; }

    /// <summary>The cited cable.</summary>
    public ArchivedCable? TargetCable { get; set; }

    /// <summary>Whether the item comes from the container's list (cables.csv) rather than from the REF line.</summary>
    public bool FromContainer { get; set; }
}

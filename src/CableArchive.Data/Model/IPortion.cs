using CableArchive.Domain.Classification;

namespace CableArchive.Data.Model;

/// <summary>
/// The classification columns a portion (paragraph or subject) carries, so that a search can filter by clearance in SQL
/// before it matches: the mark as written and read, and the label the read rule applies to it.
/// </summary>
public interface IPortion
{
    /// <summary>Marked, unmarked or unreadable.</summary>
    MarkingStatus MarkStatus { get; set; }

    /// <summary>The mark as written, parentheses included; null when unmarked.</summary>
    string? Mark { get; set; }

    /// <summary>The level read from the mark; null unless marked.</summary>
    ClassificationLevel? MarkLevel { get; set; }

    /// <summary>The caveat codes read from the mark.</summary>
    List<string> MarkCaveats { get; set; }

    /// <summary>
    /// The level a reader must hold to read the portion: its own mark's, else the banner's, else TOP SECRET
    /// (<see cref="PortionMarking.EffectiveLabel"/>).
    /// </summary>
    ClassificationLevel ReadLevel { get; set; }

    /// <summary>The restrictive caveats a reader must hold every one of (SIPDIS and REL TO are not among them).</summary>
    List<string> ReadCaveats { get; set; }

    /// <summary>
    /// The month of its version's date (<see cref="Search.CapMonth"/>), indexed beside the vector so that a search can match
    /// the newest months first.
    /// </summary>
    int CreatedMonth { get; set; }
}

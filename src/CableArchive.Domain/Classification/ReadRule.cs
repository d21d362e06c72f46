namespace CableArchive.Domain.Classification;

/// <summary>
/// The archive's read rule: who may read which portion of a cable. Every page, search and export applies this
/// rule (in SQL, through the same labels) and nothing else.
/// </summary>
public static class ReadRule
{
    /// <summary>
    /// Whether a reader with <paramref name="clearance"/> may read a portion marked <paramref name="marking"/>
    /// in a cable whose banner reads <paramref name="banner"/>. A marked portion needs its own label dominated;
    /// an unmarked or unreadable one needs the banner with all its caveats dominated; with no banner either,
    /// no one reads it.
    /// </summary>
    public static bool CanRead(Clearance clearance, PortionMarking marking, ClassificationLabel? banner) =>
        clearance.Dominates(marking.EffectiveLabel(banner));
}

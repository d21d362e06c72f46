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

    /// <summary>
    /// The banner that a cable's unmarked and unreadable portions take: the banner as written, raised to the mark of
    /// every portion of the cable. A banner is the highest label of its portions, so one written below a portion is
    /// wrong (SECRET over paragraphs marked S//NF), and unmarked text beside a NOFORN paragraph may be NOFORN too. Null
    /// when the cable has no banner: then no one reads them.
    /// </summary>
    /// <param name="banner">The banner as written.</param>
    /// <param name="portions">The marks of the cable's portions (subject and paragraphs).</param>
    public static ClassificationLabel? BannerForUnmarked(ClassificationLabel? banner, IEnumerable<PortionMarking> portions)
    {
        if (banner is null)
            return null;
        foreach (var marking in portions)
        {
            if (marking.Status == MarkingStatus.Marked && marking.Label is { } label)
                banner = banner.Join(label);
            if (marking.Inner is { } inner)
                banner = banner.Join(inner);
        }

        return banner;
    }
}

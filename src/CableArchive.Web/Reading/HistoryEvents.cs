using CableArchive.Data.Search;

namespace CableArchive.Web.Reading;

/// <summary>What happened to a cable in one release.</summary>
public enum HistoryEventKind
{
    /// <summary>The cable's first visible version appeared.</summary>
    FirstPublished,

    /// <summary>A later release carried a text that differs in what the reader may see.</summary>
    Modified,

    /// <summary>A complete release no longer contained the cable.</summary>
    Removed,

    /// <summary>A complete release contained the cable again after it had been removed.</summary>
    ReAdded,
}

/// <summary>One event of a cable's release history: a visible version that appeared, or a release that removed or re-added the cable.</summary>
/// <param name="Kind">What happened.</param>
/// <param name="At">When: the version's date, or the release's.</param>
/// <param name="Version">The version that appeared; null for <see cref="HistoryEventKind.Removed"/> and <see cref="HistoryEventKind.ReAdded"/>.</param>
/// <param name="Release">The release that removed or re-added the cable; null for the version events.</param>
public sealed record HistoryEvent(HistoryEventKind Kind, DateTime At, VersionView? Version, CableRelease? Release)
{
    private enum Presence
    {
        NotYetSeen,
        Present,
        Removed,
    }

    /// <summary>
    /// The events of <paramref name="versions"/> (a reader's visible versions, oldest first: the first is the first
    /// publication, each later one a modification) and of <paramref name="releases"/> (the complete releases, oldest
    /// first, each saying whether it contains the cable), in time order. See docs/decisions/archive-releases.md.
    /// </summary>
    public static IReadOnlyList<HistoryEvent> Of(IReadOnlyList<VersionView> versions, IReadOnlyList<CableRelease> releases)
    {
        if (versions.Count == 0)
            return [];

        // Presence events first, so that where a release re-adds the cable with a new text (same date), "re-added" comes
        // before "modified": OrderBy is stable.
        var versionEvents = versions.Select(v => new HistoryEvent(v.Number == 1 ? HistoryEventKind.FirstPublished : HistoryEventKind.Modified, v.FirstSeen, v, null));
        return PresenceChanges(releases, versions[0].FirstSeen).Concat(versionEvents).OrderBy(e => e.At).ToList();
    }

    /// <summary>
    /// The cable is present from its first appearance: its first version, or the first release that contains it. From
    /// then on each complete release decides: one that lacks a present cable removes it, one that contains a removed
    /// cable re-adds it. Ordinary imports are not releases and so never remove anything.
    /// </summary>
    private static IEnumerable<HistoryEvent> PresenceChanges(IReadOnlyList<CableRelease> releases, DateTime firstSeen)
    {
        var presence = Presence.NotYetSeen;
        foreach (var release in releases)
        {
            if (release.ContainsCable)
            {
                if (presence == Presence.Removed)
                    yield return new HistoryEvent(HistoryEventKind.ReAdded, release.ReleasedAt, null, release);
                presence = Presence.Present;
            }
            else if (presence == Presence.Present || (presence == Presence.NotYetSeen && release.ReleasedAt > firstSeen))
            {
                yield return new HistoryEvent(HistoryEventKind.Removed, release.ReleasedAt, null, release);
                presence = Presence.Removed;
            }
        }
    }
}

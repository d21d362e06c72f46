namespace CableArchive.Data.Model;

/// <summary>
/// A release that counts (the view <c>releases</c>): the latest completed run of each release name. A run that was
/// killed, cancelled or failed never counts, so that its partial membership cannot pass for a complete snapshot; a
/// release imported again replaces the earlier run of the same name.
/// </summary>
public sealed class Release
{
    /// <summary>The run whose membership is the release's.</summary>
    public long RunId { get; set; }

    /// <summary>The release's name.</summary>
    public required string Name { get; set; }

    /// <summary>When it was published (or imported, when the archivist gave no date).</summary>
    public DateTime ReleasedAt { get; set; }
}

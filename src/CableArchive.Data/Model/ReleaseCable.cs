namespace CableArchive.Data.Model;

/// <summary>
/// A cable a release run read (new, a new version or unchanged). Keyed by reference id rather than by cable, so that
/// <c>reparse</c>, which rebuilds the cables, keeps the membership as it is.
/// </summary>
public sealed class ReleaseCable
{
    /// <summary>The release run (<see cref="ImportRun.ReleaseName"/> set).</summary>
    public long RunId { get; set; }

    /// <summary>The cable's reference id.</summary>
    public required string ReferenceId { get; set; }
}

namespace CableArchive.Data.Model;

/// <summary>
/// A cable an admin marked sensitive: its release history (versions, their dates and differences) is withheld from
/// everyone but admins; its current text stays readable under the read rule as before. Keyed by reference id rather
/// than by cable, like <see cref="ReleaseCable"/>, so that <c>reparse</c>, which empties and rebuilds the cables, never
/// opens a window in which a rebuilt cable has lost its flag.
/// </summary>
public sealed class SensitiveCable
{
    /// <summary>The cable's reference id.</summary>
    public required string ReferenceId { get; set; }

    /// <summary>When an admin set the flag.</summary>
    public DateTime MarkedAt { get; set; }
}

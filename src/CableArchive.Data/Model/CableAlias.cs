namespace CableArchive.Data.Model;

/// <summary>Another id a cable is known by (a malformed WikiLeaks id, the container's spelling).</summary>
public sealed class CableAlias
{
    /// <summary>The cable.</summary>
    public long CableId { get; set; }

    /// <summary>The alias as written.</summary>
    public required string Alias { get; set; }
}

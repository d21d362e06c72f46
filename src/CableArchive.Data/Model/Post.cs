namespace CableArchive.Data.Model;

/// <summary>A post (embassy, consulate, mission, department) that cables come from.</summary>
public sealed class Post
{
    /// <summary>Surrogate key.</summary>
    public int Id { get; set; }

    /// <summary>The plain name as WikiLeaks labels it (<c>Embassy Tokyo</c>), unique.</summary>
    public required string Name { get; set; }
}

namespace CableArchive.Domain;

/// <summary>
/// A range of characters in a cable's normalised text (<see cref="Cables.Cable.Text"/>).
/// Every parsed piece keeps one so that a reader can be shown where a value came from.
/// </summary>
/// <param name="Start">Offset of the first character.</param>
/// <param name="Length">Number of characters.</param>
public readonly record struct TextSpan(int Start, int Length)
{
    /// <summary>Offset one past the last character.</summary>
    public int End => Start + Length;

    /// <summary>The empty span at offset 0, used where a value has no place in the text (for example metadata).</summary>
    public static TextSpan None => default;

    /// <summary>Creates a span from a start and an end offset.</summary>
    public static TextSpan FromBounds(int start, int end) => new(start, Math.Max(0, end - start));

    /// <summary>Whether <paramref name="offset"/> lies inside this span.</summary>
    public bool Contains(int offset) => offset >= Start && offset < End;

    /// <inheritdoc />
    public override string ToString() => $"[{Start}..{End})";
}

using System.Buffers;

namespace CableArchive.Parsing.Body;

/// <summary>
/// Joins ranges of a text into one string, trimmed, through a pooled buffer: the only allocation is the result (a
/// <see cref="System.Text.StringBuilder"/> would allocate its buffer, then the string, then the trimmed copy).
/// </summary>
internal ref struct TrimmedText
{
    private char[] buffer;
    private int length;

    /// <param name="capacity">The expected total length; the buffer grows if the ranges exceed it.</param>
    public TrimmedText(int capacity) => buffer = ArrayPool<char>.Shared.Rent(Math.Max(capacity, 16));

    /// <summary>Appends text[start, start + count).</summary>
    public void Append(string text, int start, int count)
    {
        var piece = text.AsSpan(start, count);
        if (length + piece.Length > buffer.Length)
        {
            var larger = ArrayPool<char>.Shared.Rent(Math.Max(buffer.Length * 2, length + piece.Length));
            buffer.AsSpan(0, length).CopyTo(larger);
            ArrayPool<char>.Shared.Return(buffer);
            buffer = larger;
        }

        piece.CopyTo(buffer.AsSpan(length));
        length += piece.Length;
    }

    /// <summary>The joined text without leading and trailing white space; the buffer goes back to the pool.</summary>
    public string ToStringAndReturn()
    {
        var text = new string(buffer.AsSpan(0, length).Trim());
        ArrayPool<char>.Shared.Return(buffer);
        buffer = [];
        length = 0;
        return text;
    }
}

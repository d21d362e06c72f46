namespace CableArchive.Parsing.Identity;

/// <summary>How far apart two spellings are, for repairing typos in station names and precedence words (cable-format notes §2.7, §6.4).</summary>
internal static class Spelling
{
    private const int MaxWordLength = 64;

    /// <summary>
    /// The optimal-string-alignment distance (insertions, deletions, substitutions and swaps of neighbours), or
    /// <paramref name="cutoff"/> as soon as it is certain to reach it.
    /// </summary>
    public static int Distance(ReadOnlySpan<char> a, ReadOnlySpan<char> b, int cutoff)
    {
        // Only words are compared; anything longer is either equal or too far.
        if (a.Length > MaxWordLength || b.Length > MaxWordLength)
            return a.SequenceEqual(b) ? 0 : cutoff;

        Span<int> previousPrevious = stackalloc int[b.Length + 1];
        Span<int> previous = stackalloc int[b.Length + 1];
        Span<int> current = stackalloc int[b.Length + 1];
        for (var j = 0; j <= b.Length; j++)
            previous[j] = j;

        for (var i = 1; i <= a.Length; i++)
        {
            current[0] = i;
            var rowMinimum = current[0];
            for (var j = 1; j <= b.Length; j++)
            {
                var cost = a[i - 1] == b[j - 1] ? 0 : 1;
                var value = Math.Min(Math.Min(previous[j] + 1, current[j - 1] + 1), previous[j - 1] + cost);
                if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1])
                    value = Math.Min(value, previousPrevious[j - 2] + 1);
                current[j] = value;
                rowMinimum = Math.Min(rowMinimum, value);
            }

            if (rowMinimum >= cutoff)
                return cutoff;

            var recycled = previousPrevious;
            previousPrevious = previous;
            previous = current;
            current = recycled;
        }

        return Math.Min(previous[b.Length], cutoff);
    }
}

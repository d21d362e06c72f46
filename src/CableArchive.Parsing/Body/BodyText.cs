using CableArchive.Domain;

namespace CableArchive.Parsing.Body;

/// <summary>
/// The body as the field readers see it: page-break lines, a trailing <c>NNNN</c> and line-end backslashes cut out
/// (§1.4, §2.8, §3.3, §3.4, §13 step 4), with a map back to offsets in the cable text so that every piece keeps a
/// <see cref="TextSpan"/> into the original.
/// </summary>
/// <remarks>
/// The map is a sorted list of segments: each segment is a run of characters copied unchanged from the source, or a
/// single character put in place of a cut (a space or a newline), which maps to where the cut began.
/// </remarks>
internal sealed class BodyText
{
    private readonly int[] cleanStarts;
    private readonly int[] sourceStarts;
    private readonly int sourceEnd;
    private readonly int[] pageBreaks;

    private BodyText(string text, int start, int end, int[] cleanStarts, int[] sourceStarts, int sourceEnd, int[] pageBreaks)
    {
        Text = text;
        Start = start;
        End = end;
        this.cleanStarts = cleanStarts;
        this.sourceStarts = sourceStarts;
        this.sourceEnd = sourceEnd;
        this.pageBreaks = pageBreaks;
    }

    /// <summary>The text that holds the cleaned body, in [<see cref="Start"/>, <see cref="End"/>).</summary>
    /// <remarks>
    /// A body without cuts is read where it stands in the cable text, whose offsets are then its own: copying it would
    /// be a quarter of what parsing a page allocates. With cuts, it is a new string holding the cleaned body alone.
    /// </remarks>
    public string Text { get; }

    /// <summary>Where the cleaned body starts in <see cref="Text"/>.</summary>
    public int Start { get; }

    /// <summary>Where the cleaned body ends in <see cref="Text"/>.</summary>
    public int End { get; }

    /// <summary>Builds the cleaned text of source[start, end) with the given cuts removed.</summary>
    /// <param name="context">The cable text.</param>
    /// <param name="start">Where the body starts in it.</param>
    /// <param name="end">Where the body ends in it (after any NNNN cut).</param>
    /// <param name="cuts">Ranges of the source to drop, each optionally replaced by one character; any order, may overlap.</param>
    public static BodyText Build(ParseContext context, int start, int end, List<Cut> cuts)
    {
        var source = context.Text;
        start = Math.Clamp(start, 0, source.Length);
        end = Math.Clamp(end, start, source.Length);
        if (cuts.Count == 0)
            return new BodyText(source, start, end, [start], [start], end, []);

        // First the segments (kept runs and single replacement characters), then one copy into the new string.
        cuts.Sort(static (a, b) => a.Start.CompareTo(b.Start));
        var cleanStarts = new List<int>(cuts.Count * 2 + 1);
        var sourceStarts = new List<int>(cuts.Count * 2 + 1);
        var replacements = new List<char>(cuts.Count * 2 + 1);
        var pageBreaks = new List<int>();
        var length = 0;
        var position = start;
        foreach (var cut in cuts)
        {
            var cutStart = Math.Max(cut.Start, position);
            var cutEnd = Math.Min(cut.End, end);
            if (cutStart >= end)
                break;
            if (cutEnd <= cutStart)
                continue;

            if (cutStart > position)
                AddSegment(position, cutStart - position, '\0');
            if (cut.IsPageBreak)
                pageBreaks.Add(length);
            if (cut.Replacement is { } replacement)
                AddSegment(cutStart, 1, replacement);
            position = cutEnd;
        }

        if (position < end)
            AddSegment(position, end - position, '\0');
        if (cleanStarts.Count == 0)
            AddSegment(start, 0, '\0');

        var starts = cleanStarts.ToArray();
        var origins = sourceStarts.ToArray();
        var text = string.Create(length, (source, starts, origins, replacements), static (buffer, state) =>
        {
            var (from, segmentStarts, segmentOrigins, segmentReplacements) = state;
            for (var i = 0; i < segmentStarts.Length; i++)
            {
                var segmentEnd = i + 1 < segmentStarts.Length ? segmentStarts[i + 1] : buffer.Length;
                var target = buffer[segmentStarts[i]..segmentEnd];
                if (segmentReplacements[i] != '\0')
                    target.Fill(segmentReplacements[i]);
                else
                    from.AsSpan(segmentOrigins[i], target.Length).CopyTo(target);
            }
        });
        return new BodyText(text, 0, text.Length, starts, origins, end, [.. pageBreaks]);

        void AddSegment(int from, int count, char replacement)
        {
            cleanStarts.Add(length);
            sourceStarts.Add(from);
            replacements.Add(replacement);
            length += count;
        }
    }

    /// <summary>The first cleaned offset in [<paramref name="offset"/>, <paramref name="limit"/>) where a page break was cut out, or <paramref name="limit"/>.</summary>
    public int NextPageBreak(int offset, int limit)
    {
        if (pageBreaks.Length == 0)
            return limit;
        var index = LastAtOrBefore(pageBreaks, offset - 1) + 1;
        return index < pageBreaks.Length && pageBreaks[index] < limit ? pageBreaks[index] : limit;
    }

    /// <summary>The source offset of cleaned offset <paramref name="offset"/>.</summary>
    public int ToSource(int offset)
    {
        if (offset >= End)
            return End == Start ? sourceStarts[0] : Math.Min(sourceEnd, ToSource(End - 1) + 1 + (offset - End));
        offset = Math.Max(Start, offset);
        // A body without cuts is one segment: nothing to search.
        var index = cleanStarts.Length == 1 ? 0 : Math.Max(0, LastAtOrBefore(cleanStarts, offset));
        return sourceStarts[index] + (offset - cleanStarts[index]);
    }

    /// <summary>The cleaned offset of source offset <paramref name="sourceOffset"/> (the next kept character when it was cut).</summary>
    public int FromSource(int sourceOffset)
    {
        var index = sourceStarts.Length == 1 ? (sourceOffset >= sourceStarts[0] ? 0 : -1) : LastAtOrBefore(sourceStarts, sourceOffset);
        if (index < 0)
            return Start;
        var segmentEnd = index + 1 < cleanStarts.Length ? cleanStarts[index + 1] : End;
        var clean = cleanStarts[index] + (sourceOffset - sourceStarts[index]);
        return Math.Min(clean, segmentEnd);
    }

    // The index of the last of the ascending `values` at or before `value`, or -1. Array.BinarySearch goes through the
    // generic comparer, a hundredth of a page's time for the few segments a body has.
    private static int LastAtOrBefore(int[] values, int value)
    {
        int low = 0, high = values.Length - 1;
        while (low <= high)
        {
            var middle = (low + high) >>> 1;
            if (values[middle] <= value)
                low = middle + 1;
            else
                high = middle - 1;
        }

        return high;
    }

    /// <summary>The source span of the cleaned range [start, end).</summary>
    public TextSpan ToSourceSpan(int start, int end)
    {
        if (end <= start)
        {
            var at = ToSource(start);
            return new TextSpan(at, 0);
        }

        return TextSpan.FromBounds(ToSource(start), ToSource(end - 1) + 1);
    }
}

/// <summary>A range of the source text to leave out of the cleaned body, optionally replaced by one character.</summary>
/// <param name="Start">First source offset cut.</param>
/// <param name="End">Source offset after the cut.</param>
/// <param name="Replacement">A space to keep words apart, a newline to keep blocks apart, or null to join.</param>
/// <param name="IsPageBreak">Whether the cut removes a page break (fields such as TAGS end there, §3.4).</param>
internal readonly record struct Cut(int Start, int End, char? Replacement, bool IsPageBreak = false);

using CableArchive.Domain;

namespace CableArchive.Parsing;

/// <summary>
/// What the field parsers share while reading one cable: the normalised text, the diagnostics so far,
/// and a line table to turn offsets into line numbers for diagnostics.
/// </summary>
internal sealed class ParseContext
{
    private int[]? lineStarts;

    /// <param name="text">The cable text.</param>
    public ParseContext(string text)
    {
        Text = text;
    }

    public string Text { get; }

    public List<Diagnostic> Diagnostics { get; } = [];

    public void Report(DiagnosticSeverity severity, int offset, string message) =>
        Diagnostics.Add(new Diagnostic(severity, offset < 0 ? 0 : LineOf(offset), message));

    /// <summary>The 1-based line of <paramref name="offset"/>.</summary>
    public int LineOf(int offset)
    {
        lineStarts ??= ComputeLineStarts(Text);
        var index = Array.BinarySearch(lineStarts, offset);
        return (index >= 0 ? index : ~index - 1) + 1;
    }

    private static int[] ComputeLineStarts(string text)
    {
        var starts = new List<int> { 0 };
        var span = text.AsSpan();
        for (var i = span.IndexOf('\n'); i >= 0; )
        {
            starts.Add(i + 1);
            var next = span[(i + 1)..].IndexOf('\n');
            i = next < 0 ? -1 : i + 1 + next;
        }

        return [.. starts];
    }
}

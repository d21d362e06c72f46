using CableArchive.Domain;

namespace CableArchive.Parsing;

/// <summary>
/// What the field parsers share while reading one cable: the normalised text, the diagnostics so far,
/// and a line table to turn offsets into line numbers for diagnostics.
/// </summary>
internal sealed class ParseContext
{
    private int[]? lineStarts;
    private readonly TextSpan bodySpan;
    private readonly string? body;

    /// <param name="text">The cable text.</param>
    /// <param name="bodySpan">Where <paramref name="body"/> lies in <paramref name="text"/>.</param>
    /// <param name="body">The body as a string of its own, when the caller has one: slicing exactly the body out of the text
    /// then needs no second copy of it (a page's body is most of its cable).</param>
    public ParseContext(string text, TextSpan bodySpan = default, string? body = null)
    {
        Text = text;
        this.bodySpan = bodySpan;
        this.body = body;
    }

    public string Text { get; }

    public List<Diagnostic> Diagnostics { get; } = [];

    public void Report(DiagnosticSeverity severity, int offset, string message) =>
        Diagnostics.Add(new Diagnostic(severity, offset < 0 ? 0 : LineOf(offset), message));

    /// <summary>The text of [<paramref name="start"/>, <paramref name="end"/>), the body's own string when that is the range.</summary>
    public string Slice(int start, int end) =>
        body is not null && start == bodySpan.Start && end == bodySpan.End ? body : Text.Substring(start, end - start);

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

using System.Globalization;
using CableArchive.Data.Search;

namespace CableArchive.Web.Pages.Stats;

/// <summary>
/// A horizontal bar chart drawn as server-side SVG: one row per count, the label left, the bar, the figure right.
/// Geometry is in SVG attributes (the CSP forbids inline styles); colours come from classes in site.css.
/// </summary>
/// <param name="Id">The chart's element id (for its title).</param>
/// <param name="Title">What is counted.</param>
/// <param name="Counts">The rows, in the order shown.</param>
public sealed record BarChart(string Id, string Title, IReadOnlyList<BrowseCount> Counts)
{
    /// <summary>The width of the label column; labels end at its right edge.</summary>
    public const int LabelWidth = 220;

    /// <summary>The width of the longest bar.</summary>
    public const int BarSpace = 400;

    /// <summary>The height of a row.</summary>
    public const int RowHeight = 22;

    /// <summary>The height of a bar within its row.</summary>
    public const int BarHeight = 16;

    /// <summary>The whole width: labels, bars and room for the figures.</summary>
    public const int Width = LabelWidth + BarSpace + 80;

    private const int LabelLength = 32;

    /// <summary>The whole height.</summary>
    public int Height => Counts.Count * RowHeight;

    /// <summary>The width of the bar of <paramref name="count"/>: proportional to the largest, and at least a sliver when not zero.</summary>
    public int BarWidth(BrowseCount count)
    {
        var largest = Counts.Max(c => c.Count);
        return count.Count == 0 ? 0 : Math.Max(1, (int)Math.Round((double)count.Count / largest * BarSpace));
    }

    /// <summary>The top of row <paramref name="index"/>.</summary>
    public static int RowTop(int index) => index * RowHeight;

    /// <summary>The label of a row, shortened to fit its column (the full value is the row's tooltip).</summary>
    public static string Label(BrowseCount count) => count.Value.Length <= LabelLength ? count.Value : count.Value[..(LabelLength - 1)] + "…";

    /// <summary>A figure as shown.</summary>
    public static string Figure(long value) => value.ToString("N0", CultureInfo.InvariantCulture);
}

using System.Text;
using System.Text.Encodings.Web;
using System.Text.Unicode;
using DiffPlex;
using DiffPlex.Chunkers;
using Microsoft.AspNetCore.Html;

namespace CableArchive.Web.Reading;

/// <summary>
/// A word-level difference between two texts as a reader sees them (readable portions and withheld placeholders only),
/// as HTML with <c>&lt;del&gt;</c> and <c>&lt;ins&gt;</c>; every word is encoded.
/// </summary>
public static class VersionDiff
{
    private static readonly HtmlEncoder Encoder = HtmlEncoder.Create(UnicodeRanges.All);

    /// <summary>The difference from <paramref name="before"/> to <paramref name="after"/>, and whether there is any.</summary>
    public static (IHtmlContent Html, bool Changed) Render(string before, string after)
    {
        var diff = Differ.Instance.CreateDiffs(before, after, ignoreWhiteSpace: false, ignoreCase: false, new DelimiterChunker([' ', '\n']));
        var html = new StringBuilder();
        var oldIndex = 0;
        foreach (var block in diff.DiffBlocks)
        {
            for (; oldIndex < block.DeleteStartA; oldIndex++)
                html.Append(Encoder.Encode(diff.PiecesOld[oldIndex]));
            if (block.DeleteCountA > 0)
                html.Append("<del>").Append(Encode(diff.PiecesOld, block.DeleteStartA, block.DeleteCountA)).Append("</del>");
            if (block.InsertCountB > 0)
                html.Append("<ins>").Append(Encode(diff.PiecesNew, block.InsertStartB, block.InsertCountB)).Append("</ins>");
            oldIndex = block.DeleteStartA + block.DeleteCountA;
        }

        for (; oldIndex < diff.PiecesOld.Count; oldIndex++)
            html.Append(Encoder.Encode(diff.PiecesOld[oldIndex]));
        return (new HtmlString(html.ToString()), diff.DiffBlocks.Count > 0);
    }

    private static string Encode(IReadOnlyList<string> pieces, int start, int count)
    {
        var text = new StringBuilder();
        for (var i = start; i < start + count; i++)
            text.Append(pieces[i]);
        return Encoder.Encode(text.ToString());
    }
}

using System.Text;
using System.Text.Encodings.Web;
using System.Text.RegularExpressions;
using System.Text.Unicode;
using CableArchive.Data.Search;
using CableArchive.Domain.Classification;
using Microsoft.AspNetCore.Html;

namespace CableArchive.Web.Reading;

/// <summary>
/// Turns cable text into HTML: everything is encoded, then only the archive's own markup is added: source redactions
/// (a run of four or more X, cable-format notes §10) become a visible redaction mark, and search highlights become
/// <c>&lt;mark&gt;</c>. Nothing from a cable is ever interpreted as markup.
/// </summary>
public static partial class CableTextFormatter
{
    // The same encoding the pages use (SecuritySetup): HTML-significant characters encoded, letters of any script kept.
    private static readonly HtmlEncoder Encoder = HtmlEncoder.Create(UnicodeRanges.All);

    /// <summary>The text with redactions marked.</summary>
    public static IHtmlContent Format(string text)
    {
        var html = new StringBuilder(text.Length + 32);
        var last = 0;
        foreach (var match in Redaction().EnumerateMatches(text))
        {
            html.Append(Encoder.Encode(text[last..match.Index]));
            html.Append("<span class=\"redaction\" title=\"source redaction\">").Append(Encoder.Encode(text.Substring(match.Index, match.Length))).Append("</span>");
            last = match.Index + match.Length;
        }

        html.Append(Encoder.Encode(text[last..]));
        return new HtmlString(html.ToString());
    }

    /// <summary>A snippet with its highlight markers (<see cref="SearchResults.HighlightStart"/>) as <c>&lt;mark&gt;</c>.</summary>
    public static string SnippetHtml(string snippet)
    {
        var encoded = Encoder.Encode(snippet);

        // The encoder writes the private-use markers as numeric references; only those turn into elements.
        return encoded
            .Replace(Encoder.Encode(SearchResults.HighlightStart.ToString()), "<mark>", StringComparison.Ordinal)
            .Replace(Encoder.Encode(SearchResults.HighlightEnd.ToString()), "</mark>", StringComparison.Ordinal);
    }

    /// <summary>The snippet as plain text, without markers.</summary>
    public static string SnippetText(string snippet) =>
        snippet.Replace(SearchResults.HighlightStart.ToString(), "", StringComparison.Ordinal).Replace(SearchResults.HighlightEnd.ToString(), "", StringComparison.Ordinal);

    /// <summary>The CSS class of a label's badge and banner: <c>level-u</c>, <c>level-c</c>, <c>level-s</c>…</summary>
    public static string LevelClass(ClassificationLevel? level) => level switch
    {
        ClassificationLevel.Unclassified => "level-u",
        ClassificationLevel.Sbu => "level-sbu",
        ClassificationLevel.Confidential => "level-c",
        ClassificationLevel.Secret => "level-s",
        ClassificationLevel.TopSecret => "level-ts",
        _ => "level-unknown",
    };

    [GeneratedRegex("[Xx]{4,}")]
    private static partial Regex Redaction();
}

using System.Text;
using System.Text.RegularExpressions;

namespace CableArchive.Parsing.Tests.Synthetic;

/// <summary>
/// A test-side reading of the generator's renderings, written independently of the parser and as simply as possible, so that the
/// generator's tests do not depend on the parser: it undoes exactly what cable-format notes §1.1–§1.2 say each container does.
/// </summary>
internal static partial class RenderingDecoder
{
    /// <summary>The header and body text of a WikiLeaks page: the &lt;pre&gt; blocks with anchors and tag links removed.</summary>
    public static (string Header, string Body) FromPage(string page)
    {
        var blocks = PreBlock().Matches(page).Select(m => Unwrap(m.Groups[1].Value)).ToList();
        return blocks.Count switch
        {
            0 => ("", ""),
            1 => ("", blocks[0]),
            _ => (blocks[0], blocks[1]),
        };

        static string Unwrap(string block)
        {
            var text = block.Replace("&#x000A;", "\n", StringComparison.Ordinal);
            text = HtmlAnchor().Replace(text, "");
            return TagLink().Replace(text, "$1");
        }
    }

    /// <summary>The header and body of a Markdown rendering: anchors <c>[¶1.](#)</c>/<c>[¶](#)1.</c> and tags <c>[PGOV](#)</c> unwrapped.</summary>
    public static (string Header, string Body) FromMarkdown(string markdown, bool hasHeader)
    {
        var text = markdown.StartsWith("\n\n", StringComparison.Ordinal) ? markdown[2..] : markdown;
        text = MarkdownLink().Replace(text, "$1").Replace("¶", "", StringComparison.Ordinal);
        if (!hasHeader)
            return ("", text);
        var split = text.IndexOf("\n\n", StringComparison.Ordinal);
        return (text[..split], text[(split + 2)..]);
    }

    /// <summary>The rows of a cables.csv: quoted fields, backslash escapes (not doubled quotes), newlines inside fields.</summary>
    public static List<string[]> CsvRows(string csv)
    {
        var rows = new List<string[]>();
        var fields = new List<string>();
        var field = new StringBuilder();
        var i = 0;
        while (i < csv.Length)
        {
            if (csv[i] != '"')
                throw new FormatException($"A field must start with a quote at offset {i}.");
            i++;
            while (csv[i] != '"')
            {
                if (csv[i] == '\\')
                    i++;
                field.Append(csv[i]);
                i++;
            }

            i++;
            fields.Add(field.ToString());
            field.Clear();
            if (i < csv.Length && csv[i] == ',')
            {
                i++;
                continue;
            }

            if (i < csv.Length && csv[i] != '\n')
                throw new FormatException($"A field must end with a comma or a newline at offset {i}.");
            i++;
            rows.Add([.. fields]);
            fields.Clear();
        }

        return rows;
    }

    /// <summary>
    /// The body with its TAGS line in one spelling (the pages rebuild a <c>TAGS:</c> line with single blanks, §1.1), so that a
    /// decoded body can be compared with the raw one.
    /// </summary>
    public static string NormalizeTagsLine(string body) =>
        TagsColonLine().Replace(body, m => "TAGS: " + string.Join(' ', m.Groups[1].Value.Split([' ', ','], StringSplitOptions.RemoveEmptyEntries)));

    [GeneratedRegex("<code><pre>(.*?)</pre></code>", RegexOptions.Singleline)]
    private static partial Regex PreBlock();

    [GeneratedRegex("<a id='par[0-9A-Z]+' href='#par[0-9A-Z]+'>¶</a>")]
    private static partial Regex HtmlAnchor();

    [GeneratedRegex("<a href='/tag/[^']*'>([^<]*)</a>")]
    private static partial Regex TagLink();

    [GeneratedRegex(@"\[([^\]]*)\]\(#\)")]
    private static partial Regex MarkdownLink();

    [GeneratedRegex("^TAGS: ([^\n]*)$", RegexOptions.Multiline)]
    private static partial Regex TagsColonLine();
}

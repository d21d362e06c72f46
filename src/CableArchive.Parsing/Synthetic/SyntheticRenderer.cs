using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace CableArchive.Parsing.Synthetic;

/// <summary>
/// Writes a <see cref="SyntheticCable"/> in the four published forms, each exactly as its container writes a real cable
/// (cable-format notes §1): raw telegram text, the December 2010 WikiLeaks page, its Markdown rendering, and a cables.csv row.
/// </summary>
public static partial class SyntheticRenderer
{
    /// <summary>The raw text: the routing header, a blank line, then the body (the body alone for a cable without header).</summary>
    public static string RawText(SyntheticCable cable) =>
        cable.HeaderText.Length == 0 ? cable.BodyText + "\n" : cable.HeaderText + "\n\n" + cable.BodyText + "\n";

    /// <summary>
    /// The cable page as cablegate.wikileaks.org published it in December 2010 (§1.1): the sidebar, the "Viewing cable" title, the
    /// metadata table (with the wrong title attribute on the classification link and the wrong minutes in Created), then one
    /// <c>&lt;code&gt;&lt;pre&gt;</c> block for the header (none without one) and one for the body, newlines written <c>&amp;#x000A;</c>,
    /// paragraph anchors <c>&lt;a id='par1' href='#par1'&gt;¶&lt;/a&gt;1.</c> and tag links on a <c>TAGS:</c> line.
    /// </summary>
    public static string WikiLeaksPage(SyntheticCable cable)
    {
        var inv = CultureInfo.InvariantCulture;
        var page = new StringBuilder(cable.BodyText.Length + cable.HeaderText.Length + 12_000);
        page.Append(PageStart);
        page.Append("<a href='http://twitter.com/home?status=Reading%20http%3A%2F%2Fcablegate.wikileaks.org%2Fcable%2F")
            .Append(CablePath(cable).Replace("/", "%2F", StringComparison.Ordinal)).Append("%20%23").Append(cable.Id).Append("'>Twitter this</a>\n");
        page.Append("</div>\n<p>\n<i>\ncourage is contagious\n</i>\n</p>\n</div>\n<div class='pane big'>\n");
        page.Append("<h3>Viewing cable ").Append(cable.Id).Append(", ").Append(TitleSubject(cable)).Append("</h3>\n");
        page.Append(HelpText);

        // The table (§1.1): "Created" carries the 12-hour-clock hour where the minutes belong (A1).
        var created = cable.DateTime;
        var wrongMinutes = created.Hour % 12 == 0 ? 12 : created.Hour % 12;
        var classification = cable.ClassificationText;
        page.Append("<table class='cable'>\n<tr>\n<th>Reference ID</th>\n<th>Created</th>\n<th>Released</th>\n<th>Classification</th>\n<th>Origin</th>\n</tr>\n<tr>\n<td>\n");
        page.Append("<a href='/cable/").Append(CablePath(cable)).Append("'>").Append(cable.Id).Append("</a>\n</td>\n<td>\n");
        page.Append(inv, $"<a href='/date/{created:yyyy-MM}_0.html'>{created:yyyy-MM-dd} {created.Hour:D2}:{wrongMinutes:D2}</a>\n</td>\n<td>\n");
        page.Append(inv, $"<a href='/reldate/{cable.Released:yyyy-MM-dd}_0.html'>{cable.Released:yyyy-MM-dd HH:mm}</a>\n</td>\n<td>\n");
        var (number, wrongTitle) = ClassificationLink(classification);
        page.Append(inv, $"<a href='/classification/{number}_0.html' title='{wrongTitle}'>{classification}</a>\n</td>\n<td>\n");
        page.Append(inv, $"<a href='/origin/{OriginNumber(cable.Post)}_0.html'>{cable.Origin}</a>\n</td>\n</tr>\n</table>\n");

        if (cable.HeaderText.Length > 0)
            page.Append("<code><pre>").Append(cable.HeaderText.Replace("\n", "&#x000A;", StringComparison.Ordinal)).Append("</pre></code>\n");
        page.Append("<code><pre>");
        AppendBody(page, cable, "&#x000A;", HtmlAnchor, tag => $"<a href='/tag/{tag}_0.html'>{tag}</a>");
        page.Append("</pre></code>\n</div>\n</div>\n<script src='/static/js/js.js' type='text/javascript'></script>\n</body>\n</html>\n\n");
        return page.ToString();
    }

    /// <summary>
    /// The Markdown rendering of the page, as the sample 08TOKYO2577.md writes it (§1.1): header and body text, anchors as
    /// <c>[¶1.](#)</c> (or <c>[¶](#)1.</c>) and tags as <c>[PGOV](#)</c>.
    /// </summary>
    public static string Markdown(SyntheticCable cable)
    {
        var text = new StringBuilder(cable.BodyText.Length + cable.HeaderText.Length + 1_000);
        text.Append("\n\n");
        if (cable.HeaderText.Length > 0)
            text.Append(cable.HeaderText).Append("\n\n");
        Func<string, string> anchor = cable.MarkdownAnchorAroundNumber
            ? number => $"[¶{number}.](#)"
            : number => $"[¶](#){number}.";
        AppendBody(text, cable, "\n", anchor, tag => $"[{tag}](#)");
        return text.ToString();
    }

    /// <summary>
    /// One cables.csv row (§1.2): eight quoted columns, record number, creation date <c>M/D/YYYY H:MM</c>, id, origin,
    /// classification, referenced ids joined by <c>|</c>, header, body; quotes and apostrophes escaped with a backslash,
    /// newlines kept inside the fields; the row ends with a newline.
    /// </summary>
    public static string CsvRow(SyntheticCable cable)
    {
        var row = new StringBuilder(cable.BodyText.Length + cable.HeaderText.Length + 200);
        var created = cable.DateTime;
        AppendField(row, cable.RecordNumber.ToString(CultureInfo.InvariantCulture)).Append(',');
        AppendField(row, string.Create(CultureInfo.InvariantCulture, $"{created.Month}/{created.Day}/{created.Year} {created.Hour}:{created.Minute:D2}")).Append(',');
        AppendField(row, cable.Id).Append(',');
        AppendField(row, cable.Origin).Append(',');
        AppendField(row, cable.ClassificationText).Append(',');
        AppendField(row, string.Join('|', cable.ReferencedCableIds)).Append(',');
        AppendField(row, cable.HeaderText).Append(',');
        AppendField(row, cable.BodyText).Append('\n');
        return row.ToString();
    }

    /// <summary>Writes the cables as a cables.csv, one row at a time (no header row: the real file has none).</summary>
    /// <returns>How many rows were written.</returns>
    public static long WriteCsv(TextWriter writer, IEnumerable<SyntheticCable> cables)
    {
        long rows = 0;
        foreach (var cable in cables)
        {
            writer.Write(CsvRow(cable));
            rows++;
        }

        return rows;
    }

    private static StringBuilder AppendField(StringBuilder row, string value)
    {
        // §1.2: not RFC 4180: embedded quotes and apostrophes are escaped with a backslash (and so is a backslash).
        row.Append('"');
        foreach (var c in value)
        {
            if (c is '"' or '\'' or '\\')
                row.Append('\\');
            row.Append(c);
        }

        return row.Append('"');
    }

    private static void AppendBody(StringBuilder output, SyntheticCable cable, string newline, Func<string, string> anchor, Func<string, string> tagLink)
    {
        var tagsLinked = !cable.TagsLinked;
        var first = true;
        foreach (var line in cable.BodyText.Split('\n'))
        {
            if (!first)
                output.Append(newline);
            first = false;

            // §1.1: on a "TAGS:" line each tag becomes a link, separated by single blanks; the trailing blank goes.
            if (!tagsLinked && line.StartsWith("TAGS: ", StringComparison.Ordinal))
            {
                tagsLinked = true;
                output.Append("TAGS: ").AppendJoin(' ', cable.Tags.Select(tagLink));
                continue;
            }

            // The pages anchor every line that starts with a number or a capital letter and a period, then a blank (303 pages).
            var match = AnchoredLine().Match(line);
            if (!match.Success)
            {
                output.Append(line);
                continue;
            }

            var number = match.Groups["number"].Value;
            output.Append(match.Groups["indent"].Value).Append(anchor(number)).Append(line.AsSpan(match.Length));
        }
    }

    private static string HtmlAnchor(string number) => $"<a id='par{number}' href='#par{number}'>¶</a>{number}.";

    private static string CablePath(SyntheticCable cable) =>
        string.Create(CultureInfo.InvariantCulture, $"{cable.DateTime:yyyy}/{cable.DateTime:MM}/{cable.Id}.html");

    private static string TitleSubject(SyntheticCable cable)
    {
        // The title repeats the subject's first line; the pages drop only the opening parenthesis of a mark ("C) IRANIAN OUTREACH").
        foreach (var line in cable.BodyText.Split('\n'))
        {
            if (line.StartsWith("SUBJECT: ", StringComparison.Ordinal) || line.StartsWith("Subject: ", StringComparison.Ordinal))
                return line[9..].Trim().TrimStart('(');
        }

        return "";
    }

    // §1.1: the title attribute is shifted by one category; only the link text is right.
    private static (int Number, string Title) ClassificationLink(string label) => label switch
    {
        "CONFIDENTIAL" => (1, "unclassified"),
        "CONFIDENTIAL//NOFORN" => (2, "secret"),
        "SECRET" => (3, "confidential"),
        "SECRET//NOFORN" => (4, "secret//noforn"),
        "UNCLASSIFIED" => (5, "unclassified//fouo"),
        _ => (6, "confidential//noforn"),
    };

    private static int OriginNumber(Post post)
    {
        var index = -1;
        for (var i = 0; i < Posts.All.Count; i++)
        {
            if (Posts.All[i] == post)
                index = i;
        }

        return index + 1;
    }

    [GeneratedRegex(@"^(?<indent>[ \t]*)(?<number>[0-9]+|[A-Z])\.(?=[ \t])")]
    private static partial Regex AnchoredLine();

    private static readonly string HelpText =
        "<div>\nIf you are new to these pages, please read an introduction on the <a href=\"#help_1\" onclick=\"return sh(1);\">structure of a cable</a> "
        + "as well as how to <a href=\"#help_2\" onclick=\"return sh(2);\">discuss them</a> with others. See also the <a href=\"/static/html/faq.html\">FAQs</a>\n<br />\n</div>\n"
        + "<div id='help_1'>\n<br />\n<b>Understanding cables</b>\n<br />\nEvery cable message consists of three parts:\n<ul>\n"
        + "<li>The top box shows each cables unique reference number, when and by whom it originally was sent, and what its initial classification was.</li>\n"
        + "<li>The middle box contains the header information that is associated with the cable.</li>\n"
        + "<li>The bottom box presents the body of the cable.</li>\n</ul>\n</div>\n";

    // The sidebar: release dates, origins, tags and the classification list (whose links also carry the shifted titles).
    private static readonly string PageStart = BuildPageStart();

    private static string BuildPageStart()
    {
        var start = new StringBuilder();
        start.Append("<?xml version='1.0' encoding='utf-8' ?>\n");
        start.Append("<!DOCTYPE html PUBLIC \"-//W3C//DTD XHTML 1.0 Transitional//EN\" \"http://www.w3.org/TR/xhtml1/DTD/xhtml1-transitional.dtd\">\n");
        start.Append("<html lang='en' xml:lang='en' xmlns='http://www.w3.org/1999/xhtml'>\n<head>\n<title>Cable Viewer</title>\n");
        start.Append("<link href='/static/gfx/favicon.ico' rel='shortcut icon' />\n");
        start.Append("<link href='/static/css/cables.css' rel='stylesheet' type='text/css' />\n</head>\n<body>\n<div class='main'>\n<div class='pane small'>\n");
        start.Append("<a href='/index.html'>\n<img alt='WikiLeaks logo' src='/static/gfx/WL_Hour_Glass_small.png' />\n<p>Currently released so far... 1295 / 251,287</p>\n</a>\n");
        start.Append("<div id='browse'>\n<h3>Browse latest releases</h3>\n<div class='sort'>\n");
        for (var day = 10; day >= 1; day--)
            start.Append(CultureInfo.InvariantCulture, $"<a href='/reldate/2010-12-{day:D2}_0.html'>2010/12/{day:D2}</a>\n");
        start.Append("</div>\n<h3>Browse by <a href='#by_A' onclick='return sha(1);'>origin</a></h3>\n<div class='sort'>\n");
        for (var i = 0; i < Posts.All.Count; i++)
            start.Append(CultureInfo.InvariantCulture, $"<a href='/origin/{i + 1}_0.html'>{Posts.All[i].Origin}</a>\n");
        start.Append("</div>\n<h3>Browse by <a href='#tag_A' onclick='return sha(2);'>tag</a></h3>\n<div class='sort'>\n");
        foreach (var tag in Vocabulary.SubjectTags.Concat(Vocabulary.ProgramTags).Concat(Vocabulary.OrganizationTags))
            start.Append(CultureInfo.InvariantCulture, $"<a href='/tag/{tag}_0.html'>{tag}</a>\n");
        start.Append("</div>\n<h3>Browse by classification</h3>\n<div class='sort'>\n");
        foreach (var label in new[] { "CONFIDENTIAL", "CONFIDENTIAL//NOFORN", "SECRET", "SECRET//NOFORN", "UNCLASSIFIED", "UNCLASSIFIED//FOR OFFICIAL USE ONLY" })
        {
            var (number, title) = ClassificationLink(label);
            start.Append(CultureInfo.InvariantCulture, $"<a href='/classification/{number}_0.html' title='{title}'>{label}</a>\n");
        }

        start.Append("</div>\n</div>\n<h3>Community resources</h3>\n<div class='sort'>\n<a href='http://twitter.com/wikileaks'>Follow us on Twitter</a>\n");
        return start.ToString();
    }
}

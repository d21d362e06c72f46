using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Text;
using CableArchive.Domain;
using CableArchive.Domain.Cables;
using CableArchive.Domain.Classification;
using CableArchive.Parsing.Synthetic;

namespace CableArchive.Parsing.Tests.Synthetic;

/// <summary>One field on which the parse of a rendered cable disagrees with the generator's model: a bug report for the parser.</summary>
internal sealed record Disagreement(int Seed, CableFormat Format, string Field, string Expected, string Actual)
{
    public override string ToString() =>
        $"seed {Seed} [{RoundTripComparer.FormatName(Format)}] {Field}: expected {Expected}, got {Actual}";
}

/// <summary>
/// Compares a parsed <see cref="Cable"/> with the <see cref="SyntheticCable"/> it was rendered from, field by field, and says
/// precisely what disagrees. Texts are compared with runs of white space folded to one blank (§6.1 line joining); everything else
/// exactly, except what a container is known to get wrong (the minutes of a WikiLeaks page's Created, §1.1).
/// </summary>
internal static class RoundTripComparer
{
    public static string FormatName(CableFormat format) => format switch
    {
        CableFormat.WikiLeaksHtml => "html",
        CableFormat.Markdown => "md",
        CableFormat.CablesCsv => "csv",
        _ => "txt",
    };

    public static List<Disagreement> Compare(SyntheticCable expected, Cable actual, CableFormat format)
    {
        var found = new List<Disagreement>();
        void Check(string field, string? want, string? got)
        {
            if (!string.Equals(want, got, StringComparison.Ordinal))
                found.Add(new Disagreement(expected.Seed, format, field, Show(want), Show(got)));
        }

        // Id and date: from the text when the cable has a header (DTG year, banner words and serial, §6.3); from the
        // container otherwise; neither when a headerless raw text or Markdown file gives no year.
        // A headerless raw text or Markdown file gives no year: the id may then be missing (or inferred, e.g. from the E.O.
        // date), but an id given must be the right one.
        var container = format is CableFormat.WikiLeaksHtml or CableFormat.CablesCsv;
        var yearKnown = expected.HasHeader || container;
        // A year inferred from the declassification date is a guess the parser must label as one (a warning).
        var yearGuessed = actual.Diagnostics.Any(d => d.Severity == DiagnosticSeverity.Warning && d.Message.Contains("inferred", StringComparison.Ordinal));
        if (yearKnown || (actual.Id is not null && !yearGuessed))
            Check(yearKnown ? "id" : "id (year not in the text)", expected.Id, actual.Id?.ToUpperInvariant());
        if (expected.HasHeader || format == CableFormat.CablesCsv)
            Check("dateTime", Iso(expected.DateTime), actual.Created is { } created ? Iso(created) : null);
        else if (format == CableFormat.WikiLeaksHtml)
            Check("dateTime (date and hour; the page's minutes are wrong)", HourOf(expected.DateTime), actual.Created is { } created ? HourOf(created) : null);
        else
            Check("dateTime", null, actual.Created is { } created ? Iso(created) : null);

        Check("origin", expected.Origin, actual.Origin);
        Check("classification", expected.Classification.ToString(), actual.Classification?.ToString());
        Check("tags", List(expected.Tags), List(actual.Tags.Select(t => t.Code.ToUpperInvariant())));

        Check("subject", Normalize(expected.Subject?.Text), Normalize(actual.Subject?.Text));
        if (expected.Subject is { } subject)
            Check("subject mark", ExpectedMark(subject), ActualMark(actual.Subject?.Marking));

        // A REF item without a year means the citing cable's year (§6.2), which a headerless raw text or Markdown file does not
        // say: those ids may be missing, or all there if the parser inferred the year, but none may be wrong.
        var referenced = List(actual.References.Where(r => r.CableId is not null).Select(r => r.CableId!.ToUpperInvariant()));
        var knowable = List(expected.References.Where(r => r.CableId is not null && (yearKnown || r.YearWritten)).Select(r => r.CableId!));
        if (referenced != knowable && (yearKnown || !yearGuessed))
            Check(yearKnown ? "references (cable ids)" : "references (cable ids; year not in the text)", List(expected.ReferencedCableIds), referenced);
        ComparePortions(expected, actual, format, found);

        Check("signers", List(expected.Signers), List(actual.Signers.Select(s => s.Name.ToUpperInvariant())));
        Check("redactions", expected.RedactionCount.ToString(CultureInfo.InvariantCulture), actual.Redactions.Count.ToString(CultureInfo.InvariantCulture));

        if (expected.HasHeader)
        {
            Check("from", expected.From?.Name, actual.Header?.From?.Name);
            Check("to", List(expected.To.Select(Describe)), List((actual.Header?.To ?? []).Select(Describe)));
            Check("info", List(expected.Info.Select(Describe)), List((actual.Header?.Info ?? []).Select(Describe)));
        }

        Check("summary", Normalize(expected.Summary), Normalize(actual.Summary?.Text));
        Check("comments", List(expected.Comments.Select(c => Normalize(c))), List(actual.Comments.Select(c => Normalize(c.Text))));
        if (expected.DeclassifyOn is { } declassify)
            Check("E.O. declassify-on", declassify.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), actual.ExecutiveOrder?.DeclassifyOn?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        return found;
    }

    private static void ComparePortions(SyntheticCable expected, Cable actual, CableFormat format, List<Disagreement> found)
    {
        // Numbered paragraphs and lettered sub-paragraphs: the same numbers, in order, each with its mark and its text.
        var wanted = expected.Portions.Where(p => p.Number is not null).ToList();
        var got = actual.Paragraphs.Where(p => p.Number is not null).ToList();
        var wantedKeys = List(wanted.Select(p => Key(p.Number!, p.Level)));
        var gotKeys = List(got.Select(p => Key(p.Number!, p.Level)));
        if (wantedKeys != gotKeys)
            found.Add(new Disagreement(expected.Seed, format, "paragraph numbers", wantedKeys, gotKeys));

        var byKey = new Dictionary<string, Paragraph>();
        foreach (var paragraph in got)
            byKey.TryAdd(Key(paragraph.Number!, paragraph.Level), paragraph);
        foreach (var portion in wanted)
        {
            if (!byKey.TryGetValue(Key(portion.Number!, portion.Level), out var paragraph))
                continue;
            var where = $"¶{portion.Number}";
            var (wantMark, gotMark) = (ExpectedMark(portion), ActualMark(paragraph.Marking));
            if (!MarksAgree(wantMark, gotMark))
                found.Add(new Disagreement(expected.Seed, format, "paragraph mark", $"{where} {wantMark}", $"{where} {gotMark}"));
            var (wantText, gotText) = (Normalize(portion.Text), Normalize(paragraph.Text ?? ""));
            if (wantText != gotText)
                found.Add(new Disagreement(expected.Seed, format, "paragraph text", $"{where} {FirstDifference(wantText, gotText, out var at)}", $"{where} {Excerpt(gotText, at)}"));
        }

        // An unnumbered block (a SUMMARY above ¶1) must be found in some unnumbered portion of the parse.
        var unnumbered = actual.Paragraphs.Where(p => p.Number is null).Select(p => Normalize(p.Text)).ToList();
        foreach (var block in expected.Portions.Where(p => p.Number is null))
        {
            var text = Normalize(block.Text)!;
            if (!unnumbered.Any(u => u!.Contains(text, StringComparison.Ordinal)))
                found.Add(new Disagreement(expected.Seed, format, "unnumbered block", Show(text), unnumbered.Count == 0 ? "no unnumbered portion" : Show(string.Join(" | ", unnumbered))));
        }
    }

    /// <summary>What a portion's mark must read as: its label, none, or (when a redaction took its place) not a readable label.</summary>
    /// <remarks>
    /// An unmarked paragraph whose text opens with a redaction (<c>¶8. XXXXXXXXXXXX told Poloff</c>) cannot be told from one whose
    /// mark was redacted (§10, case H4): either reading is right as long as it yields no label.
    /// </remarks>
    private static string ExpectedMark(SyntheticPortion portion) =>
        portion.MarkRedacted || (portion.Mark is null && StartsWithRedaction(portion.Text)) ? "not marked (mark redacted)"
        : portion.Mark is null ? "unmarked"
        : $"{portion.Mark} from {portion.MarkRaw}";

    private static bool StartsWithRedaction(string text) => text.Length >= 4 && text.AsSpan(0, 4).IndexOfAnyExcept('X', 'x') < 0;

    private static string ActualMark(PortionMarking? marking) => marking switch
    {
        null => "unmarked",
        { Status: MarkingStatus.Unmarked } => "unmarked",
        { Status: MarkingStatus.Marked, Label: { } label } => $"{label} from {marking.Raw}",
        _ => $"unreadable {marking.Raw}",
    };

    private static bool MarksAgree(string expected, string actual) =>
        expected == actual || (expected == "not marked (mark redacted)" && !actual.Contains(" from ", StringComparison.Ordinal));

    private static string Key(string number, int level) => level == 0 ? number : $"{number} (level {level})";

    private static string Describe(SyntheticAddressee a) => Describe(a.RoutingIndicator, a.Name, a.Precedence, a.Mcn);

    private static string Describe(Addressee a) => Describe(a.RoutingIndicator, a.Name, a.Precedence, a.McnEnd is null ? a.Mcn : $"{a.Mcn}-{a.McnEnd}");

    private static string Describe(string? route, string name, string? precedence, string? mcn) =>
        $"{(route is null ? "" : route + "/")}{name}{(precedence is null ? "" : " " + precedence)}{(mcn is null ? "" : " " + mcn)}";

    private static string Iso(DateTime time) => time.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture) + (time.Kind == DateTimeKind.Utc ? "Z" : $" ({time.Kind})");

    private static string HourOf(DateTime time) => time.ToString("yyyy-MM-dd HH", CultureInfo.InvariantCulture);

    private static string List(IEnumerable<string> items) => "[" + string.Join(", ", items) + "]";

    [return: NotNullIfNotNull(nameof(text))]
    public static string? Normalize(string? text)
    {
        if (text is null)
            return null;
        var builder = new StringBuilder(text.Length);
        var blank = false;
        foreach (var c in text.Trim())
        {
            if (char.IsWhiteSpace(c))
            {
                blank = true;
                continue;
            }

            if (blank)
                builder.Append(' ');
            blank = false;
            builder.Append(c);
        }

        return builder.ToString();
    }

    private static string Show(string? value) => value is null ? "(none)" : value.Length <= 160 ? $"\"{value}\"" : $"\"{value[..157]}...\"";

    private static string FirstDifference(string expected, string actual, out int at)
    {
        at = 0;
        while (at < expected.Length && at < actual.Length && expected[at] == actual[at])
            at++;
        return Excerpt(expected, at);
    }

    private static string Excerpt(string text, int at)
    {
        var start = Math.Max(0, at - 40);
        var end = Math.Min(text.Length, at + 60);
        return (start > 0 ? "\"..." : "\"") + text[start..end] + (end < text.Length ? "...\"" : "\"") + $" (length {text.Length}, first difference at {at})";
    }
}

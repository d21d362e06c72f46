using System.Net;
using System.Text.RegularExpressions;
using CableArchive.Tests.Web.Infrastructure;

namespace CableArchive.Tests.Web.Stats;

/// <summary>
/// A small hand-built archive for the statistics, and the charts of the statistics page read back as
/// (label → figure) per chart.
/// </summary>
/// <remarks>
/// First release: 08TOKYO4001 UNCLASSIFIED; 08TOKYO4002 CONFIDENTIAL; 08TOKYO4003 SECRET//NOFORN throughout (withdrawn
/// for a CONFIDENTIAL reader); 09PARIS4004 CONFIDENTIAL (Embassy Paris, 2009); 08TOKYO4005 SECRET with a (C) and an
/// (S//NF) paragraph; and a file that is no cable (quarantined). Second release: 4002 with a changed (C) paragraph, 4003
/// with a changed S//NF paragraph, the rest unchanged.
/// </remarks>
public static partial class StatsArchive
{
    /// <summary>The first release.</summary>
    public static IReadOnlyList<(string FileName, string Text)> FirstRelease { get; } =
    [
        TestCableText.Tokyo(4001, "UNCLASSIFIED", [], new("(U)", "PORT OPENING"), [new("(U)", "Alpha paragraph on the port opening.")]),
        TestCableText.Tokyo(4002, "CONFIDENTIAL", [], new("(U)", "TRADE FAIR"), [new("(C)", "Bravo paragraph on the trade fair, first text.")]),
        TestCableText.Tokyo(4003, "SECRET", ["NOFORN"], new("(S//NF)", "SOURCES"), [new("(S//NF)", "Charlie paragraph on sources, first text.")]),
        InParis2009(TestCableText.Tokyo(4004, "CONFIDENTIAL", [], new("(U)", "EMBASSY MOVE"), [new("(C)", "Delta paragraph on the embassy move.")])),
        Mixed(4005, "Echo withheld paragraph, first text."),
        ("not-a-cable.txt", "Nothing in this file resembles a cable.\n"),
    ];

    /// <summary>The second release: 4002 changes a readable paragraph, 4003 a withheld one.</summary>
    public static IReadOnlyList<(string FileName, string Text)> SecondRelease { get; } =
    [
        TestCableText.Tokyo(4002, "CONFIDENTIAL", [], new("(U)", "TRADE FAIR"), [new("(C)", "Bravo paragraph on the trade fair, second text.")]),
        TestCableText.Tokyo(4003, "SECRET", ["NOFORN"], new("(S//NF)", "SOURCES"), [new("(S//NF)", "Charlie paragraph on sources, second text.")]),
    ];

    /// <summary>08TOKYO4005: SECRET, a (C) paragraph and an (S//NF) paragraph with <paramref name="withheld"/>.</summary>
    public static (string FileName, string Text) Mixed(int serial, string withheld) =>
        TestCableText.Tokyo(serial, "SECRET", ["NOFORN"], new("(C)", "MIXED"), [new("(C)", "Foxtrot readable paragraph."), new("(S//NF)", withheld)]);

    /// <summary>The charts of a statistics page: chart id → (row label → figure).</summary>
    public static Dictionary<string, Dictionary<string, long>> Charts(string html)
    {
        var charts = new Dictionary<string, Dictionary<string, long>>(StringComparer.Ordinal);
        foreach (Match chart in Chart().Matches(html))
        {
            charts[chart.Groups["id"].Value] = Row().Matches(chart.Groups["body"].Value).ToDictionary(
                row => WebUtility.HtmlDecode(row.Groups["label"].Value),
                row => long.Parse(row.Groups["figure"].Value.Replace(",", "", StringComparison.Ordinal), System.Globalization.CultureInfo.InvariantCulture),
                StringComparer.Ordinal);
        }

        return charts;
    }

    /// <summary>The same cable as sent by Embassy Paris in 2009 (<c>09PARIS…</c>).</summary>
    private static (string FileName, string Text) InParis2009((string FileName, string Text) cable) => (
        cable.FileName.Replace("08TOKYO", "09PARIS", StringComparison.Ordinal),
        cable.Text.Replace("RUEHKO", "RUEHFR", StringComparison.Ordinal).Replace("AMEMBASSY TOKYO", "AMEMBASSY PARIS", StringComparison.Ordinal)
            .Replace(" TOKYO 00", " PARIS 00", StringComparison.Ordinal).Replace("SEP 08", "SEP 09", StringComparison.Ordinal));

    [GeneratedRegex("<figure class=\"chart\" id=\"(?<id>[^\"]+)\">(?<body>.*?)</figure>", RegexOptions.Singleline)]
    private static partial Regex Chart();

    [GeneratedRegex("<title>(?<label>[^<]*): (?<figure>[0-9,]+)</title>")]
    private static partial Regex Row();
}

using System.Text;
using CableArchive.Domain.Cables;
using CableArchive.Parsing.Synthetic;

namespace CableArchive.Parsing.Tests.Synthetic;

/// <summary>
/// Property test: for a few hundred generated cables and each of the four published forms, the parse of the rendering gives back
/// the generator's model. A failure lists every disagreement with its seed, format and field; the cable is reproduced with
/// <c>CableGenerator.Create(seed)</c> or <c>cablearchive generate --seed SEED --count 1 --format FORMAT OUT</c>.
/// </summary>
public sealed class RoundTripTests(ITestOutputHelper output)
{
    private const int Seeds = 300;

    public static TheoryData<CableFormat> Formats => [CableFormat.RawText, CableFormat.WikiLeaksHtml, CableFormat.Markdown, CableFormat.CablesCsv];

    [Theory]
    [MemberData(nameof(Formats))]
    public void TheParseOfARenderedCableGivesBackItsModel(CableFormat format)
    {
        var disagreements = new List<Disagreement>();
        for (var seed = 1; seed <= Seeds; seed++)
        {
            var cable = CableGenerator.Create(seed);
            var parsed = ParseOne(cable, format, disagreements);
            if (parsed is not null)
                disagreements.AddRange(RoundTripComparer.Compare(cable, parsed, format));
        }

        Report(format, Seeds, disagreements);
    }

    [Fact]
    public void EveryRowOfAStreamedCablesCsvGivesBackItsCable()
    {
        // Many rows in one file: the reader must split rows at the right places (§1.2: newlines and escaped quotes inside fields).
        var cables = CableGenerator.Generate(seed: 5_000, count: 200).ToList();
        using var writer = new StringWriter();
        SyntheticRenderer.WriteCsv(writer, cables);
        using var stream = new MemoryStream(Encoding.UTF8.GetBytes(writer.ToString()));

        var parsed = CableParser.ParseAll(stream, "cables.csv").ToList();
        var disagreements = new List<Disagreement>();
        if (parsed.Count != cables.Count)
            disagreements.Add(new Disagreement(5_000, CableFormat.CablesCsv, "row count", cables.Count.ToString(), parsed.Count.ToString()));
        for (var i = 0; i < Math.Min(parsed.Count, cables.Count); i++)
        {
            if (parsed[i].Source.Row != i + 1)
                disagreements.Add(new Disagreement(cables[i].Seed, CableFormat.CablesCsv, "source row", (i + 1).ToString(), parsed[i].Source.Row?.ToString() ?? "(none)"));
            disagreements.AddRange(RoundTripComparer.Compare(cables[i], parsed[i], CableFormat.CablesCsv));
        }

        Report(CableFormat.CablesCsv, cables.Count, disagreements);
    }

    [Theory]
    [MemberData(nameof(Formats))]
    public void EachCanaryLandsInItsOwnPortionOnly(CableFormat format)
    {
        // Canary mode: the token of each portion must be in the parsed portion of the same number and in no other, so that a
        // portion's mark governs exactly its own text (the read rule, §11).
        var disagreements = new List<Disagreement>();
        for (var seed = 1; seed <= 100; seed++)
        {
            var cable = CableGenerator.Create(seed, new SyntheticOptions { Canary = true });
            var parsed = ParseOne(cable, format, disagreements);
            if (parsed is null)
                continue;

            var paragraphs = parsed.Paragraphs.Where(p => p.Number is not null).ToList();
            foreach (var portion in cable.Portions.Where(p => p.Number is not null))
            {
                var holders = paragraphs.Where(p => p.Text.Contains(portion.Canary!, StringComparison.Ordinal))
                    .Select(p => p.Level == 0 ? $"¶{p.Number}" : $"¶{p.Number} (level {p.Level})").ToList();
                var own = portion.Level == 0 ? $"¶{portion.Number}" : $"¶{portion.Number} (level {portion.Level})";
                if (holders.Count != 1 || holders[0] != own)
                    disagreements.Add(new Disagreement(seed, format, "canary placement", $"{portion.Canary} in {own} only", holders.Count == 0 ? "in no numbered portion" : "in " + string.Join(", ", holders)));
            }

            if (parsed.Subject is null || !parsed.Subject.Text.Contains(cable.Subject!.Canary!, StringComparison.Ordinal))
                disagreements.Add(new Disagreement(seed, format, "canary placement", $"{cable.Subject!.Canary} in the subject", "not in the subject"));
        }

        Report(format, 100, disagreements);
    }

    private static Cable? ParseOne(SyntheticCable cable, CableFormat format, List<Disagreement> disagreements)
    {
        try
        {
            return CableParser.Parse(cable.Render(format), cable.FileName(format));
        }
        catch (Exception e)
        {
            disagreements.Add(new Disagreement(cable.Seed, format, "parse", "a cable", $"{e.GetType().Name}: {e.Message} {e.StackTrace?.Split('\n').FirstOrDefault()?.Trim()}"));
            return null;
        }
    }

    private void Report(CableFormat format, int cables, List<Disagreement> disagreements)
    {
        foreach (var disagreement in disagreements)
            output.WriteLine(disagreement.ToString());
        if (disagreements.Count == 0)
            return;

        // Grouped by field, most frequent first, a few examples each: a bug report the parser's authors can act on.
        var message = new StringBuilder();
        var name = RoundTripComparer.FormatName(format);
        message.AppendLine($"{disagreements.Select(d => d.Seed).Distinct().Count()} of {cables} generated cables rendered as {name} do not parse back to their model ({disagreements.Count} disagreements).");
        message.AppendLine($"Reproduce a cable with CableGenerator.Create(seed).Render(CableFormat.{format}) or: cablearchive generate --seed SEED --count 1 --format {name} OUT");
        foreach (var field in disagreements.GroupBy(d => d.Field).OrderByDescending(g => g.Select(d => d.Seed).Distinct().Count()))
        {
            message.AppendLine($"  {field.Key}: {field.Select(d => d.Seed).Distinct().Count()} cables, e.g.");
            foreach (var example in field.DistinctBy(d => d.Seed).Take(3))
                message.AppendLine($"    {example}");
        }

        Assert.Fail(message.ToString());
    }
}

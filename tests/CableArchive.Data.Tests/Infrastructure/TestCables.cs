using CableArchive.Data;
using CableArchive.Data.Import;
using CableArchive.Data.Model;
using CableArchive.Domain;
using CableArchive.Domain.Cables;
using CableArchive.Domain.Classification;

namespace CableArchive.Tests.Data.Infrastructure;

/// <summary>Hand-built cables, as the parser would return them, for tests of the store that must not depend on the parser.</summary>
internal static class TestCables
{
    /// <summary>A paragraph: its number, its mark as written (or null for none), and its text.</summary>
    internal sealed record Para(string? Number, string? Mark, string Text);

    public static Cable Make(
        string id,
        string body,
        ClassificationLabel? banner = null,
        string? subject = null,
        string? subjectMark = "(U)",
        IReadOnlyList<string>? tags = null,
        IReadOnlyList<string>? references = null,
        IReadOnlyList<string>? aliases = null,
        string path = "test.txt",
        params Para[] paragraphs)
    {
        var text = $"{banner?.Level.ToLabel() ?? "UNCLASSIFIED"} TEST {id}\n{body}\n" + string.Join("\n", paragraphs.Select(p => $"{p.Number}. {p.Mark} {p.Text}"));
        return new Cable
        {
            Source = new CableSource(path, null, CableFormat.RawText),
            Text = text,
            Id = id,
            Aliases = aliases ?? [],
            Created = new DateTime(2008, 9, 18, 8, 17, 0, DateTimeKind.Utc),
            Origin = "Embassy Tokyo",
            Classification = banner,
            Header = new RoutingHeader
            {
                Precedence = "O",
                DateTimeGroup = "180817Z SEP 08",
                From = new Addressee { Name = "AMEMBASSY TOKYO" },
                To = [new Addressee { Name = "SECSTATE WASHDC" }],
                Info = [new Addressee { Name = "AMCONSUL OSAKA KOBE" }],
            },
            Captions = [new Caption(CaptionKind.Sipdis, "SIPDIS", new TextSpan(0, 6))],
            Tags = (tags ?? ["PGOV", "PREL", "JA"]).Select(t => new Tag(t, t.Length == 2 ? TagKind.Geographic : TagKind.Subject, TextSpan.None)).ToList(),
            Subject = subject is null ? null : new Subject(subject, Mark(subjectMark), new TextSpan(1, subject.Length)),
            References = (references ?? []).Select((r, i) => new Reference { Label = ((char)('A' + i)).ToString(), Raw = r, CableId = r, Kind = ReferenceKind.Cable }).ToList(),
            Paragraphs = paragraphs.Select((p, i) => new Paragraph { Number = p.Number, Marking = Mark(p.Mark), Text = p.Text, Span = new TextSpan(i * 10, 8) }).ToList(),
            Redactions = body.Contains("XXXXXXXXXXXX", StringComparison.Ordinal) ? [new TextSpan(0, 12)] : [],
            Diagnostics = [new Diagnostic(DiagnosticSeverity.Info, 1, "a test note")],
        };
    }

    public static PortionMarking Mark(string? written)
    {
        if (written is null)
            return PortionMarking.Unmarked;
        var inner = written.Trim('(', ')');
        return PortionMarking.Parse(inner, written, new TextSpan(0, written.Length)) ?? PortionMarking.Unmarked;
    }

    public static StagedCable Stage(Cable cable) =>
        RecordProcessor.Stage(cable, new RecordOrigin(cable.Source.Path, cable.Source.Row, cable.Source.Offset), System.Text.Encoding.UTF8.GetBytes(cable.Text));

    public static StagedQuarantine Quarantine(string raw, string reason = "not a cable: test") =>
        RecordProcessor.Quarantine(new RecordOrigin("bad.txt", null, null), CableFormat.RawText, reason, System.Text.Encoding.UTF8.GetBytes(raw));

    public static async Task<long> StartRunAsync(ArchiveDatabase archive)
    {
        await using var context = archive.CreateDbContext();
        var run = new ImportRun { Kind = "test", UserName = "test", HostName = "test", StartedAt = DateTime.UtcNow };
        context.ImportRuns.Add(run);
        await context.SaveChangesAsync();
        return run.Id;
    }
}

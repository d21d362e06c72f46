using CableArchive.Domain;
using CableArchive.Domain.Cables;

namespace CableArchive.Parsing.Tests.Robustness;

/// <summary>One input fed to the parser: what it is (for the failure message), its bytes, and the path given as the format hint.</summary>
/// <param name="Description">What the input is.</param>
/// <param name="Content">Its bytes.</param>
/// <param name="Path">The path given as the format hint.</param>
/// <param name="Family">The text it wraps when the same text is tried in several containers: once one of them hangs, the others are skipped.</param>
internal sealed record RobustnessInput(string Description, byte[] Content, string Path, string? Family = null);

/// <summary>What went wrong with one input.</summary>
internal sealed record RobustnessFailure(RobustnessInput Input, string Problem)
{
    public override string ToString() => $"{Input.Description} ({Input.Content.Length:N0} bytes, path {Input.Path}): {Problem}";
}

/// <summary>
/// Runs the parser over one input on a worker thread with a generous hang guard, and checks what must hold for any bytes: no
/// exception, at least one <see cref="Cable"/>, every span inside the cable's text, and (for inputs that are not cables) a
/// diagnostic saying so. The guard catches catastrophic backtracking and endless loops without tight timing asserts.
/// </summary>
internal static class ParseGuard
{
    public static RobustnessFailure? Check(RobustnessInput input, TimeSpan limit, bool mustReportDiagnostics = false)
    {
        var work = Task.Run(() =>
        {
            using var stream = new MemoryStream(input.Content, writable: false);
            return CableParser.ParseAll(stream, input.Path).ToList();
        });

        try
        {
            if (!work.Wait(limit))
                return new RobustnessFailure(input, $"still running after {limit.TotalSeconds:N0} s (hang or super-linear time)");
        }
        catch (AggregateException e)
        {
            var inner = e.InnerException ?? e;
            return new RobustnessFailure(input, $"threw {inner.GetType().Name}: {inner.Message} {inner.StackTrace?.Split('\n').FirstOrDefault()?.Trim()}");
        }

        var cables = work.Result;
        if (cables.Count == 0)
            return new RobustnessFailure(input, "returned no cable at all");
        foreach (var cable in cables)
        {
            if (SpanOutside(cable) is { } span)
                return new RobustnessFailure(input, $"a span {span} lies outside the cable's text of {cable.Text.Length} characters");
            if (mustReportDiagnostics && cable.Diagnostics.Count == 0)
                return new RobustnessFailure(input, "returned a cable without any diagnostic for an input that is not a cable");
        }

        return null;
    }

    /// <summary>The first span of the cable that does not lie inside its text, if any.</summary>
    private static string? SpanOutside(Cable cable)
    {
        var spans = new List<(string What, TextSpan Span)>
        {
            ("header", cable.HeaderSpan),
            ("body", cable.BodySpan),
        };
        if (cable.ClassificationLine is { } banner)
            spans.Add(("banner", banner.Span));
        if (cable.Subject is { } subject)
            spans.Add(("subject", subject.Span));
        if (cable.ClassifiedBy is { } classifiedBy)
            spans.Add(("classified by", classifiedBy.Span));
        if (cable.ExecutiveOrder is { } order)
            spans.Add(("E.O.", order.Span));
        spans.AddRange(cable.Captions.Select(c => ("caption", c.Span)));
        spans.AddRange(cable.Tags.Select(t => ("tag", t.Span)));
        spans.AddRange(cable.References.Select(r => ("reference", r.Span)));
        spans.AddRange(cable.Paragraphs.Select(p => ("paragraph", p.Span)));
        spans.AddRange(cable.Signers.Select(s => ("signer", s.Span)));
        spans.AddRange(cable.Redactions.Select(r => ("redaction", r)));
        spans.AddRange(cable.PageBreaks.Select(p => ("page break", p)));
        foreach (var (what, span) in spans)
        {
            if (span.Start < 0 || span.Length < 0 || span.End > cable.Text.Length)
                return $"{what} {span}";
        }

        return null;
    }
}

using Markdig;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;
using Microsoft.AspNetCore.Html;

namespace CableArchive.Web.Reading;

/// <summary>
/// Renders the Markdown the application shows (help texts, analysts' notes) with Markdig, raw HTML disabled, so that
/// Markdown can never carry markup or script of its own.
/// </summary>
/// <remarks>
/// Disabling HTML does not cover links: <c>[x](javascript:…)</c> and <c>&lt;javascript:…&gt;</c> are Markdown, not HTML.
/// Every link is therefore checked, and one whose address is neither relative nor http, https or mailto loses it.
/// </remarks>
public sealed class MarkdownRenderer
{
    private static readonly string[] SafeSchemes = ["http:", "https:", "mailto:"];

    private readonly MarkdownPipeline pipeline = new MarkdownPipelineBuilder().DisableHtml().UseAutoLinks().Build();

    /// <summary>The HTML of <paramref name="markdown"/>.</summary>
    public IHtmlContent Render(string markdown)
    {
        var document = Markdown.Parse(markdown, pipeline);
        foreach (var link in document.Descendants<LinkInline>().Where(l => !IsSafe(l.Url)))
            link.Url = "#";
        foreach (var autolink in document.Descendants<AutolinkInline>().Where(l => !IsSafe(l.Url)).ToList())
            autolink.ReplaceBy(new LiteralInline(autolink.Url));
        return new HtmlString(document.ToHtml(pipeline));
    }

    /// <summary>The HTML of a Markdown text embedded in this assembly (<c>search-help.md</c>).</summary>
    public IHtmlContent RenderEmbedded(string name)
    {
        using var stream = typeof(MarkdownRenderer).Assembly.GetManifestResourceStream("CableArchive.Web." + name)
            ?? throw new InvalidOperationException($"{name} is not embedded in the web assembly.");
        using var reader = new StreamReader(stream);
        return Render(reader.ReadToEnd());
    }

    // An address is safe when it names no scheme at all (a colon before any slash, query or fragment would be one, with
    // whatever characters a browser strips from it) or one of the safe schemes.
    private static bool IsSafe(string? url)
    {
        if (string.IsNullOrEmpty(url))
            return true;
        var colon = url.IndexOf(':', StringComparison.Ordinal);
        var pathStart = url.IndexOfAny(['/', '?', '#']);
        return colon < 0 || (pathStart >= 0 && pathStart < colon)
            || SafeSchemes.Any(scheme => url.StartsWith(scheme, StringComparison.OrdinalIgnoreCase));
    }
}

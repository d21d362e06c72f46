using Markdig;
using Microsoft.AspNetCore.Html;

namespace CableArchive.Web.Reading;

/// <summary>
/// Renders the Markdown the application shows (help texts now; analysts' notes later) with Markdig, raw HTML disabled,
/// so that Markdown can never carry markup or script of its own.
/// </summary>
public sealed class MarkdownRenderer
{
    private readonly MarkdownPipeline pipeline = new MarkdownPipelineBuilder().DisableHtml().UseAutoLinks().Build();

    /// <summary>The HTML of <paramref name="markdown"/>.</summary>
    public IHtmlContent Render(string markdown) => new HtmlString(Markdown.ToHtml(markdown, pipeline));

    /// <summary>The HTML of a Markdown text embedded in this assembly (<c>search-help.md</c>).</summary>
    public IHtmlContent RenderEmbedded(string name)
    {
        using var stream = typeof(MarkdownRenderer).Assembly.GetManifestResourceStream("CableArchive.Web." + name)
            ?? throw new InvalidOperationException($"{name} is not embedded in the web assembly.");
        using var reader = new StreamReader(stream);
        return Render(reader.ReadToEnd());
    }
}

using System.Globalization;
using System.Text;
using CableArchive.Data.Search;
using Microsoft.AspNetCore.Http.Extensions;

namespace CableArchive.Web.Reading;

/// <summary>
/// A search as the URL holds it, so that every search is a permalink: <c>q</c>, <c>from</c>, <c>to</c>
/// (<c>yyyy-MM-dd</c>), <c>origin</c>, <c>classification</c> and <c>tag</c> (each repeatable), <c>redacted=1</c>,
/// <c>sort</c> (<c>relevance</c>, <c>newest</c>, <c>oldest</c>) and <c>page</c>. The page, the JSON API and the CSV
/// export read the same parameters.
/// </summary>
public static class SearchRequest
{
    /// <summary>Reads a search from a query string; unreadable values are ignored and reported in <paramref name="problems"/>.</summary>
    public static SearchQuery Parse(IQueryCollection query, List<string>? problems = null)
    {
        return new SearchQuery
        {
            Text = Clean(query["q"].ToString(), 500),
            From = Date(query["from"], "from", problems),
            To = Date(query["to"], "to", problems),
            Origins = Many(query["origin"]),
            Classifications = Many(query["classification"]),
            Tags = Many(query["tag"]).Select(t => t.ToUpperInvariant()).ToList(),
            RedactedOnly = query["redacted"].ToString() is "1" or "true" or "on",
            Sort = query["sort"].ToString().ToLowerInvariant() switch
            {
                "newest" => SearchSort.Newest,
                "oldest" => SearchSort.Oldest,
                _ => SearchSort.Relevance,
            },
            Page = int.TryParse(query["page"], NumberStyles.None, CultureInfo.InvariantCulture, out var page) ? Math.Clamp(page, 1, 1000) : 1,
        };
    }

    /// <summary>The query string of <paramref name="search"/> (without <c>?</c>), in a fixed order so links are stable.</summary>
    public static string ToQueryString(SearchQuery search)
    {
        var builder = new QueryBuilder();
        if (search.HasText)
            builder.Add("q", search.Text!);
        if (search.From is { } from)
            builder.Add("from", from.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        if (search.To is { } to)
            builder.Add("to", to.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        foreach (var origin in search.Origins)
            builder.Add("origin", origin);
        foreach (var classification in search.Classifications)
            builder.Add("classification", classification);
        foreach (var tag in search.Tags)
            builder.Add("tag", tag);
        if (search.RedactedOnly)
            builder.Add("redacted", "1");
        if (search.Sort != SearchSort.Relevance)
            builder.Add("sort", search.Sort.ToString().ToLowerInvariant());
        if (search.Page > 1)
            builder.Add("page", search.Page.ToString(CultureInfo.InvariantCulture));
        var text = builder.ToQueryString().Value ?? "";
        return text.StartsWith('?') ? text[1..] : text;
    }

    /// <summary>A short description of a search for the audit record.</summary>
    public static string Describe(SearchQuery search)
    {
        var text = new StringBuilder();
        text.Append(search.Text ?? "");
        var filters = ToQueryString(search with { Text = null, Page = 1 });
        if (filters.Length > 0)
            text.Append(" [").Append(filters).Append(']');
        return text.ToString();
    }

    private static string? Clean(string text, int maxLength)
    {
        text = text.Replace('\0', ' ').Trim();
        return text.Length == 0 ? null : text.Length > maxLength ? text[..maxLength] : text;
    }

    private static List<string> Many(Microsoft.Extensions.Primitives.StringValues values) =>
        values.Select(v => Clean(v ?? "", 200)).OfType<string>().Distinct(StringComparer.Ordinal).Take(20).ToList();

    private static DateOnly? Date(Microsoft.Extensions.Primitives.StringValues value, string name, List<string>? problems)
    {
        var text = value.ToString().Trim();
        if (text.Length == 0)
            return null;
        if (DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
            return date;
        problems?.Add($"'{text}' is not a date (yyyy-mm-dd) for {name}; ignored.");
        return null;
    }
}

using System.Text;
using System.Text.RegularExpressions;

namespace CableArchive.Tests.Web.Infrastructure;

/// <summary>
/// Removes from a response what differs between any two requests by design (correlation ids, antiforgery tokens,
/// dates), so that two answers can be compared byte for byte.
/// </summary>
public static partial class ResponseNormalizer
{
    /// <summary>The body without per-request values.</summary>
    public static string Body(string body)
    {
        body = AntiforgeryValue().Replace(body, "name=\"__RequestVerificationToken\" type=\"hidden\" value=\"TOKEN\"");
        body = CorrelationId().Replace(body, "<code class=\"correlation-id\">ID</code>");
        body = Timestamp().Replace(body, "TIME");
        return body;
    }

    /// <summary>Status, headers (without Date, correlation id, cookies) and body, as one text.</summary>
    public static async Task<string> WholeAsync(HttpResponseMessage response)
    {
        var text = new StringBuilder();
        text.Append((int)response.StatusCode).Append('\n');
        foreach (var header in response.Headers.Concat(response.Content.Headers).OrderBy(h => h.Key, StringComparer.Ordinal))
        {
            if (header.Key is "Date" or "X-Correlation-Id" or "Set-Cookie" or "Content-Length")
                continue;
            text.Append(header.Key).Append(": ").Append(string.Join(", ", header.Value)).Append('\n');
        }

        text.Append('\n').Append(Body(await response.Content.ReadAsStringAsync()));
        return text.ToString();
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"[^\"]+\"")]
    private static partial Regex AntiforgeryValue();

    [GeneratedRegex("[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}:[0-9]{2}(\\.[0-9]+)?(Z|[+-][0-9]{2}:[0-9]{2})?")]
    private static partial Regex Timestamp();

    [GeneratedRegex("<code class=\"correlation-id\">[^<]*</code>")]
    private static partial Regex CorrelationId();
}

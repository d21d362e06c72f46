using System.Net;
using System.Text.Json;
using CableArchive.Domain.Classification;
using CableArchive.Tests.Web.Infrastructure;

namespace CableArchive.Tests.Web;

/// <summary>Search over readable portions only: page, JSON API, CSV export, facets, permalinks, reference ids.</summary>
public sealed class SearchTests(ReadingFixture fixture) : IClassFixture<ReadingFixture>
{
    [Fact]
    public async Task A_term_found_only_in_withheld_portions_finds_nothing()
    {
        using var hidden = JsonDocument.Parse(await fixture.App.As(fixture.Confidential).GetStringAsync($"/api/search?q={ReadingFixture.SecretTerm}"));
        using var shown = JsonDocument.Parse(await fixture.App.As(fixture.SecretNoForn).GetStringAsync($"/api/search?q={ReadingFixture.SecretTerm}"));
        Assert.Equal(0, hidden.RootElement.GetProperty("total").GetInt64());
        Assert.Equal(1, shown.RootElement.GetProperty("total").GetInt64());
        Assert.Equal("08TOKYO1001", shown.RootElement.GetProperty("results")[0].GetProperty("id").GetString());
        Assert.Contains($"<mark>{ReadingFixture.SecretTerm}</mark>", shown.RootElement.GetProperty("results")[0].GetProperty("snippetHtml").GetString());
    }

    [Fact]
    public async Task A_term_found_only_in_withheld_portions_answers_exactly_like_a_nonsense_term()
    {
        var client = fixture.App.As(fixture.Confidential);
        const string nonsense = "qqxnonsenseqq";
        foreach (var path in new[] { "/search?q={0}", "/api/search?q={0}", "/search/export.csv?q={0}", "/search?q={0}&sort=newest&tag=JA" })
        {
            var secret = await ResponseNormalizer.WholeAsync(await client.GetAsync(string.Format(path, ReadingFixture.SecretTerm)));
            var made = await ResponseNormalizer.WholeAsync(await client.GetAsync(string.Format(path, nonsense)));
            Assert.Equal(made, secret.Replace(ReadingFixture.SecretTerm, nonsense, StringComparison.Ordinal));
        }
    }

    [Fact]
    public async Task Counts_facets_and_snippets_come_from_readable_portions_only()
    {
        // "cabinet" is in readable and withheld portions of several cables; 08TOKYO1003 has it only in withheld ones.
        using var confidential = JsonDocument.Parse(await fixture.App.As(fixture.Confidential).GetStringAsync("/api/search?q=cabinet"));
        using var secret = JsonDocument.Parse(await fixture.App.As(fixture.SecretNoForn).GetStringAsync("/api/search?q=cabinet"));
        var confidentialIds = confidential.RootElement.GetProperty("results").EnumerateArray().Select(r => r.GetProperty("id").GetString()).ToList();
        var secretIds = secret.RootElement.GetProperty("results").EnumerateArray().Select(r => r.GetProperty("id").GetString()).ToList();
        Assert.DoesNotContain("08TOKYO1003", confidentialIds);
        Assert.Contains("08TOKYO1003", secretIds);
        Assert.DoesNotContain("08TOKYO1004", confidentialIds);
        Assert.Equal(confidentialIds.Count, confidential.RootElement.GetProperty("total").GetInt64());

        var classifications = confidential.RootElement.GetProperty("facets").GetProperty("classifications").EnumerateArray()
            .ToDictionary(f => f.GetProperty("value").GetString()!, f => f.GetProperty("count").GetInt64());
        Assert.Equal(confidentialIds.Count, classifications.Values.Sum());
        foreach (var result in confidential.RootElement.GetProperty("results").EnumerateArray())
        {
            var snippet = result.GetProperty("snippet").GetString() ?? "";
            Assert.DoesNotContain("Bravo", snippet);
            Assert.DoesNotContain("Delta", snippet);
            Assert.DoesNotContain("Hotel", snippet);
        }
    }

    [Fact]
    public async Task The_search_page_has_facets_a_histogram_highlights_and_its_state_in_links()
    {
        var html = await fixture.App.As(fixture.Confidential).GetStringAsync("/search?q=cabinet&sort=newest");
        Assert.Contains("<svg class=\"histogram\"", html);
        Assert.Contains("<mark>cabinet</mark>", html);
        Assert.Contains("href=\"/search?q=cabinet&amp;to=2008-09-30&amp;from=2008-09-01", html.Replace("from=2008-09-01&amp;to=2008-09-30", "to=2008-09-30&amp;from=2008-09-01", StringComparison.Ordinal));
        Assert.Contains("href=\"/search?q=cabinet&amp;tag=JA&amp;sort=newest\"", html);
        Assert.Contains("/search/export.csv?q=cabinet&amp;sort=newest", html);
    }

    [Fact]
    public async Task Filters_narrow_the_results()
    {
        var client = fixture.App.As(fixture.SecretNoForn);
        using var all = JsonDocument.Parse(await client.GetStringAsync("/api/search?q=paragraph"));
        using var confidentialOnly = JsonDocument.Parse(await client.GetStringAsync("/api/search?q=paragraph&classification=CONFIDENTIAL"));
        using var redacted = JsonDocument.Parse(await client.GetStringAsync("/api/search?q=paragraph&redacted=1"));
        using var before = JsonDocument.Parse(await client.GetStringAsync("/api/search?q=paragraph&to=2001-01-01"));
        Assert.True(all.RootElement.GetProperty("total").GetInt64() >= 4);
        Assert.Equal(["08TOKYO1002"], confidentialOnly.RootElement.GetProperty("results").EnumerateArray().Select(r => r.GetProperty("id").GetString()));
        Assert.Equal(["08TOKYO1001"], redacted.RootElement.GetProperty("results").EnumerateArray().Select(r => r.GetProperty("id").GetString()));
        Assert.Equal(0, before.RootElement.GetProperty("total").GetInt64());
    }

    [Fact]
    public async Task Web_search_syntax_phrases_exclusions_and_or()
    {
        var client = fixture.App.As(fixture.SecretNoForn);
        async Task<List<string?>> Ids(string q)
        {
            using var json = JsonDocument.Parse(await client.GetStringAsync("/api/search?q=" + Uri.EscapeDataString(q)));
            return json.RootElement.GetProperty("results").EnumerateArray().Select(r => r.GetProperty("id").GetString()).Order().ToList();
        }

        Assert.Equal(["08TOKYO1002"], await Ids("\"trade talks\""));
        Assert.Equal(["08TOKYO1004"], await Ids("juliet OR kilo"));
        Assert.DoesNotContain("08TOKYO1002", await Ids("cabinet -trade"));
    }

    [Fact]
    public async Task A_reference_id_opens_its_cable()
    {
        var response = await fixture.App.As(fixture.Confidential).GetAsync("/search?q=08tokyo1002");
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/cables/08TOKYO1002", response.Headers.Location!.ToString());
    }

    [Fact]
    public async Task The_csv_export_lists_results_with_withheld_subjects_as_labels()
    {
        var csv = await fixture.App.As(fixture.Confidential).GetStringAsync("/search/export.csv?q=cabinet");
        var lines = csv.TrimEnd('\n').Split('\n');
        Assert.Equal("id,date,origin,classification,subject,url", lines[0]);
        Assert.Contains(lines, l => l.StartsWith("08TOKYO1001,", StringComparison.Ordinal) && l.Contains("JAPAN CABINET RESHUFFLE", StringComparison.Ordinal));
        Assert.DoesNotContain("HOTEL", csv);
    }

    [Fact]
    public async Task The_api_takes_a_bearer_token_or_a_cookie_and_nothing_else()
    {
        Assert.Equal(HttpStatusCode.Unauthorized, (await fixture.App.Anonymous().GetAsync("/api/search?q=cabinet")).StatusCode);
        var forged = fixture.App.Anonymous();
        forged.DefaultRequestHeaders.Authorization = new("Bearer", "cat_not-a-real-token");
        Assert.Equal(HttpStatusCode.Unauthorized, (await forged.GetAsync("/api/search?q=cabinet")).StatusCode);

        var cookie = await fixture.App.SignInAsync(fixture.Confidential);
        Assert.Equal(HttpStatusCode.OK, (await cookie.GetAsync("/api/search?q=cabinet")).StatusCode);
    }

    [Fact]
    public async Task A_clearance_lowered_by_an_admin_applies_at_the_next_request()
    {
        var user = await fixture.App.CreateUserAsync("lowered-" + Guid.NewGuid().ToString("N")[..6], ClassificationLevel.Secret, ["NOFORN"]);
        var cookie = await fixture.App.SignInAsync(user);
        var bearer = fixture.App.As(user);
        Assert.Contains("Bravo paragraph", await cookie.GetStringAsync("/cables/08TOKYO1001"));
        Assert.Contains("Bravo paragraph", await bearer.GetStringAsync("/cables/08TOKYO1001"));

        await fixture.App.SetClearanceAsync(user.Name, ClassificationLevel.Confidential);

        Assert.DoesNotContain("Bravo", await cookie.GetStringAsync("/cables/08TOKYO1001"));
        Assert.DoesNotContain("Bravo", await bearer.GetStringAsync("/cables/08TOKYO1001"));
        using var json = JsonDocument.Parse(await cookie.GetStringAsync($"/api/search?q={ReadingFixture.SecretTerm}"));
        Assert.Equal(0, json.RootElement.GetProperty("total").GetInt64());
    }

    [Fact]
    public async Task Browse_pages_list_tags_with_meanings_origins_months_and_classifications()
    {
        var client = fixture.App.As(fixture.Unclassified);
        var tags = await client.GetStringAsync("/browse/tags");
        Assert.Contains("<a href=\"/search?tag=PREL\">PREL</a>", tags);
        Assert.Contains("Political: external political relations", tags);
        Assert.Contains("Embassy Tokyo", await client.GetStringAsync("/browse/origins"));
        Assert.Contains("2008-09", await client.GetStringAsync("/browse/months"));
        Assert.Contains("SECRET//NOFORN", await client.GetStringAsync("/browse/classifications"));
    }
}

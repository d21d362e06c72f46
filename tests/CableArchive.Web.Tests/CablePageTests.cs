using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;
using CableArchive.Tests.Web.Infrastructure;

namespace CableArchive.Tests.Web;

/// <summary>The cable page, its text export, raw text and JSON: per-portion redaction for readers of different clearances.</summary>
public sealed partial class CablePageTests(ReadingFixture fixture) : IClassFixture<ReadingFixture>
{
    [Fact]
    public async Task A_confidential_reader_sees_the_confidential_portions_and_uniform_placeholders_for_the_rest()
    {
        var html = await fixture.App.As(fixture.Confidential).GetStringAsync("/cables/08TOKYO1001");

        Assert.Contains("Alpha paragraph", html);
        Assert.Contains("Charlie paragraph", html);
        Assert.Contains("JAPAN CABINET RESHUFFLE", html);
        Assert.DoesNotContain("Bravo", html);
        Assert.DoesNotContain(ReadingFixture.SecretTerm, html);
        Assert.DoesNotContain("Delta paragraph", html);
        Assert.Contains("¶2 withheld: SECRET//NOFORN", html);
        Assert.Contains("¶4 withheld: SECRET//NOFORN", html);
        Assert.Contains("2 of 6 portions are withheld from you.", html);
    }

    [Fact]
    public async Task A_secret_noforn_reader_sees_every_portion_and_the_raw_text()
    {
        var client = fixture.App.As(fixture.SecretNoForn);
        var html = await client.GetStringAsync("/cables/08TOKYO1001");
        Assert.Contains("Bravo paragraph", html);
        Assert.Contains("Delta paragraph", html);
        Assert.DoesNotContain("withheld-portion", html);
        Assert.Contains("/cables/08TOKYO1001/raw", html);

        var raw = await client.GetAsync("/cables/08TOKYO1001/raw");
        Assert.Equal(HttpStatusCode.OK, raw.StatusCode);
        Assert.Contains("S E C R E T TOKYO 001001", await raw.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task The_raw_text_of_a_partly_withheld_cable_answers_like_a_cable_that_does_not_exist()
    {
        var client = fixture.App.As(fixture.Confidential);
        var partly = await client.GetAsync("/cables/08TOKYO1001/raw");
        var missing = await client.GetAsync("/cables/08TOKYO9999/raw");
        Assert.Equal(HttpStatusCode.NotFound, partly.StatusCode);
        Assert.Equal(missing.StatusCode, partly.StatusCode);
        Assert.Equal(await missing.Content.ReadAsStringAsync(), await partly.Content.ReadAsStringAsync());
        Assert.DoesNotContain("/raw", await client.GetStringAsync("/cables/08TOKYO1001"));
    }

    [Fact]
    public async Task The_banner_stands_at_the_top_and_the_bottom()
    {
        var html = await fixture.App.As(fixture.Confidential).GetStringAsync("/cables/08TOKYO1001");
        Assert.Equal(2, Regex.Matches(html, "<div class=\"banner level-s\">SECRET//NOFORN</div>").Count);
    }

    [Fact]
    public async Task Cable_text_with_a_script_payload_is_rendered_inert()
    {
        var html = await fixture.App.As(fixture.Confidential).GetStringAsync("/cables/08TOKYO1001");
        Assert.Contains("Echo paragraph", html);
        Assert.DoesNotContain("<script>alert", html);
        Assert.DoesNotContain("<img src=x", html);
        Assert.Contains("&lt;script&gt;alert(", html);
    }

    [Fact]
    public async Task Source_redactions_are_shown_as_such()
    {
        var html = await fixture.App.As(fixture.Confidential).GetStringAsync("/cables/08TOKYO1001");
        Assert.Contains("<span class=\"redaction\" title=\"source redaction\">XXXXXXXXXXXX</span>", html);
    }

    [Fact]
    public async Task References_are_links_both_ways()
    {
        var client = fixture.App.As(fixture.Confidential);
        Assert.Contains("<a href=\"/cables/08TOKYO1002\" class=\"cites\">08TOKYO1002</a>", await client.GetStringAsync("/cables/08TOKYO1001"));
        var cited = await client.GetStringAsync("/cables/08TOKYO1002");
        Assert.Matches("<ul class=\"cited-by\">\\s*<li><a href=\"/cables/08TOKYO1001\">08TOKYO1001</a>", cited);
    }

    [Fact]
    public async Task Tags_are_shown_with_their_meanings()
    {
        var html = await fixture.App.As(fixture.Confidential).GetStringAsync("/cables/08TOKYO1001");
        Assert.Contains("<a href=\"/search?tag=PREL\" class=\"tag\">PREL</a> <span class=\"meaning\">Political: external political relations</span>", html);
        Assert.Contains("<span class=\"meaning\">Japan</span>", html);
    }

    [Fact]
    public async Task A_cable_with_every_portion_withheld_is_a_withdrawal_card_like_a_cable_that_does_not_exist()
    {
        var client = fixture.App.As(fixture.Confidential);
        var withheld = await client.GetAsync("/cables/08TOKYO1003");
        var missing = await client.GetAsync("/cables/08TOKYO9999");
        Assert.Equal(HttpStatusCode.OK, withheld.StatusCode);
        Assert.Equal(missing.StatusCode, withheld.StatusCode);

        var withheldHtml = await withheld.Content.ReadAsStringAsync();
        Assert.Contains("withdrawal-card", withheldHtml);
        Assert.Contains("<dd class=\"refid\">08TOKYO1003</dd>", withheldHtml);
        Assert.DoesNotContain("Hotel", withheldHtml, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("India", withheldHtml);
        Assert.DoesNotContain("portions are withheld", withheldHtml);

        // Apart from the envelope (and the id in the title), the two answers are the same, up to blank space.
        Assert.Equal(
            Blanks().Replace(ResponseNormalizer.Body(await missing.Content.ReadAsStringAsync()).Replace("08TOKYO9999", "ID", StringComparison.Ordinal), " "),
            Blanks().Replace(WithoutEnvelope(ResponseNormalizer.Body(withheldHtml)).Replace("08TOKYO1003", "ID", StringComparison.Ordinal), " "));
    }

    [Fact]
    public async Task The_api_answers_a_withheld_cable_and_a_missing_one_alike_except_the_envelope()
    {
        var client = fixture.App.As(fixture.Confidential);
        using var withheld = JsonDocument.Parse(await client.GetStringAsync("/api/cables/08TOKYO1003"));
        using var missing = JsonDocument.Parse(await client.GetStringAsync("/api/cables/08TOKYO9999"));
        Assert.True(withheld.RootElement.GetProperty("withdrawn").GetBoolean());
        Assert.True(missing.RootElement.GetProperty("withdrawn").GetBoolean());
        Assert.Equal(JsonValueKind.Object, withheld.RootElement.GetProperty("envelope").ValueKind);
        Assert.Equal(JsonValueKind.Null, missing.RootElement.GetProperty("envelope").ValueKind);
        Assert.Empty(withheld.RootElement.GetProperty("paragraphs").EnumerateArray());
        Assert.Equal(JsonValueKind.Null, withheld.RootElement.GetProperty("subject").ValueKind);
    }

    [Fact]
    public async Task The_api_gives_withheld_portions_as_labels_without_text()
    {
        using var json = JsonDocument.Parse(await fixture.App.As(fixture.Confidential).GetStringAsync("/api/cables/08TOKYO1001"));
        var paragraphs = json.RootElement.GetProperty("paragraphs").EnumerateArray().ToList();
        Assert.Equal(5, paragraphs.Count);
        Assert.True(paragraphs[1].GetProperty("withheld").GetBoolean());
        Assert.Equal(JsonValueKind.Null, paragraphs[1].GetProperty("text").ValueKind);
        Assert.Equal("SECRET//NOFORN", paragraphs[1].GetProperty("label").GetString());
        Assert.StartsWith("Alpha", paragraphs[0].GetProperty("text").GetString());
    }

    [Fact]
    public async Task An_unreadable_mark_is_read_only_by_those_who_dominate_the_banner()
    {
        var confidential = await fixture.App.As(fixture.Confidential).GetStringAsync("/cables/08TOKYO1004");
        var secret = await fixture.App.As(fixture.SecretNoForn).GetStringAsync("/cables/08TOKYO1004");
        Assert.DoesNotContain("Kilo", confidential);
        Assert.Contains("¶2 withheld: SECRET", confidential);
        Assert.Contains("Kilo paragraph", secret);
    }

    [Fact]
    public async Task The_text_export_carries_each_mark_and_a_banner_that_joins_the_included_portions()
    {
        var text = await fixture.App.As(fixture.Confidential).GetStringAsync("/cables/08TOKYO1001/export.txt");
        var lines = text.TrimEnd('\n').Split('\n');
        Assert.Equal("CONFIDENTIAL", lines[0]);
        Assert.Equal("CONFIDENTIAL", lines[^1]);
        Assert.Contains("1. (C) Alpha paragraph", text);
        Assert.Contains("3. (U) Charlie paragraph", text);
        Assert.Contains("[¶2 withheld]", text);
        Assert.DoesNotContain("Bravo", text);

        var full = await fixture.App.As(fixture.SecretNoForn).GetStringAsync("/cables/08TOKYO1001/export.txt");
        Assert.StartsWith("SECRET//NOFORN\n", full);
        Assert.Contains("2. (S//NF) Bravo paragraph", full);
    }

    [Fact]
    public async Task The_version_list_offers_the_current_version()
    {
        var html = await fixture.App.As(fixture.Confidential).GetStringAsync("/cables/08TOKYO1001");
        Assert.Matches("version 1</a>\\s*first seen [0-9-]+ \\(RawText\\)\\s*<strong>current</strong>", html);
        using var json = JsonDocument.Parse(await fixture.App.As(fixture.Confidential).GetStringAsync("/api/cables/08TOKYO1001/versions"));
        Assert.Single(json.RootElement.GetProperty("versions").EnumerateArray());
    }

    private static string WithoutEnvelope(string html) => EnvelopeSection().Replace(html, "");

    [GeneratedRegex("<section class=\"envelope\">.*?</section>", RegexOptions.Singleline)]
    private static partial Regex EnvelopeSection();

    [GeneratedRegex("\\s+")]
    private static partial Regex Blanks();
}

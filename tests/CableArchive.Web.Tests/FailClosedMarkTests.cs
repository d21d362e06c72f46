using System.Text.Json;
using CableArchive.Domain.Classification;
using CableArchive.Tests.Web.Infrastructure;

namespace CableArchive.Tests.Web;

/// <summary>
/// Text whose mark is not its portion's own. A bullet marked above the paragraph that holds it (09STATE6423: questions
/// marked (S/NF) under a paragraph marked (U)) raises the paragraph's label: no page, search or export shows it at the
/// paragraph's own level. A REF item that is not a cable id takes the banner, like any unmarked text.
/// </summary>
public sealed class FailClosedMarkTests : IAsyncLifetime
{
    private const string InnerTerm = "novemberinnerterm";

    private const string ReferenceTerm = "OSCARREFERENCETERM";

    private ArchiveApp app = null!;
    private TestUser confidential = null!;
    private TestUser secret = null!;
    private TestUser secretNoForn = null!;

    public async ValueTask InitializeAsync()
    {
        app = await ArchiveApp.StartAsync();
        var (fileName, text) = TestCableText.Tokyo(1005, "SECRET", ["NOFORN"], new("(U)", "QUESTIONS FOR POSTS"),
        [
            new("(U)", "Lima paragraph that anyone may read."),
            new("(U)", $"Mike paragraph with questions:\n\n1) (S/NF) WHO IN TOKYO IS PUSHING THE {InnerTerm.ToUpperInvariant()}?"),
        ], references: [1006]);
        await app.ImportAsync(
        [
            (fileName, text.Replace("A. TOKYO 1006 ", $"A. TOKYO 1006 B. SMITH-JONES E-MAIL ON THE {ReferenceTerm} PLAN ", StringComparison.Ordinal)),

            // A banner written below its portions (08RIYADH102: SECRET over paragraphs marked S//NF).
            TestCableText.Tokyo(1007, "SECRET", [], new("(S//NF)", "A BANNER BELOW ITS PORTIONS"),
            [
                new("(S)", "Oscar paragraph marked SECRET."),
                new("(S//NF)", "Papa paragraph marked NOFORN."),
                new(null, "Quebec paragraph without a mark, beside NOFORN ones."),
            ]),
        ]);
        confidential = await app.CreateUserAsync("reader-c", ClassificationLevel.Confidential);
        secret = await app.CreateUserAsync("reader-s", ClassificationLevel.Secret);
        secretNoForn = await app.CreateUserAsync("reader-s-nf", ClassificationLevel.Secret, ["NOFORN"]);
    }

    public async ValueTask DisposeAsync() => await app.DisposeAsync();

    [Fact]
    public async Task The_paragraph_holding_a_secret_bullet_is_withheld_from_a_confidential_reader()
    {
        var page = await app.As(confidential).GetStringAsync("/cables/08TOKYO1005");
        Assert.Contains("Lima paragraph", page);
        Assert.DoesNotContain("Mike", page);
        Assert.DoesNotContain(InnerTerm, page, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("¶2 withheld: SECRET//NOFORN", page);

        var export = await app.As(confidential).GetStringAsync("/cables/08TOKYO1005/export.txt");
        Assert.DoesNotContain(InnerTerm, export, StringComparison.OrdinalIgnoreCase);

        using var hidden = JsonDocument.Parse(await app.As(confidential).GetStringAsync($"/api/search?q={InnerTerm}"));
        Assert.Equal(0, hidden.RootElement.GetProperty("total").GetInt64());
    }

    [Fact]
    public async Task An_unmarked_portion_takes_a_banner_written_below_the_portions_raised_to_them()
    {
        var page = await app.As(secret).GetStringAsync("/cables/08TOKYO1007");
        Assert.Contains("Oscar paragraph", page);
        Assert.DoesNotContain("Quebec", page);
        Assert.Contains("¶3 withheld: SECRET//NOFORN", page);
        Assert.Contains("Quebec paragraph", await app.As(secretNoForn).GetStringAsync("/cables/08TOKYO1007"));
    }

    [Fact]
    public async Task A_reference_that_is_not_a_cable_id_is_shown_only_to_readers_of_the_whole_cable()
    {
        var page = await app.As(confidential).GetStringAsync("/cables/08TOKYO1005");
        var api = await app.As(confidential).GetStringAsync("/api/cables/08TOKYO1005");
        Assert.DoesNotContain(ReferenceTerm, page, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain(ReferenceTerm, api, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("08TOKYO1006", page);

        Assert.DoesNotContain(ReferenceTerm, await app.As(secret).GetStringAsync("/cables/08TOKYO1005"), StringComparison.OrdinalIgnoreCase);
        Assert.Contains(ReferenceTerm, await app.As(secretNoForn).GetStringAsync("/cables/08TOKYO1005"));
    }

    [Fact]
    public async Task A_secret_noforn_reader_reads_and_finds_it()
    {
        var page = await app.As(secretNoForn).GetStringAsync("/cables/08TOKYO1005");
        Assert.Contains("Mike paragraph", page);
        Assert.Contains("title=\"Marked (U), read at SECRET//NOFORN: its text holds higher marks\">(S//NF)</span>", page);
        using var shown = JsonDocument.Parse(await app.As(secretNoForn).GetStringAsync($"/api/search?q={InnerTerm}"));
        Assert.Equal(1, shown.RootElement.GetProperty("total").GetInt64());
    }
}
